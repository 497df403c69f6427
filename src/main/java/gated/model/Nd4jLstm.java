package gated.model;

import gated.cell.FusedLstmWeights;
import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A demonstration of seed 001's bundled product in ND4J: an LSTM forward pass (no backward pass)
 * over a minibatch, one ND4J call per operation. It computes exactly what {@link Lstm} computes and
 * is tested against it, but it is <b>not</b> a fast path: every ND4J call costs tens of
 * microseconds, and measured here it was slower than the plain {@link Lstm} at the sizes notebook 07
 * uses. For real training speed use {@link gated.batch.BatchLstm} (forward and backward, double or
 * float), which {@code ./course bench} measures against DL4J and PyTorch.
 *
 * <pre>
 *   Z_x = X·W_x + b            one GEMM for every step of every sequence: [T·B, X]·[X, 4H]
 *   for t = 1 … T:
 *     Z = Z_x[t] + H_{t-1}·W_h  one fused GEMM per step: [B, H]·[H, 4H], blocks f, g, i, o
 *     C_t = σ(Z_f) ⊙ C_{t-1} + σ(Z_i) ⊙ tanh(Z_g),  H_t = σ(Z_o) ⊙ tanh(C_t)
 * </pre>
 *
 * <p>ND4J's first call loads native code (about 2–3 s).
 *
 * <p>Threads: {@link #forward} runs ND4J on {@link #threads()} threads (one unless the constructor says otherwise)
 * and puts ND4J's own limits back afterwards. One thread is what {@link Lstm} uses, so a timing compares the two
 * implementations rather than the number of cores. It also avoids a trap measured on a busy two-core machine: with
 * ND4J's default (one thread per core) its parallel loops waited on each other, and a warm forward pass of a
 * 32 × 10-step batch at H = 256 took seconds instead of about a tenth of one.
 */
public final class Nd4jLstm {
  private final FusedLstmWeights fused;
  private final INDArray wx; // [X, 4H], blocks f, g, i, o
  private final INDArray wh; // [H, 4H], blocks f, g, i, o
  private final INDArray b;  // [1, 4H]
  private final int threads;

  /** An ND4J LSTM with these weights, run on one thread. */
  public Nd4jLstm(LstmWeights weights) {
    this(weights, 1);
  }

  /**
   * An ND4J LSTM with these weights, run on {@code threads} threads (1 to the number of processors).
   */
  public Nd4jLstm(LstmWeights weights, int threads) {
    Checks.notNull("ND4J LSTM", "weights", weights);
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads < 1 || threads > cores) {
      throw new IllegalArgumentException("ND4J LSTM: threads must be between 1 and the " + cores
          + " processor(s) of this computer, got " + threads);
    }
    this.threads = threads;
    requireNd4j("ND4J LSTM");
    weights.requireFinite("ND4J LSTM");
    this.fused = weights.toFused();
    this.wx = Nd4j.create(fused.wx().toArray2d());
    this.wh = Nd4j.create(fused.wh().toArray2d());
    this.b = Nd4j.create(fused.b().toArray()).reshape(1, fused.b().size());
  }

  /**
   * Whether ND4J's native code loads on this computer. The build includes it for linux-x86_64,
   * linux-arm64, macosx-x86_64, macosx-arm64 and windows-x86_64 (pom.xml, profiles nd4j-natives-*);
   * elsewhere this is false and {@link Lstm} computes the same thing without ND4J.
   */
  public static boolean available() {
    return nd4jProblem() == null;
  }

  private static String nd4jProblem;
  private static boolean nd4jChecked;

  private static synchronized String nd4jProblem() {
    if (!nd4jChecked) {
      nd4jChecked = true;
      try {
        Nd4j.getBackend();                   // loads the native code (about 2–3 s the first time)
      } catch (Throwable t) {                // no backend, or its native library failed to load
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        nd4jProblem = root.getClass().getSimpleName() + ": " + root.getMessage();
      }
    }
    return nd4jProblem;
  }

  private static void requireNd4j(String op) {
    String problem = nd4jProblem();
    if (problem != null) {
      throw new UnsupportedOperationException(op + ": ND4J's native code is not available on this computer ("
          + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "; " + problem + "). The course "
          + "builds it for linux-x86_64, linux-arm64, macosx-x86_64, macosx-arm64 and windows-x86_64. Nothing else "
          + "in the course needs ND4J: Lstm computes the same forward pass (check with Nd4jLstm.available()).");
    }
  }

  /** How many threads {@link #forward} lets ND4J use. */
  public int threads() {
    return threads;
  }

  /**
   * h_1 … h_T for each sequence of a minibatch (all of the same length T), computed on {@link #threads()} threads;
   * ND4J's thread limits are what they were before when it returns.
   *
   * @param batch B sequences of T vectors of size X
   * @return B lists of T hidden states of size H
   */
  public List<List<Vec>> forward(List<List<Vec>> batch) {
    var env = Nd4j.getEnvironment();
    int keepMax = env.maxThreads(), keepMaster = env.maxMasterThreads();
    int keepBlas = Nd4j.factory().blas().getMaxThreads();
    env.setMaxThreads(threads);
    env.setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    try {
      return forwardOnThreads(batch);
    } finally {
      env.setMaxThreads(keepMax);
      env.setMaxMasterThreads(keepMaster);
      Nd4j.factory().blas().setMaxThreads(keepBlas);
    }
  }

  private List<List<Vec>> forwardOnThreads(List<List<Vec>> batch) {
    String op = "ND4J LSTM forward";
    Checks.nonEmpty(op, "the minibatch", batch);
    int bsz = batch.size();
    int steps = batch.get(0).size();
    int x = fused.inputSize(), h = fused.hiddenSize();
    double[][] rows = new double[steps * bsz][];
    for (int s = 0; s < bsz; s++) {
      List<Vec> xs = Sequences.inputs(op, batch.get(s), x);
      if (xs.size() != steps) {
        throw new IllegalArgumentException(op + ": sequence " + s + " has " + xs.size() + " steps but sequence 0 has "
            + steps + "; a minibatch needs equal lengths");
      }
      for (int t = 0; t < steps; t++) rows[t * bsz + s] = xs.get(t).toArray();   // row t·B + s holds x_t of sequence s
    }
    INDArray zx = Nd4j.create(rows).mmul(wx).addiRowVector(b);                  // [T·B, 4H] in one GEMM
    requireFinite(op + ": Z_x = X·W_x + b", zx);
    INDArray hPrev = Nd4j.zeros(DataType.DOUBLE, bsz, h);
    INDArray cPrev = Nd4j.zeros(DataType.DOUBLE, bsz, h);
    List<List<Vec>> out = new ArrayList<>();
    for (int s = 0; s < bsz; s++) out.add(new ArrayList<>());
    for (int t = 0; t < steps; t++) {
      INDArray z = zx.get(NDArrayIndex.interval(t * bsz, (t + 1) * bsz), NDArrayIndex.all()).add(hPrev.mmul(wh));
      requireFinite(op + ": Z = Z_x[t] + H_{t-1}·W_h at t = " + (t + 1), z);
      INDArray f = Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)), true);
      INDArray g = Transforms.tanh(z.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)), true);
      INDArray i = Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)), true);
      INDArray o = Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * h, 4 * h)), true);
      INDArray c = f.mul(cPrev).addi(i.mul(g));                                  // C_t = f ⊙ C_{t-1} + i ⊙ g
      INDArray hNew = o.mul(Transforms.tanh(c, true));                           // H_t = o ⊙ tanh(C_t)
      for (int s = 0; s < bsz; s++) out.get(s).add(Vec.of(hNew.getRow(s).toDoubleVector()));
      hPrev = hNew;
      cPrev = c;
    }
    return out;
  }

  /** A pre-activation that overflowed would turn into NaN or a saturated gate: reported instead. */
  private static void requireFinite(String equation, INDArray z) {
    for (double[] row : z.toDoubleMatrix()) Checks.equation(equation, () -> Checks.finiteResult("ND4J product", row));
  }
}
