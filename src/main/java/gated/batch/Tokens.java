package gated.batch;

import gated.internal.Checks;
import java.util.Arrays;

/**
 * A minibatch of token sequences: B sequences of T indices into a vocabulary of V tokens. As the
 * input of a layer, token k stands for the one-hot vector e_k, so x_t·W_x is simply row k of W_x:
 * the layer copies that row instead of multiplying by a vector of zeros. As the targets of a loss,
 * entry (b, t) is the class that step t of sequence b should predict.
 */
public final class Tokens implements BatchInput {
  private final int[][] ids;   // [B][T]
  private final int vocabulary;

  private Tokens(int[][] ids, int vocabulary) {
    this.ids = ids;
    this.vocabulary = vocabulary;
  }

  /**
   * @param ids [B][T]: ids[b][t] is the token at step t of sequence b (both counted from 0 in code)
   * @param vocabularySize V; every index must lie in 0 … V−1
   */
  public static Tokens of(int[][] ids, int vocabularySize) {
    String op = "tokens";
    Checks.positive(op, "vocabulary size V", vocabularySize);
    Checks.notNull(op, "indices", ids);
    if (ids.length == 0) throw new IllegalArgumentException(op + ": the minibatch has no sequences (B = 0)");
    int[][] copy = new int[ids.length][];
    for (int b = 0; b < ids.length; b++) {
      if (ids[b] == null) throw new IllegalArgumentException(op + ": sequence " + b + " is null");
      if (ids[b].length == 0) throw new IllegalArgumentException(op + ": sequence " + b + " is empty; T must be at least 1");
      if (ids[b].length != ids[0].length) {
        throw new IllegalArgumentException(op + ": sequence " + b + " has " + ids[b].length + " steps but sequence 0 has "
            + ids[0].length + "; every sequence of a minibatch needs the same length T");
      }
      for (int t = 0; t < ids[b].length; t++) {
        if (ids[b][t] < 0 || ids[b][t] >= vocabularySize) {
          throw new IllegalArgumentException(op + ": index " + ids[b][t] + " at sequence " + b + ", step " + t
              + " is outside the vocabulary 0.." + (vocabularySize - 1));
        }
      }
      copy[b] = ids[b].clone();
    }
    return new Tokens(copy, vocabularySize);
  }

  @Override
  public int steps() {
    return ids[0].length;
  }

  @Override
  public int batchSize() {
    return ids.length;
  }

  /** V. */
  @Override
  public int features() {
    return vocabulary;
  }

  public int vocabularySize() {
    return vocabulary;
  }

  /** The token at step t of sequence b. */
  public int get(int b, int t) {
    if (b < 0 || b >= ids.length || t < 0 || t >= ids[0].length) {
      throw new IllegalArgumentException("tokens: (sequence " + b + ", step " + t + ") is outside B = " + ids.length
          + ", T = " + ids[0].length);
    }
    return ids[b][t];
  }

  /** A copy of the indices, [B][T]. */
  public int[][] toArray() {
    int[][] out = new int[ids.length][];
    for (int b = 0; b < ids.length; b++) out[b] = ids[b].clone();
    return out;
  }

  /** Row-wise access for the layers: the token of row t·B + b. */
  int atRow(int row) {
    int b = row % ids.length;
    return ids[b][row / ids.length];
  }

  @Override
  public String toString() {
    return "Tokens B=" + ids.length + " × T=" + ids[0].length + " over V=" + vocabulary
        + (ids.length * ids[0].length <= 20 ? " " + Arrays.deepToString(ids) : "");
  }
}
