package gated.tensor;

import java.util.ArrayList;
import java.util.List;

/** Joins matrices and vectors into one flat list of numbers and reads them back: the plumbing of {@link Params}. */
public final class Flat {
  private Flat() {}

  /** The entries of each part (a {@link Matrix} row by row, or a {@link Vec}), one after another. */
  public static double[] join(Object... parts) {
    List<double[]> arrays = new ArrayList<>();
    int n = 0;
    for (Object p : parts) {
      double[] a;
      if (p instanceof Matrix m) a = m.toArray();
      else if (p instanceof Vec v) a = v.toArray();
      else if (p instanceof Params<?> q) a = q.toArray();
      else throw new IllegalArgumentException("Flat.join: cannot flatten " + p);
      arrays.add(a);
      n += a.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  /** Reads numbers back in the order they were joined, taking shapes from existing parts. */
  public static final class Reader {
    private final double[] flat;
    private final String owner;
    private int at;

    public Reader(double[] flat, int expected, String owner) {
      if (flat == null) throw new IllegalArgumentException(owner + ": the flat parameter list is null");
      if (flat.length != expected) {
        throw new IllegalArgumentException(owner + ": expected " + expected + " numbers, got " + flat.length);
      }
      this.flat = flat;
      this.owner = owner;
    }

    public Matrix matrixLike(Matrix like) {
      double[] d = take(like.rows() * like.cols());
      return Matrix.of(like.rows(), like.cols(), d);
    }

    public Vec vecLike(Vec like) {
      return Vec.wrap(take(like.size()));
    }

    public <P extends Params<P>> P paramsLike(P like) {
      return like.withArray(take(like.count()));
    }

    public double[] take(int n) {
      if (at + n > flat.length) throw new IllegalArgumentException(owner + ": ran out of numbers");
      double[] d = new double[n];
      System.arraycopy(flat, at, d, 0, n);
      at += n;
      return d;
    }
  }
}
