package gated.tensor;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of doubles, stored row by row.
 *
 * <p>Shapes are written rows×columns, e.g. "3×7". Every product checks its shapes and throws an
 * {@link IllegalArgumentException} that names both; nothing is ever broadcast.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data; // row-major: entry (r, c) is data[r * cols + c]

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
    double[] d = new double[rowsOfValues.length * c];
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
    requirePositive("Matrix.of", rows, cols);
    if (rowMajor == null || rowMajor.length != rows * cols) {
      throw new IllegalArgumentException("Matrix.of: a " + rows + "×" + cols + " matrix needs " + rows * cols
          + " values, got " + (rowMajor == null ? "null" : rowMajor.length));
    }
    return new Matrix(rows, cols, rowMajor.clone());
  }

  public static Matrix zeros(int rows, int cols) {
    requirePositive("Matrix.zeros", rows, cols);
    return new Matrix(rows, cols, new double[rows * cols]);
  }

  /** The identity matrix I of size n×n. */
  public static Matrix identity(int n) {
    requirePositive("Matrix.identity", n, n);
    double[] d = new double[n * n];
    for (int k = 0; k < n; k++) d[k * n + k] = 1;
    return new Matrix(n, n, d);
  }

  /** Entries drawn uniformly from [−scale, scale] with the given generator, row by row. */
  public static Matrix uniform(int rows, int cols, double scale, Random random) {
    requirePositive("Matrix.uniform", rows, cols);
    if (random == null) throw new IllegalArgumentException("Matrix.uniform: random is null");
    double[] d = new double[rows * cols];
    for (int k = 0; k < d.length; k++) d[k] = (2 * random.nextDouble() - 1) * scale;
    return new Matrix(rows, cols, d);
  }

  /** The outer product a ⊗ b = a·bᵀ, of shape |a|×|b|: the weight gradient dz ⊗ input. */
  public static Matrix outer(Vec a, Vec b) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] d = new double[x.length * y.length];
    for (int r = 0; r < x.length; r++) for (int c = 0; c < y.length; c++) d[r * y.length + c] = x[r] * y[c];
    return new Matrix(x.length, y.length, d);
  }

  /** [A B]: matrices with the same number of rows, side by side. */
  public static Matrix hstack(Matrix... blocks) {
    if (blocks == null || blocks.length == 0) throw new IllegalArgumentException("Matrix.hstack: no blocks");
    int r = blocks[0].rows;
    int c = 0;
    for (Matrix m : blocks) {
      if (m.rows != r) {
        throw new IllegalArgumentException("Matrix.hstack: blocks must have the same number of rows, got "
            + blocks[0].shape() + " and " + m.shape());
      }
      c += m.cols;
    }
    double[] d = new double[r * c];
    int offset = 0;
    for (Matrix m : blocks) {
      for (int i = 0; i < r; i++) System.arraycopy(m.data, i * m.cols, d, i * c + offset, m.cols);
      offset += m.cols;
    }
    return new Matrix(r, c, d);
  }

  /** [A; B]: matrices with the same number of columns, one above the other. */
  public static Matrix vstack(Matrix... blocks) {
    if (blocks == null || blocks.length == 0) throw new IllegalArgumentException("Matrix.vstack: no blocks");
    int c = blocks[0].cols;
    int r = 0;
    for (Matrix m : blocks) {
      if (m.cols != c) {
        throw new IllegalArgumentException("Matrix.vstack: blocks must have the same number of columns, got "
            + blocks[0].shape() + " and " + m.shape());
      }
      r += m.rows;
    }
    double[] d = new double[r * c];
    int offset = 0;
    for (Matrix m : blocks) {
      System.arraycopy(m.data, 0, d, offset, m.data.length);
      offset += m.data.length;
    }
    return new Matrix(r, c, d);
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
    return block(r, r + 1, 0, cols).rowAsVec();
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

  private Vec rowAsVec() {
    return Vec.wrap(data.clone());
  }

  /** The column-vector product W·v: W is rows×cols, v has cols entries, the result has rows entries. */
  public Vec times(Vec v) {
    if (v == null) throw new IllegalArgumentException("matrix-vector product: the vector is null");
    if (v.size() != cols) {
      throw new IllegalArgumentException("matrix-vector product: the matrix is " + shape() + " but the vector has "
          + v.size() + " rows");
    }
    double[] x = v.toArray();
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      int base = r * cols;
      for (int c = 0; c < cols; c++) s += data[base + c] * x[c];
      out[r] = s;
    }
    return Vec.wrap(out);
  }

  /** The row-vector product v·W: v has rows entries, the result has cols entries. */
  Vec leftMultiply(Vec v) {
    if (v == null) throw new IllegalArgumentException("vector-matrix product: the vector is null");
    if (v.size() != rows) {
      throw new IllegalArgumentException("vector-matrix product: the row vector has " + v.size()
          + " columns but the matrix is " + shape());
    }
    double[] x = v.toArray();
    double[] out = new double[cols];
    for (int r = 0; r < rows; r++) {
      double xr = x[r];
      int base = r * cols;
      for (int c = 0; c < cols; c++) out[c] += xr * data[base + c];
    }
    return Vec.wrap(out);
  }

  /** The matrix product A·B. */
  public Matrix times(Matrix other) {
    if (other == null) throw new IllegalArgumentException("matrix product: the second matrix is null");
    if (cols != other.rows) {
      throw new IllegalArgumentException("matrix product: " + shape() + " times " + other.shape()
          + " needs the inner sizes to match");
    }
    double[] out = new double[rows * other.cols];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < cols; k++) {
        double a = data[r * cols + k];
        if (a == 0) continue;
        for (int c = 0; c < other.cols; c++) out[r * other.cols + c] += a * other.data[k * other.cols + c];
      }
    }
    return new Matrix(rows, other.cols, out);
  }

  public Matrix transpose() {
    double[] out = new double[data.length];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
    return new Matrix(cols, rows, out);
  }

  public Matrix plus(Matrix other) {
    requireSameShape("matrix sum", other);
    double[] out = data.clone();
    for (int k = 0; k < out.length; k++) out[k] += other.data[k];
    return new Matrix(rows, cols, out);
  }

  public Matrix minus(Matrix other) {
    return plus(other.scale(-1));
  }

  public Matrix scale(double s) {
    return map(v -> v * s);
  }

  public Matrix map(DoubleUnaryOperator f) {
    double[] out = new double[data.length];
    for (int k = 0; k < out.length; k++) out[k] = f.applyAsDouble(data[k]);
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
    for (double v : data) if (!Double.isFinite(v)) return false;
    return true;
  }

  public boolean closeTo(Matrix other, double tol) {
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

  private static void requirePositive(String op, int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(op + ": a matrix needs at least 1 row and 1 column, got " + rows + "×" + cols);
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
    return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }
}
