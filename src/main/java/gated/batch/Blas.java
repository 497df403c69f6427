package gated.batch;

/**
 * Which kernel multiplies the batched path's matrices on this machine, and with how many threads.
 * OpenBLAS is the copy that ND4J ships (so it is there wherever ND4J runs); where it cannot be
 * loaded, a plain-Java loop takes over with the same results, only slower.
 */
public final class Blas {
  private Blas() {}

  /** True when OpenBLAS was loaded. */
  public static boolean isOpenBlas() {
    return Gemm.kernel() == Gemm.Kernel.OPENBLAS;
  }

  /** A sentence for a notebook or a benchmark header. */
  public static String description() {
    if (isOpenBlas()) return "matrix products by OpenBLAS (ND4J's copy, called through JavaCPP)";
    String why = Gemm.openBlasProblem();
    return "matrix products by a plain-Java loop" + (why == null ? " (chosen by a test)" : " (OpenBLAS unavailable: " + why + ")");
  }

  /** How many threads OpenBLAS may use (its default is every core). Ignored by the plain-Java loop. */
  public static void threads(int n) {
    if (n < 1) throw new IllegalArgumentException("BLAS threads: must be at least 1, got " + n);
    if (isOpenBlas()) Gemm.threads(n);
  }
}
