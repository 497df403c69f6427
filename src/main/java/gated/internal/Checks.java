package gated.internal;

import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Argument checks whose messages name the operation, the symbol, the expected shape and the
 * shape received, e.g. "forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows".
 * Every public entry point of the library calls these before it computes anything.
 *
 * <p>Two kinds of failure: bad input is an {@link IllegalArgumentException}; a computation whose
 * inputs were finite but whose result is not (an overflow, e.g. an exploding gradient) is a
 * {@link NonFiniteException}, which is also an {@code IllegalArgumentException}.
 */
public final class Checks {
  private Checks() {}

  /** The longest array a JVM allocates (a few entries below Integer.MAX_VALUE, as in java.util.ArrayList). */
  public static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

  /** The operation named by a caller, or {@code fallback} when the caller gave none. */
  public static String opName(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given;
  }

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

  /** 0 ≤ index &lt; size, for reading entry {@code index} of something with {@code size} entries. */
  public static int index(String op, String name, int index, int size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(op + ": " + name + " " + index + " is outside 0.." + (size - 1));
    }
    return index;
  }

  /**
   * The number of entries of a rows×cols array, checked before anything is allocated: both sizes
   * at least 1, the product not overflowing an int, at most {@link #MAX_ENTRIES}, and small enough
   * for this JVM's heap. "Matrix.zeros: a 65536×65536 matrix has 4294967296 entries; …".
   */
  public static int entries(String op, String what, int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(op + ": a " + what + " needs at least 1 row and 1 column, got " + rows + "×"
          + cols);
    }
    long n = (long) rows * cols;
    if (n <= MAX_ENTRIES && 8 * n <= HEAP) return (int) n;         // the usual case, without building a message
    return allocatable(op, "a " + rows + "×" + cols + " " + what, n);
  }

  /** The most memory this JVM may use (-Xmx); fixed for the life of the JVM. */
  private static final long HEAP = Runtime.getRuntime().maxMemory();

  /** {@code n} doubles can be allocated: at most {@link #MAX_ENTRIES}, and no more than the heap can ever hold. */
  public static int allocatable(String op, String what, long n) {
    if (n > MAX_ENTRIES) {
      throw new IllegalArgumentException(op + ": " + what + " has " + n + " entries; a Java array holds at most "
          + MAX_ENTRIES);
    }
    long bytes = 8 * n;
    if (bytes > HEAP) {
      throw new IllegalArgumentException(op + ": " + what + " has " + n + " entries, which need "
          + gigabytes(bytes) + " but this JVM may use at most " + gigabytes(HEAP) + " (-Xmx)");
    }
    return (int) n;
  }

  private static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  /** a + b for sizes, failing with a message instead of wrapping round to a negative int. */
  public static int sum(String op, String what, int a, int b) {
    long s = (long) a + b;
    if (s > Integer.MAX_VALUE || s < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(op + ": " + what + " = " + a + " + " + b + " = " + s
          + " is more than an int holds (" + Integer.MAX_VALUE + ")");
    }
    return (int) s;
  }

  /** a · b for sizes, failing with a message instead of wrapping round. */
  public static int product(String op, String what, int a, int b) {
    long p = (long) a * b;
    if (p > Integer.MAX_VALUE || p < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(op + ": " + what + " = " + a + " · " + b + " = " + p
          + " is more than an int holds (" + Integer.MAX_VALUE + ")");
    }
    return (int) p;
  }

  public static <T> List<T> nonEmpty(String op, String name, List<T> list) {
    notNull(op, name, list);
    if (list.isEmpty()) throw new IllegalArgumentException(op + ": " + name + " is empty; a sequence needs at least one step");
    return noNulls(op, name, list);
  }

  /** Every entry present (the list itself may be empty). */
  public static <T> List<T> noNulls(String op, String name, List<T> list) {
    notNull(op, name, list);
    for (int t = 0; t < list.size(); t++) {
      if (list.get(t) == null) throw new IllegalArgumentException(op + ": " + name + " has a null entry at t = " + t);
    }
    return list;
  }

  /** v is present, has {@code size} entries, and holds finite numbers only. */
  public static Vec vector(String op, String name, Vec v, int size, String sizeMeaning) {
    size(op, name, v, size, sizeMeaning);
    return finite(op, name, v);
  }

  /** m is present, is rows×cols, and holds finite numbers only. */
  public static Matrix matrix(String op, String name, Matrix m, int rows, int cols, String why) {
    shape(op, name, m, rows, cols, why);
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
   * exploding gradient, reported as a {@link NonFiniteException} rather than passed on.
   */
  public static Vec gradient(String op, String name, Vec g, int size) {
    return gradient(op, name, g, size, "the hidden size");
  }

  /** As {@link #gradient(String, String, Vec, int)}, saying what the size means. */
  public static Vec gradient(String op, String name, Vec g, int size, String sizeMeaning) {
    size(op, name, g, size, sizeMeaning);
    double[] a = g.toArray();
    for (int k = 0; k < a.length; k++) {
      if (!Double.isFinite(a[k])) {
        throw new NonFiniteException(op + ": " + name + " holds " + a[k] + " at index " + k
            + "; the gradient overflowed on its way back through time (an exploding gradient)");
      }
    }
    return g;
  }

  public static Vec finite(String op, String name, Vec v) {
    notNull(op, name, v);
    if (v.isFinite()) return v;                 // the usual case, without copying the numbers
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
    notNull(op, name, m);
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

  /** Every number of a flat list is finite: "SGD step: θ holds NaN at position 5". */
  public static double[] finite(String op, String name, double[] values) {
    notNull(op, name, values);
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new IllegalArgumentException(op + ": " + name + " holds " + values[k] + " at position " + k
            + "; it must hold finite numbers only");
      }
    }
    return values;
  }

  /**
   * The result of a computation on finite inputs is finite too, or the computation overflowed:
   * "matrix-vector product W·v: entry 2 of the result is Infinity".
   */
  public static double[] finiteResult(String op, double[] out) {
    for (int k = 0; k < out.length; k++) {
      if (!Double.isFinite(out[k])) {
        throw new NonFiniteException(op + ": entry " + k + " of the result is " + out[k]
            + "; the inputs are finite but too large, and the result overflowed a double (±1.8e308)", null, out[k], k);
      }
    }
    return out;
  }

  public static double finiteResult(String op, double out) {
    if (!Double.isFinite(out)) {
      throw new NonFiniteException(op + ": the result is " + out
          + "; the inputs are finite but too large, and the result overflowed a double (±1.8e308)", null, out, -1);
    }
    return out;
  }

  /**
   * Runs one line of an equation; if it overflows, the error names the equation first:
   * "forget gate z_f = W_f·[h_{t-1}; x_t] + b_f: matrix-vector product W·v: entry 0 …".
   */
  public static <T> T equation(String equation, Supplier<T> body) {
    try {
      return body.get();
    } catch (NonFiniteException e) {
      if (e.quantity() != null) throw e;    // already names the gradient that overflowed
      throw new NonFiniteException(equation + ": " + e.getMessage(), e.quantity(), e.value(), e.index());
    }
  }

  /**
   * One gradient of a backward pass, computed by {@code body} (a single vector operation on finite
   * numbers); if it overflows, the error names the gradient, the value and the entry:
   * "RNN backward: ∂L/∂h_{t-1} = W_hᵀ·da holds -Infinity at index 1; … (an exploding gradient)".
   */
  public static Vec gradientResult(String op, String quantity, String equation, Supplier<Vec> body) {
    try {
      return body.get();
    } catch (NonFiniteException e) {
      throw new NonFiniteException(op + ": " + quantity + " = " + equation + " holds " + e.value() + " at index "
          + e.index() + "; the gradient overflowed on its way back through time (an exploding gradient)", quantity,
          e.value(), e.index());
    }
  }

  /**
   * The arguments of an optimizer step: both present, the gradient of the same shapes as the weights (a
   * gradient of another model is refused, even with the same number of entries), weights finite, gradient
   * finite (else a {@link NonFiniteException}, as for an exploding gradient). Returns the weights as a flat list.
   */
  public static double[] stepArguments(String op, Params<?> weights, Params<?> gradient) {
    notNull(op, "θ (the weights)", weights);
    notNull(op, "∇L (the gradient)", gradient);
    sameShapes(op, "θ", weights, "∇L", gradient);
    double[] theta = finite(op, "θ", weights.toArray());
    gated.train.Optimizer.requireFinite(op, gradient.toArray(), "gradient ∇L");
    return theta;
  }

  /**
   * Two sets of weights (or a set of weights and its gradient) belong to the same model: same kind,
   * same shape of every block. "SGD step θ ← θ − α·∇L: θ is LSTM weights (…H = 3, X = 2) but ∇L is
   * LSTM weights (…H = 2, X = 6)".
   */
  public static void sameShapes(String op, String aName, Params<?> a, String bName, Params<?> b) {
    notNull(op, aName, a);
    notNull(op, bName, b);
    if (a.getClass() != b.getClass() || !a.shapes().equals(b.shapes())) {
      throw new IllegalArgumentException(op + ": " + aName + " is " + a.shapes() + " but " + bName + " is "
          + b.shapes() + "; they belong to different models");
    }
  }
}
