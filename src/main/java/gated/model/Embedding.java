package gated.model;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;

/**
 * An embedding table E: [V, D], one row per token. Looking up token k returns row k, which is
 * exactly the row-vector product e_k·E of its one-hot vector with E (seed 003, Q1).
 *
 * @param table E: [V, D]
 */
public record Embedding(Matrix table) {

  public Embedding {
    Checks.notNull("embedding", "E", table);
    Checks.finite("embedding", "E", table);
  }

  public int vocabularySize() {
    return table.rows();
  }

  public int dimension() {
    return table.cols();
  }

  /** Row k of E. */
  public Vec lookup(int k) {
    if (k < 0 || k >= vocabularySize()) {
      throw new IllegalArgumentException("embedding lookup: token " + k + " is outside the vocabulary 0.."
          + (vocabularySize() - 1));
    }
    return table.row(k);
  }

  /** The one-hot row times E: e_k·E, a [1, V] by [V, D] product. */
  public Vec viaOneHot(Vec oneHot) {
    String op = "embedding via one-hot e_k·E";
    Checks.notNull(op, "one-hot vector", oneHot);
    Checks.rowProduct(op, "the one-hot row", oneHot, "E", table);
    OneHot.decode(op, oneHot);                                 // a single 1, zeros elsewhere
    return oneHot.times(table);
  }

  /** Parameters: V·D (no bias). */
  public int count() {
    return table.rows() * table.cols();
  }
}
