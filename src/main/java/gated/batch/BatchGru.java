package gated.batch;

import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * A GRU layer over a whole minibatch, computing what {@link gated.model.Gru} computes for each
 * sequence (seed 003's form, reset gate applied before the product with W_hh), with matrix products
 * over the minibatch.
 *
 * <p>Weights: the teaching path's {@link GruWeights} (row form), bundled as
 * <pre>
 *   W_x = [W_xr | W_xz | W_xh]: [X, 3H]    W_rz = [W_hr | W_hz]: [H, 2H]    W_hh: [H, H]    b = [b_r | b_z | b_h]: [3H]
 *   A_t = X_t·W_x + b                                       one product for every step before the loop, [B, 3H] per step
 *   [A_r | A_z] += H_{t-1}·W_rz,   R = σ(A_r), Z = σ(A_z)    first product of step t
 *   A_h += (R ⊙ H_{t-1})·W_hh,     H̃ = tanh(A_h)             second product of step t
 *   H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃
 * </pre>
 * Because R multiplies H_{t-1} before W_hh does, this GRU needs two products per step (forward and
 * backward), not one; PyTorch's variant applies R after the product and gets away with one.
 *
 * <p>State parts: h.
 */
public final class BatchGru extends Recurrent<GruWeights> {

  private BatchGru(GruWeights weights, Precision precision, boolean reverse, Workspace ws) {
    super(weights, precision, reverse, ws, weights.hiddenSize(), weights.inputSize(), 3 * weights.hiddenSize(),
        pack(weights));
  }

  public static BatchGru of(GruWeights weights, Precision precision) {
    return create(weights, precision, false);
  }

  /** A layer reading x_T … x_1; outputs stay aligned with the inputs. */
  public static BatchGru reversed(GruWeights weights, Precision precision) {
    return create(weights, precision, true);
  }

  private static BatchGru create(GruWeights weights, Precision precision, boolean reverse) {
    Checks.notNull("batched GRU", "weights", weights);
    Checks.notNull("batched GRU", "precision", precision);
    weights.requireFinite("batched GRU");
    return new BatchGru(weights, precision, reverse,
        new Workspace(precision, describe("GRU", weights.inputSize(), weights.hiddenSize(), reverse)));
  }

  @Override
  public BatchGru withWeights(GruWeights w) {
    Checks.notNull("batched GRU", "weights", w);
    w.requireFinite("batched GRU");
    requireSameShape(w.hiddenSize(), w.inputSize());
    return new BatchGru(w, precision, reverse, ws);
  }

  private static double[] pack(GruWeights w) {
    RowGateWeights r = w.reset(), z = w.update(), h = w.candidate();
    return Flat.join(Matrix.hstack(r.wx(), z.wx(), h.wx()), Matrix.hstack(r.wh(), z.wh()), h.wh(), r.b(), z.b(), h.b());
  }

  @Override
  GruWeights unpack(double[] flat) {
    int h = hidden, x = input;
    Matrix wx = Matrix.of(x, 3 * h, slice(flat, 0, x * 3 * h));
    Matrix wrz = Matrix.of(h, 2 * h, slice(flat, recurrentOffset, 2 * h * h));
    Matrix whh = Matrix.of(h, h, slice(flat, recurrentOffset + 2 * h * h, h * h));
    Vec b = Vec.of(slice(flat, biasOffset, 3 * h));
    return GruWeights.builder()
        .reset(wx.block(0, x, 0, h), wrz.block(0, h, 0, h), b.slice(0, h))
        .update(wx.block(0, x, h, 2 * h), wrz.block(0, h, h, 2 * h), b.slice(h, 2 * h))
        .candidate(wx.block(0, x, 2 * h, 3 * h), whh, b.slice(2 * h, 3 * h))
        .build();
  }

  @Override
  String name() {
    return "GRU";
  }

  @Override
  String equation() {
    return "A_t = X_t·W_x + [H_{t-1}·W_rz | (R ⊙ H_{t-1})·W_hh] + b";
  }

  @Override
  public int stateParts() {
    return 1;
  }

  /** [0] R ⊙ H_{t-1} for every step, [N, H]. */
  @Override
  Mem[] extraBuffers(int steps, int batch) {
    return new Mem[] {ws.buffer("RH", (long) steps * batch * hidden)};
  }

  @Override
  void writeExtraState(State s, int block, int batch, Mem[] extra) {}

  @Override
  void readExtraState(int block, int batch, Mem[] extra, List<Matrix> into) {}

  @Override
  void step(int t, int batch, Mem w, Mem a, Mem hs, Mem[] extra) {
    int h = hidden, gh = width, bh = batch * h;
    int prev = prevBlock(t) * bh, out = outBlock(t) * bh, aRow = t * batch * gh, row = t * bh;
    Gemm.mm(false, false, batch, 2 * h, h, 1, hs, prev, h, w, recurrentOffset, 2 * h, 1, a, aRow, gh); // [A_r|A_z] += H_{t-1}·W_rz
    double[] as = ws.scratch("A_t", batch * gh), hp = ws.scratch("H_{t-1}", bh), rh = ws.scratch("R ⊙ H_{t-1}", bh);
    double[] hn = ws.scratch("H_t", bh);
    a.get(aRow, as, 0, batch * gh);
    hs.get(prev, hp, 0, bh);
    for (int b = 0; b < batch; b++) {
      int ab = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        double r = Pointwise.sigmoid(as[ab + j]);                 // R = σ(A_r)
        as[ab + j] = r;
        as[ab + h + j] = Pointwise.sigmoid(as[ab + h + j]);       // Z = σ(A_z)
        rh[hb + j] = r * hp[hb + j];                              // R ⊙ H_{t-1}
      }
    }
    extra[0].put(row, rh, 0, bh);
    Gemm.mm(false, false, batch, h, h, 1, extra[0], row, h, w, recurrentOffset + 2 * h * h, h, 1, a, aRow + 2 * h, gh); // A_h += (R ⊙ H_{t-1})·W_hh
    for (int b = 0; b < batch; b++) a.get(aRow + b * gh + 2 * h, as, b * gh + 2 * h, h);   // A_h, now complete
    for (int b = 0; b < batch; b++) {
      int ab = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        double ht = Pointwise.tanh(as[ab + 2 * h + j]);           // H̃ = tanh(A_h)
        double z = as[ab + h + j];
        as[ab + 2 * h + j] = ht;
        hn[hb + j] = z * hp[hb + j] + (1 - z) * ht;               // H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃
      }
    }
    a.put(aRow, as, 0, batch * gh);                               // the activations R, Z, H̃ replace the pre-activations
    hs.put(out, hn, 0, bh);
  }

  /** Nothing runs alongside ∂L/∂h. */
  @Override
  double[][] gradientState(int batch, State dFinal) {
    return new double[0][];
  }

  @Override
  void backStep(int t, int batch, Mem w, Pass p, Mem da, double[] dh, Mem dhPrev, double[][] grads) {
    int h = hidden, gh = width, bh = batch * h;
    int prev = prevBlock(t) * bh, aRow = t * batch * gh;
    double[] as = ws.scratch("A_t", batch * gh), das = ws.scratch("dA_t", batch * gh), hp = ws.scratch("H_{t-1}", bh);
    double[] dhp = ws.scratch("dH_{t-1}", bh), drh = ws.scratch("d(R ⊙ H)", bh);
    Mem drhMem = ws.buffer("d(R ⊙ H)", bh);
    p.z.get(aRow, as, 0, batch * gh);
    p.hs.get(prev, hp, 0, bh);
    for (int b = 0; b < batch; b++) {
      int ab = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        double z = as[ab + h + j], ht = as[ab + 2 * h + j], d = dh[hb + j];
        das[ab + h + j] = d * (hp[hb + j] - ht) * z * (1 - z);   // ∂L/∂A_z = dH ⊙ (H_{t-1} − H̃) ⊙ Z(1 − Z)
        das[ab + 2 * h + j] = d * (1 - z) * (1 - ht * ht);       // ∂L/∂A_h = dH ⊙ (1 − Z) ⊙ (1 − H̃²)
        dhp[hb + j] = d * z;                                     // ∂L/∂H_{t-1} = dH ⊙ Z (direct path) …
      }
    }
    for (int b = 0; b < batch; b++) da.put(aRow + b * gh + 2 * h, das, b * gh + 2 * h, h);
    Gemm.mm(false, true, batch, h, h, 1, da, aRow + 2 * h, gh, w, recurrentOffset + 2 * h * h, h, 0, drhMem, 0, h); // ∂L/∂(R ⊙ H) = ∂L/∂A_h·W_hhᵀ
    drhMem.get(0, drh, 0, bh);
    for (int b = 0; b < batch; b++) {
      int ab = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        double r = as[ab + j], d = drh[hb + j];
        das[ab + j] = d * hp[hb + j] * r * (1 - r);               // ∂L/∂A_r = ∂L/∂(R ⊙ H) ⊙ H_{t-1} ⊙ R(1 − R)
        dhp[hb + j] += d * r;                                     // … + ∂L/∂(R ⊙ H) ⊙ R …
      }
    }
    da.put(aRow, das, 0, batch * gh);
    dhPrev.put(0, dhp, 0, bh);
    Gemm.mm(false, true, batch, h, 2 * h, 1, da, aRow, gh, w, recurrentOffset, 2 * h, 1, dhPrev, 0, h); // … + [∂L/∂A_r | ∂L/∂A_z]·W_rzᵀ
  }

  @Override
  void recurrentGradients(Pass p, Mem da, Mem dw) {
    int h = hidden, gh = width, n = p.steps * p.batch;
    // ∂L/∂W_rz = H_prevᵀ·[∂L/∂A_r | ∂L/∂A_z]: [H, N]·[N, 2H]
    Gemm.mm(true, false, h, 2 * h, n, 1, p.hs, firstPrevBlock() * p.batch * h, h, da, 0, gh, 0, dw, recurrentOffset, 2 * h);
    // ∂L/∂W_hh = (R ⊙ H_prev)ᵀ·∂L/∂A_h: [H, N]·[N, H]
    Gemm.mm(true, false, h, h, n, 1, p.extra[0], 0, h, da, 2 * h, gh, 0, dw, recurrentOffset + 2 * h * h, h);
  }

  @Override
  void readExtraGradients(int batch, double[][] grads, List<Matrix> into) {}
}
