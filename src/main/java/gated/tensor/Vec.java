package gated.tensor;

import gated.internal.Checks;
import gated.train.NonFiniteException;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable vector of doubles: h_t, c_t, x_t, a gate value, a bias.
 *
 * <p>The course writes vectors as columns (seeds 000 and 003) or as rows (seeds 001 and 002);
 * a {@code Vec} is just the numbers, and the matrix product decides the convention:
 * {@code W.times(v)} is the column form W·v, {@code v.times(W)} is the row form v·W.
 *
 * <p>Binary operations never broadcast: sizes must match exactly, or an
 * {@link IllegalArgumentException} names both sizes.
 *
 * <p>A vector may <em>hold</em> NaN or ±Infinity (so that a bad value can be shown and reported),
 * but arithmetic never computes with one: every operation refuses a non-finite operand with an
 * {@code IllegalArgumentException} naming the entry, and an operation on finite numbers whose
 * result overflows throws a {@link NonFiniteException} instead of returning Infinity or NaN.
 */
public final class Vec {
  private final double[] values;

  private Vec(double[] values) {
    this.values = values;
  }

  /** A vector holding a copy of {@code values}. */
  public static Vec of(double... values) {
    if (values == null) throw new IllegalArgumentException("Vec.of: values is null");
    if (values.length == 0) throw new IllegalArgumentException("Vec.of: a vector needs at least one value, got 0");
    return new Vec(values.clone());
  }

  /** The zero vector of the given size: the usual h_0 and c_0. */
  public static Vec zeros(int size) {
    return filled("Vec.zeros", size, 0.0);
  }

  /** A vector with every entry equal to {@code value}, e.g. f = 0.5 everywhere. */
  public static Vec fill(int size, double value) {
    return filled("Vec.fill", size, value);
  }

  private static Vec filled(String op, int size, double value) {
    if (size <= 0) throw new IllegalArgumentException(op + ": size must be at least 1, got " + size);
    Checks.allocatable(op, "a vector", size);
    double[] v = new double[size];
    Arrays.fill(v, value);
    return new Vec(v);
  }

  /** Wraps an array this class created and will never share. */
  static Vec wrap(double[] values) {
    return new Vec(values);
  }

  public int size() {
    return values.length;
  }

  public double get(int i) {
    if (i < 0 || i >= values.length) {
      throw new IllegalArgumentException("Vec.get: index " + i + " is outside 0.." + (values.length - 1));
    }
    return values[i];
  }

  /** A copy of the numbers. */
  public double[] toArray() {
    return values.clone();
  }

  /** Element-wise sum a + b. */
  public Vec plus(Vec other) {
    return zip("sum a + b", other, Double::sum);
  }

  /** Element-wise difference a − b. */
  public Vec minus(Vec other) {
    return zip("difference a − b", other, (a, b) -> a - b);
  }

  /** Element-wise (Hadamard) product a ⊙ b. */
  public Vec hadamard(Vec other) {
    return zip("Hadamard product a ⊙ b", other, (a, b) -> a * b);
  }

  /** Every entry times {@code s}. */
  public Vec scale(double s) {
    String op = "scaling s·v";
    Checks.finite(op, "s", s);
    double[] out = new double[values.length];
    for (int k = 0; k < out.length; k++) out[k] = values[k] * s;
    return new Vec(finiteOrBlame(op, out, this, "v", null, null));
  }

  /** The row-vector product v·W: this is [1, n], W is [n, m], the result is [1, m]. */
  public Vec times(Matrix w) {
    Checks.notNull("vector-matrix product v·W", "W", w);
    return w.leftMultiply(this);
  }

  /** f applied to every entry, e.g. {@code c.map(Math::tanh)}. The entries and f's results must be finite. */
  public Vec map(DoubleUnaryOperator f) {
    String op = "Vec.map";
    Checks.notNull(op, "f", f);
    requireFinite(op, "the vector");
    double[] out = new double[values.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = f.applyAsDouble(values[k]);
      if (!Double.isFinite(out[k])) {
        throw new NonFiniteException(op + ": f(" + values[k] + ") = " + out[k] + " at index " + k
            + "; f must give finite numbers");
      }
    }
    return new Vec(out);
  }

  /** [this; other]: this vector's entries followed by the other's, as in [h_{t-1}; x_t]. */
  public Vec concat(Vec other) {
    if (other == null) throw new IllegalArgumentException("Vec.concat: the second vector is null");
    int n = Checks.sum("Vec.concat", "the size", values.length, other.values.length);
    Checks.allocatable("Vec.concat", "the joined vector", n);
    double[] out = Arrays.copyOf(values, n);
    System.arraycopy(other.values, 0, out, values.length, other.values.length);
    return new Vec(out);
  }

  /** Entries from (inclusive) .. to (exclusive). */
  public Vec slice(int from, int to) {
    if (from < 0 || to > values.length || from >= to) {
      throw new IllegalArgumentException("Vec.slice: [" + from + ", " + to + ") is not inside a vector of size " + values.length);
    }
    return new Vec(Arrays.copyOfRange(values, from, to));
  }

  public double dot(Vec other) {
    String op = "dot product a·b";
    requireSameSize(op, other);
    double s = 0;
    for (int k = 0; k < values.length; k++) s += values[k] * other.values[k];
    return finiteOrBlame(op, new double[] {s}, this, "a", other, "b")[0];
  }

  /**
   * The Euclidean norm ‖v‖₂ = √(Σ v_k²). Where Σ v_k² alone would overflow (entries above about
   * 1e154) or underflow, the entries are divided by the largest first, so the result is right
   * whenever the norm is a double; +Infinity only when the norm itself is above Double.MAX_VALUE.
   * The vanishing-and-exploding lesson shows the plain sum of squares overflowing where this does not.
   */
  public double norm() {
    double n = Flat.l2(values);
    if (!(n < Double.POSITIVE_INFINITY)) requireFinite("norm ‖v‖₂", "v");   // a NaN or ±Infinity entry is blamed
    return n;
  }

  public double sum() {
    String op = "sum Σ v_k";
    double s = 0;
    for (double v : values) s += v;
    return finiteOrBlame(op, new double[] {s}, this, "v", null, null)[0];
  }

  public double max() {
    requireFinite("Vec.max", "the vector");
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) m = Math.max(m, v);
    return m;
  }

  /** Index of the largest entry (the first one on ties): the predicted class. */
  public int argmax() {
    requireFinite("Vec.argmax", "the vector");
    int best = 0;
    for (int k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
    return best;
  }

  /** True when every entry is a finite number (no NaN, no ±Inf). */
  public boolean isFinite() {
    for (double v : values) if (!Double.isFinite(v)) return false;
    return true;
  }

  /** True when sizes match and every entry differs by at most {@code tol} (never for a NaN entry). */
  public boolean closeTo(Vec other, double tol) {
    if (!(tol >= 0)) throw new IllegalArgumentException("Vec.closeTo: the tolerance must be ≥ 0, got " + tol);
    if (other == null || other.values.length != values.length) return false;
    for (int k = 0; k < values.length; k++) if (!(Math.abs(values[k] - other.values[k]) <= tol)) return false;
    return true;
  }

  private Vec zip(String op, Vec other, DoubleBinaryOperator f) {
    requireSameSize(op, other);
    double[] out = new double[values.length];
    for (int k = 0; k < out.length; k++) out[k] = f.applyAsDouble(values[k], other.values[k]);
    return new Vec(finiteOrBlame(op, out, this, "a", other, "b"));
  }

  /**
   * The result of an operation on a (and b), if it is finite; otherwise the error that says why. Checking
   * the result is enough: a NaN or ±Infinity among these operands always leaves one in the result
   * (x + NaN, x·∞ and 0·∞ are never finite), so an operand holding one is blamed first (bad input), and
   * if none does, the operation overflowed ({@link NonFiniteException}).
   */
  static double[] finiteOrBlame(String op, double[] out, Vec a, String aName, Vec b, String bName) {
    for (double v : out) {
      if (!Double.isFinite(v)) {
        if (a != null) a.requireFinite(op, aName);
        if (b != null) b.requireFinite(op, bName);
        return Checks.finiteResult(op, out);
      }
    }
    return out;
  }

  private void requireSameSize(String op, Vec other) {
    if (other == null) throw new IllegalArgumentException(op + ": the second vector is null");
    if (other.values.length != values.length) {
      throw new IllegalArgumentException(op + ": sizes differ, " + values.length + " and " + other.values.length
          + " (vectors are never broadcast)");
    }
  }

  /** Arithmetic refuses NaN and ±Infinity: "sum a + b: b holds NaN at index 1". */
  void requireFinite(String op, String name) {
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new IllegalArgumentException(op + ": " + name + " holds " + values[k] + " at index " + k
            + "; arithmetic needs finite numbers");
      }
    }
  }

  /** Entries to 4 decimals, e.g. [0.7616, 0.9640]. */
  @Override
  public String toString() {
    return toString(4);
  }

  public String toString(int decimals) {
    Format.requireDecimals("Vec.toString", decimals);
    StringBuilder b = new StringBuilder("[");
    for (int k = 0; k < values.length; k++) {
      if (k > 0) b.append(", ");
      b.append(Format.number(values[k], decimals));
    }
    return b.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Vec v && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
