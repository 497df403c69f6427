package gated.tensor;

import gated.internal.Checks;

/**
 * A set of weights (or of gradients, which have the same shapes) that can be read as one flat list
 * of numbers in a documented order. Optimizers, gradient clipping and gradient checks work on that
 * list and hand back a new, immutable set: {@code weights = weights.plusScaled(grads, -lr)}.
 *
 * <p>A gradient knows the shapes of the weights it belongs to ({@link #shapes()}): every operation
 * that combines two sets refuses a pair of different shapes, even when they hold the same number of
 * numbers, naming both.
 *
 * @param <P> the implementing record, so that arithmetic returns the same type
 */
public interface Params<P extends Params<P>> {

  /** Every number, copied, in the order the implementing record documents. */
  double[] toArray();

  /** The same shapes holding {@code flat}, which must have {@link #count()} entries. */
  P withArray(double[] flat);

  /** How many numbers: the parameter count. */
  default int count() {
    return toArray().length;
  }

  /**
   * What the numbers are: the kind of weights and the shape of every block, in flat order, e.g.
   * "LSTM weights (H = 3, X = 4: W_f, W_i, W_g, W_o 3×7, b_f, b_i, b_g, b_o 3)". Two sets can be
   * combined only when their shapes are equal.
   */
  default String shapes() {
    return getClass().getSimpleName() + " (" + count() + " numbers)";
  }

  /** this + s · other, entry by entry. */
  default P plusScaled(P other, double s) {
    String op = "parameter update θ + s·g";
    Checks.sameShapes(op, "θ", this, "g", other);
    Checks.finite(op, "s", s);
    double[] a = Checks.finite(op, "θ", toArray());
    double[] b = Checks.finite(op, "g", other.toArray());
    for (int k = 0; k < a.length; k++) a[k] += s * b[k];
    return withArray(Checks.finiteResult(op, a));
  }

  default P scale(double s) {
    String op = "parameter scaling s·θ";
    Checks.finite(op, "s", s);
    double[] a = Checks.finite(op, "θ", toArray());
    for (int k = 0; k < a.length; k++) a[k] *= s;
    return withArray(Checks.finiteResult(op, a));
  }

  default P zerosLike() {
    return withArray(new double[count()]);
  }

  /**
   * The global L2 norm √(Σ θ_k²) over every number, as used by clipping by norm; like
   * {@link Vec#norm()} it is right even where Σ θ_k² alone would overflow, and +Infinity only when
   * the norm itself is above {@code Double.MAX_VALUE}.
   */
  default double norm() {
    return Flat.l2(Checks.finite("norm ‖θ‖₂", "θ", toArray()));
  }
}
