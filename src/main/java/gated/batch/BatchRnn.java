package gated.batch;

import gated.cell.RnnWeights;
import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * A plain (Elman) RNN layer over a whole minibatch, computing what {@link gated.model.Rnn} computes
 * for each sequence, with matrix products over the minibatch.
 *
 * <p>Weights: the teaching path's {@link RnnWeights} (column form, W_x: [H, X], W_h: [H, H]),
 * transposed into the row form of the batched path:
 * <pre>
 *   A_t = X_t·W_xᵀ + H_{t-1}·W_hᵀ + b     X_t: [B, X], H_{t-1}: [B, H], W_xᵀ: [X, H], W_hᵀ: [H, H]
 *   H_t = tanh(A_t)
 * </pre>
 *
 * <p>State parts: h.
 */
public final class BatchRnn extends Recurrent<RnnWeights> {

  private BatchRnn(RnnWeights weights, Precision precision, boolean reverse, Workspace ws) {
    super(weights, precision, reverse, ws, weights.hiddenSize(), weights.inputSize(), weights.hiddenSize(),
        pack(weights));
  }

  public static BatchRnn of(RnnWeights weights, Precision precision) {
    return create(weights, precision, false);
  }

  /** A layer reading x_T … x_1; outputs stay aligned with the inputs. */
  public static BatchRnn reversed(RnnWeights weights, Precision precision) {
    return create(weights, precision, true);
  }

  private static BatchRnn create(RnnWeights weights, Precision precision, boolean reverse) {
    Checks.notNull("batched RNN", "weights", weights);
    Checks.notNull("batched RNN", "precision", precision);
    weights.requireFinite("batched RNN");
    return new BatchRnn(weights, precision, reverse,
        new Workspace(precision, describe("RNN", weights.inputSize(), weights.hiddenSize(), reverse)));
  }

  @Override
  public BatchRnn withWeights(RnnWeights w) {
    Checks.notNull("batched RNN", "weights", w);
    w.requireFinite("batched RNN");
    requireSameShape(w.hiddenSize(), w.inputSize());
    return new BatchRnn(w, precision, reverse, ws);
  }

  private static double[] pack(RnnWeights w) {
    return Flat.join(w.wx().transpose(), w.wh().transpose(), w.b());
  }

  @Override
  RnnWeights unpack(double[] flat) {
    int h = hidden, x = input;
    return new RnnWeights(Matrix.of(x, h, slice(flat, 0, x * h)).transpose(),
        Matrix.of(h, h, slice(flat, recurrentOffset, h * h)).transpose(), Vec.of(slice(flat, biasOffset, h)));
  }

  @Override
  String name() {
    return "RNN";
  }

  @Override
  String equation() {
    return "A_t = X_t·W_xᵀ + H_{t-1}·W_hᵀ + b";
  }

  @Override
  public int stateParts() {
    return 1;
  }

  @Override
  Mem[] extraBuffers(int steps, int batch) {
    return new Mem[0];
  }

  @Override
  void writeExtraState(State s, int block, int batch, Mem[] extra) {}

  @Override
  void readExtraState(int block, int batch, Mem[] extra, List<Matrix> into) {}

  @Override
  void step(int t, int batch, Mem w, Mem a, Mem hs, Mem[] extra) {
    int h = hidden, bh = batch * h;
    int prev = prevBlock(t) * bh, out = outBlock(t) * bh, aRow = t * bh;
    Gemm.mm(false, false, batch, h, h, 1, hs, prev, h, w, recurrentOffset, h, 1, a, aRow, h); // A_t += H_{t-1}·W_hᵀ
    double[] as = ws.scratch("A_t", bh);
    a.get(aRow, as, 0, bh);
    for (int k = 0; k < bh; k++) as[k] = Pointwise.tanh(as[k]);                              // H_t = tanh(A_t)
    hs.put(out, as, 0, bh);
  }

  @Override
  double[][] gradientState(int batch, State dFinal) {
    return new double[0][];
  }

  @Override
  void backStep(int t, int batch, Mem w, Pass p, Mem da, double[] dh, Mem dhPrev, double[][] grads) {
    int h = hidden, bh = batch * h;
    int out = outBlock(t) * bh, aRow = t * bh;
    double[] hv = ws.scratch("H_t", bh);
    p.hs.get(out, hv, 0, bh);
    for (int k = 0; k < bh; k++) hv[k] = dh[k] * (1 - hv[k] * hv[k]);                     // ∂L/∂A = dH ⊙ (1 − H²)
    da.put(aRow, hv, 0, bh);
    Gemm.mm(false, true, batch, h, h, 1, da, aRow, h, w, recurrentOffset, h, 0, dhPrev, 0, h); // ∂L/∂H_{t-1} = ∂L/∂A_t·W_h
  }

  @Override
  void recurrentGradients(Pass p, Mem da, Mem dw) {
    int h = hidden, n = p.steps * p.batch;
    // ∂L/∂W_hᵀ = H_prevᵀ·∂L/∂A: [H, N]·[N, H]
    Gemm.mm(true, false, h, h, n, 1, p.hs, firstPrevBlock() * p.batch * h, h, da, 0, h, 0, dw, recurrentOffset, h);
  }

  @Override
  void readExtraGradients(int batch, double[][] grads, List<Matrix> into) {}
}
