package gated.model;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers for lists of vectors indexed by time. */
public final class Sequences {
  private Sequences() {}

  /** Checks a sequence of inputs: not empty, no nulls, every x_t of size {@code size} and finite. */
  static List<Vec> inputs(String op, List<Vec> xs, int size) {
    Checks.nonEmpty(op, "the input sequence", xs);
    for (int t = 0; t < xs.size(); t++) Checks.vector(op, "x_" + (t + 1), xs.get(t), size, "the input size");
    return xs;
  }

  /** Checks output gradients: one per step, each of size {@code size}. */
  static List<Vec> outputGradients(String op, List<Vec> dOut, int steps, int size) {
    Checks.notNull(op, "the output gradients", dOut);
    if (dOut.size() != steps) {
      throw new IllegalArgumentException(op + ": " + dOut.size() + " output gradients for a trace of " + steps + " steps");
    }
    for (int t = 0; t < steps; t++) Checks.vector(op, "∂L/∂output_" + (t + 1), dOut.get(t), size, "the output size");
    return dOut;
  }

  /** T zero vectors of the given size. */
  public static List<Vec> zeros(int steps, int size) {
    return Collections.nCopies(steps, Vec.zeros(size));
  }

  /** Zeros at every step except the last, which holds {@code last}: a loss on the final output only. */
  public static List<Vec> onlyLast(int steps, Vec last) {
    List<Vec> out = new ArrayList<>(zeros(steps, last.size()));
    out.set(steps - 1, last);
    return out;
  }

  /** into += values, entry by entry: summing a shared weight's gradient over time steps. */
  static void addInto(double[] into, double[] values) {
    for (int k = 0; k < into.length; k++) into[k] += values[k];
  }

  /** The list reversed: the order in which a backward-direction layer reads the sequence. */
  public static <T> List<T> reversed(List<T> xs) {
    List<T> out = new ArrayList<>(xs);
    Collections.reverse(out);
    return out;
  }
}
