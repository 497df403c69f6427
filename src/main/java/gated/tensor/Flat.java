package gated.tensor;

import gated.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/** Joins matrices and vectors into one flat list of numbers and reads them back: the plumbing of {@link Params}. */
public final class Flat {
  private Flat() {}

  /** The entries of each part (a {@link Matrix} row by row, or a {@link Vec}), one after another. */
  public static double[] join(Object... parts) {
    if (parts == null) throw new IllegalArgumentException("Flat.join: the parts are null");
    List<double[]> arrays = new ArrayList<>();
    long n = 0;
    for (int k = 0; k < parts.length; k++) {
      Object p = parts[k];
      double[] a;
      if (p instanceof Matrix m) a = m.toArray();
      else if (p instanceof Vec v) a = v.toArray();
      else if (p instanceof Params<?> q) a = q.toArray();
      else throw new IllegalArgumentException("Flat.join: cannot flatten part " + k + ", " + p);
      arrays.add(a);
      n += a.length;
    }
    double[] out = new double[Checks.allocatable("Flat.join", "the joined list", n)];
    int at = 0;
    for (double[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  /**
   * √(Σ v_k²) of finite entries, exact to rounding wherever the result is a double. Summing the
   * squares directly overflows once an entry passes about 1e154 (and underflows to 0 below about
   * 1e-154) although the norm itself is far from the limits; then every entry is divided by the
   * largest |v_k| = m first: ‖v‖ = m·√(Σ (v_k/m)²), the way numerical libraries compute a norm.
   * The result is +Infinity only when the norm itself is above {@code Double.MAX_VALUE}.
   */
  static double l2(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    if (s < Double.POSITIVE_INFINITY && s > 0x1p-900) return Math.sqrt(s);   // the usual case
    double m = 0;
    for (double x : v) m = Math.max(m, Math.abs(x));
    if (m == 0 || Double.isNaN(m)) return Math.sqrt(s);                    // all zero, or NaN for the caller to blame
    double scaled = 0;
    for (double x : v) scaled += (x / m) * (x / m);
    return m * Math.sqrt(scaled);
  }

  /** Reads numbers back in the order they were joined, taking shapes from existing parts. */
  public static final class Reader {
    private final double[] flat;
    private final String owner;
    private int at;

    public Reader(double[] flat, int expected, String owner) {
      this.owner = owner == null || owner.isBlank() ? "Flat.Reader" : owner;
      if (flat == null) throw new IllegalArgumentException(this.owner + ": the flat parameter list is null");
      if (flat.length != expected) {
        throw new IllegalArgumentException(this.owner + ": expected " + expected + " numbers, got " + flat.length);
      }
      this.flat = flat;
    }

    public Matrix matrixLike(Matrix like) {
      Checks.notNull(owner, "the matrix to copy the shape of", like);
      double[] d = take(like.rows() * like.cols());
      return Matrix.of(like.rows(), like.cols(), d);
    }

    public Vec vecLike(Vec like) {
      Checks.notNull(owner, "the vector to copy the size of", like);
      return Vec.wrap(take(like.size()));
    }

    public <P extends Params<P>> P paramsLike(P like) {
      Checks.notNull(owner, "the weights to copy the shapes of", like);
      return like.withArray(take(like.count()));
    }

    public double[] take(int n) {
      if (n < 0) throw new IllegalArgumentException(owner + ": cannot take " + n + " numbers");
      if ((long) at + n > flat.length) {
        throw new IllegalArgumentException(owner + ": ran out of numbers (" + (flat.length - at) + " left, " + n
            + " wanted)");
      }
      double[] d = new double[n];
      System.arraycopy(flat, at, d, 0, n);
      at += n;
      return d;
    }
  }
}
