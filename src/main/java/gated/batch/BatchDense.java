package gated.batch;

import gated.internal.Checks;
import gated.model.DenseWeights;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.NonFiniteException;

/**
 * The output layer y_t = W_y·h_t + b_y applied to every step of every sequence at once, and the
 * softmax cross-entropy loss on top of it: what a language model needs after its recurrent layer.
 * Computes what {@link DenseWeights#apply} and {@link gated.train.Loss#softmaxCrossEntropy} compute,
 * one row at a time (the tests check it).
 *
 * <pre>
 *   Y = 1·b_yᵀ + H·W_yᵀ                 H: [T·B, H], W_y: [O, H], Y: [T·B, O]   (2 products)
 *   L = (1/N) Σ_rows −log softmax(Y_row)_target                                 (mean over N = T·B predictions)
 *   ∂L/∂Y = (softmax(Y) − e_target)/N,  ∂L/∂W_y = ∂L/∂Yᵀ·H,  ∂L/∂b_y = 1ᵀ·∂L/∂Y,  ∂L/∂H = ∂L/∂Y·W_y
 * </pre>
 */
public final class BatchDense {
  private final DenseWeights weights;
  private final Precision precision;
  private final Workspace ws;
  private final double[] packed;     // W_y [O, H] row by row, then b_y [O]

  private BatchDense(DenseWeights weights, Precision precision, Workspace ws) {
    this.weights = weights;
    this.precision = precision;
    this.ws = ws;
    this.packed = Flat.join(weights.w(), weights.b());
  }

  public static BatchDense of(DenseWeights weights, Precision precision) {
    String op = "batched output layer";
    Checks.notNull(op, "weights", weights);
    Checks.notNull(op, "precision", precision);
    Checks.finite(op, "W_y", weights.w());
    Checks.finite(op, "b_y", weights.b());
    return new BatchDense(weights, precision, new Workspace(precision,
        "output layer (O = " + weights.outputSize() + ", H = " + weights.inputSize() + ")"));
  }

  public DenseWeights weights() {
    return weights;
  }

  /** The same layer with other weights, sharing this one's buffers. */
  public BatchDense withWeights(DenseWeights w) {
    String op = "batched output layer withWeights";
    Checks.notNull(op, "weights", w);
    Checks.finite(op, "W_y", w.w());
    Checks.finite(op, "b_y", w.b());
    if (w.inputSize() != inputSize() || w.outputSize() != outputSize()) {
      throw new IllegalArgumentException(op + ": the new W_y is " + w.w().shape() + " but the layer's is " + weights.w().shape());
    }
    return new BatchDense(w, precision, ws);
  }

  public Precision precision() {
    return precision;
  }

  /** H. */
  public int inputSize() {
    return weights.inputSize();
  }

  /** O (the vocabulary size for a language model). */
  public int outputSize() {
    return weights.outputSize();
  }

  /** Y = H·W_yᵀ + b_y for every step of every sequence, [T, B, O]: a view, readable until this layer's next call. */
  public SeqBatch logits(SeqBatch h) {
    synchronized (ws) {
      return forward("batched output layer Y = H·W_yᵀ + b_y", h, ws.beginForward("the logits"));
    }
  }

  /**
   * The result of one minibatch.
   *
   * @param loss the mean cross-entropy over every prediction, in nats (natural log)
   * @param predictions how many predictions the mean is over (T·B)
   * @param dWeights ∂loss/∂W_y and ∂loss/∂b_y
   * @param dInputs ∂loss/∂h_t, [T, B, H]: a view, readable until this layer's next call
   */
  public record Fit(double loss, int predictions, DenseWeights dWeights, SeqBatch dInputs) {
    /** The same loss in bits (log base 2): bits per character for a character-level model. */
    public double bits() {
      return loss / Math.log(2);
    }
  }

  /** Forward, mean softmax cross-entropy against {@code targets}, and backward, in one call. */
  public Fit softmaxCrossEntropy(SeqBatch h, Tokens targets) {
    String op = "batched softmax cross-entropy";
    synchronized (ws) {
      Workspace.Lease lease = ws.beginForward("the input gradient ∂L/∂h_t");
      SeqBatch y = forward(op, h, lease);
      checkTargets(op, h, targets);
      int n = h.steps() * h.batchSize(), o = outputSize(), hid = inputSize();
      Mem dy = ws.buffer("dY", (long) n * o);
      double loss = softmax(y, targets, dy, 1.0 / n);
      Mem w = ws.buffer("weights", packed.length);
      Mem dw = ws.buffer("dweights", packed.length);
      // ∂L/∂W_y = ∂L/∂Yᵀ·H: [O, N]·[N, H]
      Gemm.mm(true, false, o, hid, n, 1, dy, 0, o, h.mem, h.offset, h.ld, 0, dw, 0, hid);
      // ∂L/∂b_y = 1ᵀ·∂L/∂Y: [1, N]·[N, O]
      Gemm.mm(true, false, 1, o, n, 1, ws.ones(n), 0, 1, dy, 0, o, 0, dw, o * hid, o);
      // ∂L/∂H = ∂L/∂Y·W_y: [N, O]·[O, H]
      Mem dh = ws.buffer("dH", (long) n * hid);
      Gemm.mm(false, false, n, hid, o, 1, dy, 0, o, w, 0, hid, 0, dh, 0, hid);
      double[] flat = new double[packed.length];
      dw.get(0, flat, 0, flat.length);
      for (double v : flat) {
        if (!Double.isFinite(v)) throw new NonFiniteException(op + ": ∂L/∂W_y holds " + v + " (diverged training?)");
      }
      DenseWeights dWeights = new DenseWeights(Matrix.of(o, hid, Recurrent.slice(flat, 0, o * hid)),
          Vec.of(Recurrent.slice(flat, o * hid, o)));
      return new Fit(loss, n, dWeights, new SeqBatch(dh, 0, hid, h.steps(), h.batchSize(), hid, lease));
    }
  }

  /** The mean cross-entropy (nats) without gradients: for held-out text. */
  public double meanCrossEntropy(SeqBatch h, Tokens targets) {
    String op = "batched softmax cross-entropy (evaluation)";
    synchronized (ws) {
      SeqBatch y = forward(op, h, ws.beginForward("the logits"));
      checkTargets(op, h, targets);
      return softmax(y, targets, null, 0);
    }
  }

  private SeqBatch forward(String op, SeqBatch h, Workspace.Lease lease) {
    Checks.notNull(op, "h", h);
    h.requireReadable(op);
    if (h.features() != inputSize()) {
      throw new IllegalArgumentException(op + ": h is " + h.shape() + " but W_y is " + weights.w().shape()
          + " (it reads vectors of size " + inputSize() + ")");
    }
    if (h.precision() != precision) {
      throw new IllegalArgumentException(op + ": h is " + h.precision() + " but the layer is " + precision);
    }
    int n = h.steps() * h.batchSize(), o = outputSize(), hid = inputSize();
    Mem w = ws.buffer("weights", packed.length);
    if (ws.uploaded != this) {
      w.put(0, packed, 0, packed.length);
      ws.uploaded = this;
    }
    Mem y = ws.buffer("Y", (long) n * o);
    Gemm.mm(false, false, n, o, 1, 1, ws.ones(n), 0, 1, w, o * hid, o, 0, y, 0, o);     // Y = 1·b_yᵀ
    Gemm.mm(false, true, n, o, hid, 1, h.mem, h.offset, h.ld, w, 0, hid, 1, y, 0, o);  // Y += H·W_yᵀ
    return new SeqBatch(y, 0, o, h.steps(), h.batchSize(), o, lease);
  }

  private void checkTargets(String op, SeqBatch h, Tokens targets) {
    Checks.notNull(op, "targets", targets);
    if (targets.steps() != h.steps() || targets.batchSize() != h.batchSize()) {
      throw new IllegalArgumentException(op + ": the targets are B=" + targets.batchSize() + " × T=" + targets.steps()
          + " but h is " + h.shape());
    }
    if (targets.vocabularySize() != outputSize()) {
      throw new IllegalArgumentException(op + ": the targets index " + targets.vocabularySize() + " classes but W_y has "
          + outputSize() + " rows (one per class)");
    }
  }

  /**
   * Mean of −log softmax(Y_row)_target, computed as log Σ e^{y − max} − (y_target − max) so that no
   * exponent overflows; with {@code dy}, also writes scale·(softmax − e_target) for every row.
   */
  private static double softmax(SeqBatch y, Tokens targets, Mem dy, double scale) {
    int batch = y.batchSize(), o = y.features();
    double[] row = new double[o];
    double total = 0;
    for (int t = 0; t < y.steps(); t++) {
      for (int b = 0; b < batch; b++) {
        y.mem.get(y.at(t, b), row, 0, o);
        int target = targets.get(b, t);
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < o; k++) m = Math.max(m, row[k]);
        if (!Double.isFinite(m)) {
          throw new NonFiniteException("softmax cross-entropy: the logits of sequence " + b + ", step " + t + " hold "
              + m + "; the output layer overflowed (diverged training?)");
        }
        double s = 0;
        for (int k = 0; k < o; k++) s += Math.exp(row[k] - m);
        total += Math.log(s) - (row[target] - m);
        if (dy != null) {
          for (int k = 0; k < o; k++) row[k] = scale * Math.exp(row[k] - m) / s;
          row[target] -= scale;                         // ∂L/∂y = (p − e_target)/N
          dy.put((t * batch + b) * o, row, 0, o);
        }
      }
    }
    return total / (y.steps() * batch);
  }
}
