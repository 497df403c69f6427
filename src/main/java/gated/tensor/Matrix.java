package gated.tensor;

import gated.internal.Checks;
import gated.train.NonFiniteException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of doubles, stored row by row.
 *
 * <p>Shapes are written rows×columns, e.g. "3×7". Every product checks its shapes and throws an
 * {@link IllegalArgumentException} that names both; nothing is ever broadcast. Sizes are checked
 * before anything is allocated, so a 65536×65536 request is an error, not an int overflow.
 *
 * <p>As with {@link Vec}, a matrix may hold NaN or ±Infinity, but arithmetic refuses them, and a
 * result that overflows is a {@link NonFiniteException}.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data; // row-major: entry (r, c) is data[r * cols + c]
  private byte finite;          // 0 not yet known, 1 every entry finite, 2 not (computed once: the data never changes)

  private Matrix(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** A matrix from rows written out, e.g. {@code Matrix.of(new double[][] {{1, 2}, {3, 4}})}. */
  public static Matrix of(double[][] rowsOfValues) {
    if (rowsOfValues == null) throw new IllegalArgumentException("Matrix.of: rows are null");
    if (rowsOfValues.length == 0) throw new IllegalArgumentException("Matrix.of: a matrix needs at least one row, got 0");
    int c = rowsOfValues[0] == null ? 0 : rowsOfValues[0].length;
    if (c == 0) throw new IllegalArgumentException("Matrix.of: row 0 is empty or null");
    int n = Checks.entries("Matrix.of", "matrix", rowsOfValues.length, c);
    double[] d = new double[n];
    for (int r = 0; r < rowsOfValues.length; r++) {
      if (rowsOfValues[r] == null || rowsOfValues[r].length != c) {
        throw new IllegalArgumentException("Matrix.of: row " + r + " has "
            + (rowsOfValues[r] == null ? "no" : rowsOfValues[r].length) + " entries but row 0 has " + c);
      }
      System.arraycopy(rowsOfValues[r], 0, d, r * c, c);
    }
    return new Matrix(rowsOfValues.length, c, d);
  }

  /** A rows×cols matrix from values listed row by row. */
  public static Matrix of(int rows, int cols, double... rowMajor) {
    int n = Checks.entries("Matrix.of", "matrix", rows, cols);
    if (rowMajor == null || rowMajor.length != n) {
      throw new IllegalArgumentException("Matrix.of: a " + rows + "×" + cols + " matrix needs " + n
          + " values, got " + (rowMajor == null ? "null" : rowMajor.length));
    }
    return new Matrix(rows, cols, rowMajor.clone());
  }

  public static Matrix zeros(int rows, int cols) {
    return new Matrix(rows, cols, new double[Checks.entries("Matrix.zeros", "matrix", rows, cols)]);
  }

  /** The identity matrix I of size n×n. */
  public static Matrix identity(int n) {
    double[] d = new double[Checks.entries("Matrix.identity", "matrix", n, n)];
    for (int k = 0; k < n; k++) d[k * n + k] = 1;
    return new Matrix(n, n, d);
  }

  /** Entries drawn uniformly from [−scale, scale] with the given generator, row by row. */
  public static Matrix uniform(int rows, int cols, double scale, Random random) {
    String op = "Matrix.uniform";
    int n = Checks.entries(op, "matrix", rows, cols);
    if (!(scale >= 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException(op + ": the scale of [−scale, scale] must be a finite number ≥ 0, got " + scale);
    }
    if (random == null) throw new IllegalArgumentException(op + ": random is null");
    double[] d = new double[n];
    for (int k = 0; k < d.length; k++) d[k] = (2 * random.nextDouble() - 1) * scale;
    return new Matrix(rows, cols, d);
  }

  /** The outer product a ⊗ b = a·bᵀ, of shape |a|×|b|: the weight gradient dz ⊗ input. */
  public static Matrix outer(Vec a, Vec b) {
    String op = "outer product a ⊗ b";
    Checks.notNull(op, "a", a);
    Checks.notNull(op, "b", b);
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] d = new double[Checks.entries(op, "matrix", x.length, y.length)];
    for (int r = 0; r < x.length; r++) for (int c = 0; c < y.length; c++) d[r * y.length + c] = x[r] * y[c];
    return new Matrix(x.length, y.length, Vec.finiteOrBlame(op, d, a, "a", b, "b"));
  }

  /** [A B]: matrices with the same number of rows, side by side. */
  public static Matrix hstack(Matrix... blocks) {
    requireBlocks("Matrix.hstack", blocks);
    int r = blocks[0].rows;
    long c = 0;
    for (Matrix m : blocks) {
      if (m.rows != r) {
        throw new IllegalArgumentException("Matrix.hstack: blocks must have the same number of rows, got "
            + blocks[0].shape() + " and " + m.shape());
      }
      c += m.cols;
    }
    double[] d = new double[Checks.allocatable("Matrix.hstack", "the joined matrix", r * c)];
    int cols = (int) c;
    int offset = 0;
    for (Matrix m : blocks) {
      for (int i = 0; i < r; i++) System.arraycopy(m.data, i * m.cols, d, i * cols + offset, m.cols);
      offset += m.cols;
    }
    return new Matrix(r, cols, d);
  }

  /** [A; B]: matrices with the same number of columns, one above the other. */
  public static Matrix vstack(Matrix... blocks) {
    requireBlocks("Matrix.vstack", blocks);
    int c = blocks[0].cols;
    long r = 0;
    for (Matrix m : blocks) {
      if (m.cols != c) {
        throw new IllegalArgumentException("Matrix.vstack: blocks must have the same number of columns, got "
            + blocks[0].shape() + " and " + m.shape());
      }
      r += m.rows;
    }
    double[] d = new double[Checks.allocatable("Matrix.vstack", "the joined matrix", r * c)];
    int rowCount = (int) r;
    int offset = 0;
    for (Matrix m : blocks) {
      System.arraycopy(m.data, 0, d, offset, m.data.length);
      offset += m.data.length;
    }
    return new Matrix(rowCount, c, d);
  }

  private static void requireBlocks(String op, Matrix[] blocks) {
    if (blocks == null || blocks.length == 0) throw new IllegalArgumentException(op + ": no blocks");
    for (int k = 0; k < blocks.length; k++) {
      if (blocks[k] == null) throw new IllegalArgumentException(op + ": block " + k + " is null");
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The shape as a student writes it: "3×7". */
  public String shape() {
    return rows + "×" + cols;
  }

  public double get(int r, int c) {
    if (r < 0 || r >= rows || c < 0 || c >= cols) {
      throw new IllegalArgumentException("Matrix.get: (" + r + ", " + c + ") is outside a " + shape() + " matrix");
    }
    return data[r * cols + c];
  }

  public Vec row(int r) {
    Checks.index("Matrix.row", "row", r, rows);
    return Vec.wrap(Arrays.copyOfRange(data, r * cols, (r + 1) * cols));
  }

  /** The sub-matrix of rows r0..r1 and columns c0..c1 (ends exclusive). */
  public Matrix block(int r0, int r1, int c0, int c1) {
    if (r0 < 0 || r1 > rows || r0 >= r1 || c0 < 0 || c1 > cols || c0 >= c1) {
      throw new IllegalArgumentException("Matrix.block: rows [" + r0 + ", " + r1 + ") and columns [" + c0 + ", " + c1
          + ") are not inside a " + shape() + " matrix");
    }
    double[] d = new double[(r1 - r0) * (c1 - c0)];
    for (int r = r0; r < r1; r++) System.arraycopy(data, r * cols + c0, d, (r - r0) * (c1 - c0), c1 - c0);
    return new Matrix(r1 - r0, c1 - c0, d);
  }

  /** The column-vector product W·v: W is rows×cols, v has cols entries, the result has rows entries. */
  public Vec times(Vec v) {
    String op = "matrix-vector product W·v";
    if (v == null) throw new IllegalArgumentException(op + ": the vector is null");
    if (v.size() != cols) {
      throw new IllegalArgumentException(op + ": the matrix is " + shape() + " but the vector has " + v.size()
          + " rows");
    }
    requireFinite(op, "W");
    double[] x = v.toArray();
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      int base = r * cols;
      for (int c = 0; c < cols; c++) s += data[base + c] * x[c];
      out[r] = s;
    }
    return Vec.wrap(Vec.finiteOrBlame(op, out, v, "v", null, null));
  }

  /** The row-vector product v·W: v has rows entries, the result has cols entries. */
  Vec leftMultiply(Vec v) {
    String op = "vector-matrix product v·W";
    if (v == null) throw new IllegalArgumentException(op + ": the vector is null");
    if (v.size() != rows) {
      throw new IllegalArgumentException(op + ": the row vector has " + v.size()
          + " columns but the matrix is " + shape());
    }
    requireFinite(op, "W");
    double[] x = v.toArray();
    double[] out = new double[cols];
    for (int r = 0; r < rows; r++) {
      double xr = x[r];
      int base = r * cols;
      for (int c = 0; c < cols; c++) out[c] += xr * data[base + c];
    }
    return Vec.wrap(Vec.finiteOrBlame(op, out, v, "v", null, null));
  }

  /** The matrix product A·B. */
  public Matrix times(Matrix other) {
    String op = "matrix product A·B";
    if (other == null) throw new IllegalArgumentException(op + ": the second matrix is null");
    if (cols != other.rows) {
      throw new IllegalArgumentException(op + ": " + shape() + " times " + other.shape()
          + " needs the inner sizes to match");
    }
    requireFinite(op, "A");
    other.requireFinite(op, "B");
    double[] out = new double[Checks.entries(op, "result", rows, other.cols)];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < cols; k++) {
        double a = data[r * cols + k];
        if (a == 0) continue;
        for (int c = 0; c < other.cols; c++) out[r * other.cols + c] += a * other.data[k * other.cols + c];
      }
    }
    return new Matrix(rows, other.cols, Checks.finiteResult(op, out));
  }

  public Matrix transpose() {
    double[] out = new double[data.length];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
    return new Matrix(cols, rows, out);
  }

  public Matrix plus(Matrix other) {
    return zip("matrix sum A + B", other, 1);
  }

  public Matrix minus(Matrix other) {
    return zip("matrix difference A − B", other, -1);
  }

  private Matrix zip(String op, Matrix other, double sign) {
    requireSameShape(op, other);
    requireFinite(op, "A");
    other.requireFinite(op, "B");
    double[] out = data.clone();
    for (int k = 0; k < out.length; k++) out[k] += sign * other.data[k];
    return new Matrix(rows, cols, Checks.finiteResult(op, out));
  }

  public Matrix scale(double s) {
    String op = "matrix scaling s·A";
    Checks.finite(op, "s", s);
    requireFinite(op, "A");
    double[] out = new double[data.length];
    for (int k = 0; k < out.length; k++) out[k] = data[k] * s;
    return new Matrix(rows, cols, Checks.finiteResult(op, out));
  }

  /** f applied to every entry. The entries and f's results must be finite. */
  public Matrix map(DoubleUnaryOperator f) {
    String op = "Matrix.map";
    Checks.notNull(op, "f", f);
    requireFinite(op, "the matrix");
    double[] out = new double[data.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = f.applyAsDouble(data[k]);
      if (!Double.isFinite(out[k])) {
        throw new NonFiniteException(op + ": f(" + data[k] + ") = " + out[k] + " at (" + k / cols + ", " + k % cols
            + "); f must give finite numbers");
      }
    }
    return new Matrix(rows, cols, out);
  }

  /** The entries row by row, copied. */
  public double[] toArray() {
    return data.clone();
  }

  /** The rows, copied. */
  public double[][] toArray2d() {
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) out[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    return out;
  }

  public boolean isFinite() {
    if (finite == 0) {
      boolean all = true;
      for (double v : data) {
        if (!Double.isFinite(v)) {
          all = false;
          break;
        }
      }
      finite = all ? (byte) 1 : (byte) 2;
    }
    return finite == 1;
  }

  /** True when shapes match and every entry differs by at most {@code tol} (never for a NaN entry). */
  public boolean closeTo(Matrix other, double tol) {
    if (!(tol >= 0)) throw new IllegalArgumentException("Matrix.closeTo: the tolerance must be ≥ 0, got " + tol);
    if (other == null || other.rows != rows || other.cols != cols) return false;
    for (int k = 0; k < data.length; k++) if (!(Math.abs(data[k] - other.data[k]) <= tol)) return false;
    return true;
  }

  private void requireSameShape(String op, Matrix other) {
    if (other == null) throw new IllegalArgumentException(op + ": the second matrix is null");
    if (other.rows != rows || other.cols != cols) {
      throw new IllegalArgumentException(op + ": shapes differ, " + shape() + " and " + other.shape()
          + " (matrices are never broadcast)");
    }
  }

  /** Arithmetic refuses NaN and ±Infinity: "matrix product A·B: B holds NaN at (0, 2)". */
  private void requireFinite(String op, String name) {
    if (!isFinite()) {
      for (int k = 0; k < data.length; k++) {
        if (!Double.isFinite(data[k])) {
          throw new IllegalArgumentException(op + ": " + name + " holds " + data[k] + " at (" + k / cols + ", "
              + k % cols + "); arithmetic needs finite numbers");
        }
      }
    }
  }

  /** Row by row, 4 decimals. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      b.append(r == 0 ? "[" : " ");
      b.append(row(r).toString());
      b.append(r == rows - 1 ? "]" : "\n");
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }
}
