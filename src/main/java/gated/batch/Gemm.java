package gated.batch;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The one matrix product of the batched path, in BLAS's row-major form:
 *
 * <pre>
 *   C = α·op(A)·op(B) + β·C      op(A): [m, k], op(B): [k, n], C: [m, n]
 * </pre>
 *
 * where op(M) is M or Mᵀ, and each matrix is a window of a {@link Mem}: it starts at an offset and
 * its rows are {@code ld} numbers apart (so a block of columns of a wider matrix is a matrix too).
 *
 * <p>Two kernels compute it: OpenBLAS (the copy that ND4J ships, called directly through JavaCPP,
 * about 0.2 µs per call), and a plain-Java loop used only when OpenBLAS cannot be loaded on this
 * machine (or when a test asks for it). Every window is checked against its buffer before the call,
 * so a wrong offset is an exception here rather than a crash in native code.
 */
final class Gemm {
  private Gemm() {}

  /** Which kernel multiplies. */
  enum Kernel { OPENBLAS, JAVA }

  private static volatile Kernel forced;

  /** The kernel in use: OpenBLAS when it loads, else plain Java. */
  static Kernel kernel() {
    Kernel f = forced;
    if (f != null) return f;
    return Probe.PROBLEM == null ? Kernel.OPENBLAS : Kernel.JAVA;
  }

  /** Forces one kernel (tests compare them); {@code null} restores the automatic choice. */
  static void force(Kernel k) {
    if (k == Kernel.OPENBLAS && Probe.PROBLEM != null) {
      throw new IllegalStateException("OpenBLAS is not available here: " + Probe.PROBLEM);
    }
    forced = k;
  }

  /** Why OpenBLAS could not be loaded, or null if it was. */
  static String openBlasProblem() {
    return Probe.PROBLEM;
  }

  static void mm(boolean transA, boolean transB, int m, int n, int k, double alpha, Mem a, int aOff, int lda,
      Mem b, int bOff, int ldb, double beta, Mem c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) return;
    Precision p = c.precision();
    if (a.precision() != p || b.precision() != p) {
      throw new IllegalStateException("matrix product: mixed precisions " + a.precision() + ", " + b.precision()
          + ", " + p);
    }
    window("A", a, aOff, transA ? k : m, transA ? m : k, lda);
    window("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
    window("C", c, cOff, m, n, ldc);
    if (k <= 0) {
      for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c.set(cOff + i * ldc + j, beta == 0 ? 0 : beta * c.get(cOff + i * ldc + j));
      return;
    }
    if (kernel() == Kernel.OPENBLAS) {
      Native.mm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else {
      java(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
  }

  /** A rows×cols window starting at {@code off} with rows {@code ld} apart must lie inside {@code m}. */
  private static void window(String name, Mem m, int off, int rows, int cols, int ld) {
    long last = off + (long) (rows - 1) * ld + cols;
    if (rows > 0 && cols > 0 && (off < 0 || ld < cols || last > m.size)) {
      throw new IllegalStateException("matrix product: " + name + " is " + rows + "×" + cols + " at offset " + off
          + " with rows " + ld + " apart, which does not fit in a buffer of " + m.size + " numbers");
    }
  }

  private static void java(boolean ta, boolean tb, int m, int n, int k, double alpha, Mem a, int ao, int lda,
      Mem b, int bo, int ldb, double beta, Mem c, int co, int ldc) {
    for (int i = 0; i < m; i++) {
      int ci = co + i * ldc;
      for (int j = 0; j < n; j++) c.set(ci + j, beta == 0 ? 0 : beta * c.get(ci + j));
      for (int q = 0; q < k; q++) {
        double aiq = alpha * a.get(ta ? ao + q * lda + i : ao + i * lda + q);
        if (tb) {
          for (int j = 0; j < n; j++) c.add(ci + j, aiq * b.get(bo + j * ldb + q));
        } else {
          int bq = bo + q * ldb;
          for (int j = 0; j < n; j++) c.add(ci + j, aiq * b.get(bq + j));
        }
      }
    }
  }

  /**
   * Loading OpenBLAS is attempted once, and any failure is kept as a message. This class names no
   * JavaCPP type, so it loads even where JavaCPP or its native code is missing.
   */
  private static final class Probe {
    static final String PROBLEM = load();

    private static String load() {
      try {
        Class.forName("org.bytedeco.openblas.global.openblas", true, Gemm.class.getClassLoader());
        return null;
      } catch (Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }

  /** The OpenBLAS binding, used only once {@link Probe} has loaded it. */
  private static final class Native {

    static void mm(boolean ta, boolean tb, int m, int n, int k, double alpha, Mem a, int ao, int lda, Mem b, int bo,
        int ldb, double beta, Mem c, int co, int ldc) {
      int order = openblas.CblasRowMajor;
      int opA = ta ? openblas.CblasTrans : openblas.CblasNoTrans;
      int opB = tb ? openblas.CblasTrans : openblas.CblasNoTrans;
      if (c instanceof Mem.D) {
        openblas.cblas_dgemm(order, opA, opB, m, n, k, alpha, d(a, 0, ao), lda, d(b, 1, bo), ldb, beta, d(c, 2, co), ldc);
      } else {
        openblas.cblas_sgemm(order, opA, opB, m, n, k, (float) alpha, f(a, 0, ao), lda, f(b, 1, bo), ldb, (float) beta,
            f(c, 2, co), ldc);
      }
    }

    private static DoublePointer d(Mem m, int role, int off) {
      DoublePointer p = (DoublePointer) m.blasViews[role];
      if (p == null) m.blasViews[role] = p = new DoublePointer(((Mem.D) m).buf);
      return p.position(off);
    }

    private static FloatPointer f(Mem m, int role, int off) {
      FloatPointer p = (FloatPointer) m.blasViews[role];
      if (p == null) m.blasViews[role] = p = new FloatPointer(((Mem.F) m).buf);
      return p.position(off);
    }

    static void threads(int n) {
      openblas.blas_set_num_threads(n);
    }
  }

  static void threads(int n) {
    if (Probe.PROBLEM != null) throw new IllegalStateException("OpenBLAS is not available here: " + Probe.PROBLEM);
    Native.threads(n);
  }
}
