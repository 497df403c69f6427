package gated.model;

import gated.internal.Checks;
import gated.tensor.Vec;

/** One-hot vectors: token k of a vocabulary of size V is e_k, a 1 at position k and 0 elsewhere. */
public final class OneHot {
  private OneHot() {}

  /** e_index of size {@code size}. */
  public static Vec encode(int index, int size) {
    Checks.positive("one-hot encoding", "vocabulary size", size);
    Checks.allocatable("one-hot encoding", "a one-hot vector", size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("one-hot encoding: index " + index + " is outside the vocabulary 0.."
          + (size - 1));
    }
    double[] v = new double[size];
    v[index] = 1;
    return Vec.of(v);
  }

  /** The index of the 1 in a one-hot vector; fails if the vector is not one-hot. */
  public static int decode(Vec oneHot) {
    return decode("one-hot decoding", oneHot);
  }

  static int decode(String op, Vec oneHot) {
    Checks.notNull(op, "vector", oneHot);
    int at = -1;
    for (int k = 0; k < oneHot.size(); k++) {
      double v = oneHot.get(k);
      if (v == 1 && at < 0) at = k;
      else if (v != 0) {
        throw new IllegalArgumentException(op + ": " + oneHot + " is not one-hot (entry " + k + " is " + v
            + "; a one-hot vector has a single 1 and zeros elsewhere)");
      }
    }
    if (at < 0) throw new IllegalArgumentException(op + ": " + oneHot + " has no 1, so it is not one-hot");
    return at;
  }
}
