package gated.internal;

import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * Argument checks whose messages name the operation, the symbol, the expected shape and the
 * shape received, e.g. "forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows".
 * Every public entry point of the library calls these before it computes anything.
 */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(String op, String name, T value) {
    if (value == null) throw new IllegalArgumentException(op + ": " + name + " is null");
    return value;
  }

  public static int positive(String op, String name, int value) {
    if (value <= 0) throw new IllegalArgumentException(op + ": " + name + " must be at least 1, got " + value);
    return value;
  }

  public static double positive(String op, String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(op + ": " + name + " must be a positive finite number, got " + value);
    }
    return value;
  }

  public static <T> List<T> nonEmpty(String op, String name, List<T> list) {
    notNull(op, name, list);
    if (list.isEmpty()) throw new IllegalArgumentException(op + ": " + name + " is empty; a sequence needs at least one step");
    for (int t = 0; t < list.size(); t++) {
      if (list.get(t) == null) throw new IllegalArgumentException(op + ": " + name + " has a null entry at t = " + t);
    }
    return list;
  }

  /** v is present, has {@code size} entries, and holds finite numbers only. */
  public static Vec vector(String op, String name, Vec v, int size, String sizeMeaning) {
    notNull(op, name, v);
    if (v.size() != size) {
      throw new IllegalArgumentException(op + ": " + name + " has " + v.size() + " entries but " + sizeMeaning
          + " is " + size);
    }
    return finite(op, name, v);
  }

  /** m is present, is rows×cols, and holds finite numbers only. */
  public static Matrix matrix(String op, String name, Matrix m, int rows, int cols, String why) {
    notNull(op, name, m);
    if (m.rows() != rows || m.cols() != cols) {
      throw new IllegalArgumentException(op + ": " + name + " is " + m.shape() + " but it must be " + rows + "×" + cols
          + " (" + why + ")");
    }
    return finite(op, name, m);
  }

  /** v is present and has {@code size} entries (values unchecked: gradients may hold anything). */
  public static Vec size(String op, String name, Vec v, int size, String sizeMeaning) {
    notNull(op, name, v);
    if (v.size() != size) {
      throw new IllegalArgumentException(op + ": " + name + " has " + v.size() + " entries but " + sizeMeaning
          + " is " + size);
    }
    return v;
  }

  /** m is present and is rows×cols (values unchecked: gradients may hold anything). */
  public static Matrix shape(String op, String name, Matrix m, int rows, int cols, String why) {
    notNull(op, name, m);
    if (m.rows() != rows || m.cols() != cols) {
      throw new IllegalArgumentException(op + ": " + name + " is " + m.shape() + " but it must be " + rows + "×" + cols
          + " (" + why + ")");
    }
    return m;
  }

  /** W·v is defined: "forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows". */
  public static void product(String op, String wName, Matrix w, String vName, Vec v) {
    if (w.cols() != v.size()) {
      throw new IllegalArgumentException(op + ": " + wName + " is " + w.shape() + " but " + vName + " has " + v.size()
          + " rows");
    }
  }

  /** v·W is defined (row-vector convention). */
  public static void rowProduct(String op, String vName, Vec v, String wName, Matrix w) {
    if (w.rows() != v.size()) {
      throw new IllegalArgumentException(op + ": " + vName + " has " + v.size() + " columns but " + wName + " is "
          + w.shape());
    }
  }

  /**
   * A gradient arriving at a backward pass: the right size, and finite. A non-finite gradient is an
   * exploding gradient, reported as a {@link gated.train.NonFiniteException} rather than passed on.
   */
  public static Vec gradient(String op, String name, Vec g, int size) {
    size(op, name, g, size, "the hidden size");
    double[] a = g.toArray();
    for (int k = 0; k < a.length; k++) {
      if (!Double.isFinite(a[k])) {
        throw new gated.train.NonFiniteException(op + ": " + name + " holds " + a[k] + " at index " + k
            + "; the gradient overflowed on its way back through time (an exploding gradient)");
      }
    }
    return g;
  }

  public static Vec finite(String op, String name, Vec v) {
    double[] a = v.toArray();
    for (int k = 0; k < a.length; k++) {
      if (!Double.isFinite(a[k])) {
        throw new IllegalArgumentException(op + ": " + name + " holds " + a[k] + " at index " + k
            + "; inputs and weights must be finite numbers");
      }
    }
    return v;
  }

  public static Matrix finite(String op, String name, Matrix m) {
    if (!m.isFinite()) {
      double[][] a = m.toArray2d();
      for (int r = 0; r < a.length; r++) {
        for (int c = 0; c < a[r].length; c++) {
          if (!Double.isFinite(a[r][c])) {
            throw new IllegalArgumentException(op + ": " + name + " holds " + a[r][c] + " at (" + r + ", " + c
                + "); inputs and weights must be finite numbers");
          }
        }
      }
    }
    return m;
  }

  public static double finite(String op, String name, double v) {
    if (!Double.isFinite(v)) throw new IllegalArgumentException(op + ": " + name + " is " + v + ", not a finite number");
    return v;
  }
}
