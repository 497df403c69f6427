package gated.tensor;

/**
 * A set of weights (or of gradients, which have the same shapes) that can be read as one flat list
 * of numbers in a documented order. Optimizers, gradient clipping and gradient checks work on that
 * list and hand back a new, immutable set: {@code weights = weights.plusScaled(grads, -lr)}.
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

  /** this + s · other, entry by entry. */
  default P plusScaled(P other, double s) {
    double[] a = toArray();
    double[] b = other.toArray();
    if (a.length != b.length) {
      throw new IllegalArgumentException("parameter update: " + getClass().getSimpleName() + " has " + a.length
          + " numbers but the other set has " + b.length);
    }
    for (int k = 0; k < a.length; k++) a[k] += s * b[k];
    return withArray(a);
  }

  default P scale(double s) {
    double[] a = toArray();
    for (int k = 0; k < a.length; k++) a[k] *= s;
    return withArray(a);
  }

  default P zerosLike() {
    return withArray(new double[count()]);
  }

  /** The global L2 norm over every number, as used by clipping by norm. */
  default double norm() {
    double s = 0;
    for (double v : toArray()) s += v * v;
    return Math.sqrt(s);
  }
}
