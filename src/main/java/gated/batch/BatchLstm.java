package gated.batch;

import gated.cell.FusedLstmWeights;
import gated.cell.GateWeights;
import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * An LSTM layer over a whole minibatch, computing what {@link gated.model.Lstm} computes for each
 * sequence (within 1e-9 in double precision; the tests check every value and gradient), with matrix
 * products over the minibatch instead of one vector at a time.
 *
 * <p>Weights: the teaching path's {@link LstmWeights}, laid out as seed 001's bundled matrices
 * ({@link FusedLstmWeights}, row form, gate blocks <b>f, g, i, o</b>):
 * <pre>
 *   Z_t = X_t·W_x + H_{t-1}·W_h + b      X_t: [B, X], H_{t-1}: [B, H], W_x: [X, 4H], W_h: [H, 4H], b: [4H]
 *   F = σ(Z_f), G = tanh(Z_g), I = σ(Z_i), O = σ(Z_o)      (column blocks [0,H), [H,2H), [2H,3H), [3H,4H) of Z_t)
 *   C_t = F ⊙ C_{t-1} + I ⊙ G,   H_t = O ⊙ tanh(C_t)       all [B, H]
 * </pre>
 * X·W_x for every step of every sequence is one product before the loop, H_{t-1}·W_h one product
 * per step; backward, ∂L/∂H_{t-1} = ∂L/∂Z_t·W_hᵀ is one product per step and ∂L/∂W_x, ∂L/∂W_h, ∂L/∂b
 * are each one product over the whole minibatch (see {@code Recurrent} for the full list).
 *
 * <p>State parts: h, then c.
 */
public final class BatchLstm extends Recurrent<LstmWeights> {

  private BatchLstm(LstmWeights weights, Precision precision, boolean reverse, Workspace ws) {
    super(weights, precision, reverse, ws, weights.hiddenSize(), weights.inputSize(), 4 * weights.hiddenSize(),
        pack(weights));
  }

  /** A layer reading x_1 … x_T. */
  public static BatchLstm of(LstmWeights weights, Precision precision) {
    return create(weights, precision, false);
  }

  /** A layer reading x_T … x_1 (the backward half of a bidirectional layer); outputs stay aligned with the inputs. */
  public static BatchLstm reversed(LstmWeights weights, Precision precision) {
    return create(weights, precision, true);
  }

  private static BatchLstm create(LstmWeights weights, Precision precision, boolean reverse) {
    Checks.notNull("batched LSTM", "weights", weights);
    Checks.notNull("batched LSTM", "precision", precision);
    weights.requireFinite("batched LSTM");
    return new BatchLstm(weights, precision, reverse,
        new Workspace(precision, describe("LSTM", weights.inputSize(), weights.hiddenSize(), reverse)));
  }

  @Override
  public BatchLstm withWeights(LstmWeights w) {
    Checks.notNull("batched LSTM", "weights", w);
    w.requireFinite("batched LSTM");
    requireSameShape(w.hiddenSize(), w.inputSize());
    return new BatchLstm(w, precision, reverse, ws);
  }

  @Override
  public LstmTrace forward(BatchInput inputs, State initial) {
    return (LstmTrace) super.forward(inputs, initial);
  }

  @Override
  public LstmTrace forward(BatchInput inputs) {
    return forward(inputs, null);
  }

  /** [W_x | W_h | b] of {@link FusedLstmWeights}, each row by row. */
  private static double[] pack(LstmWeights w) {
    FusedLstmWeights f = w.toFused();
    return Flat.join(f.wx(), f.wh(), f.b());
  }

  /**
   * Back to one [H, H+X] matrix per gate: row r of W_k is column (block k, unit r) of the fused
   * matrices, h-part from W_h then x-part from W_x. One copy per gate.
   */
  @Override
  LstmWeights unpack(double[] flat) {
    int h = hidden, x = input, gh = width, cols = h + x;
    LstmWeights.Builder out = LstmWeights.builder();
    for (int k = 0; k < 4; k++) {
      double[] w = new double[h * cols];
      for (int r = 0; r < h; r++) {
        int col = k * h + r;
        for (int c = 0; c < h; c++) w[r * cols + c] = flat[recurrentOffset + c * gh + col];
        for (int c = 0; c < x; c++) w[r * cols + h + c] = flat[c * gh + col];
      }
      out.gate(FusedLstmWeights.blockOrder().get(k), new GateWeights(Matrix.of(h, cols, w), Vec.of(slice(flat, biasOffset + k * h, h))));
    }
    return out.build();
  }

  @Override
  String name() {
    return "LSTM";
  }

  @Override
  String equation() {
    return "Z_t = X_t·W_x + H_{t-1}·W_h + b";
  }

  @Override
  public int stateParts() {
    return 2;
  }

  /** [0] Cs: c in the same blocks as Hs; [1] tanh(C_t): [N, H]. */
  @Override
  Mem[] extraBuffers(int steps, int batch) {
    return new Mem[] {ws.buffer("Cs", (long) (steps + 1) * batch * hidden), ws.buffer("tanhC", (long) steps * batch * hidden)};
  }

  @Override
  void writeExtraState(State s, int block, int batch, Mem[] extra) {
    int at = block * batch * hidden;
    if (s == null) extra[0].zero(at, at + batch * hidden);
    else putMatrix(s.part(1), extra[0], at);
  }

  @Override
  void readExtraState(int block, int batch, Mem[] extra, List<Matrix> into) {
    into.add(getMatrix(extra[0], block * batch * hidden, batch, hidden));
  }

  @Override
  void step(int t, int batch, Mem w, Mem z, Mem hs, Mem[] extra) {
    int h = hidden, gh = width, bh = batch * h;
    int prev = prevBlock(t) * bh, out = outBlock(t) * bh, zRow = t * batch * gh, row = t * bh;
    Gemm.mm(false, false, batch, gh, h, 1, hs, prev, h, w, recurrentOffset, gh, 1, z, zRow, gh); // Z_t += H_{t-1}·W_h
    double[] zs = ws.scratch("Z_t", batch * gh), cPrev = ws.scratch("C_{t-1}", bh), c = ws.scratch("C_t", bh);
    double[] tc = ws.scratch("tanh C_t", bh), hn = ws.scratch("H_t", bh);
    z.get(zRow, zs, 0, batch * gh);
    extra[0].get(prev, cPrev, 0, bh);
    for (int b = 0; b < batch; b++) {
      int zb = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        int k = zb + j;
        double f = Pointwise.sigmoid(zs[k]);                      // F = σ(Z_f)
        double g = Pointwise.tanh(zs[k + h]);                     // G = tanh(Z_g)
        double i = Pointwise.sigmoid(zs[k + 2 * h]);              // I = σ(Z_i)
        double o = Pointwise.sigmoid(zs[k + 3 * h]);              // O = σ(Z_o)
        zs[k] = f;
        zs[k + h] = g;
        zs[k + 2 * h] = i;
        zs[k + 3 * h] = o;
        double ct = f * cPrev[hb + j] + i * g;                    // C_t = F ⊙ C_{t-1} + I ⊙ G
        double tct = Pointwise.tanh(ct);
        c[hb + j] = ct;
        tc[hb + j] = tct;
        hn[hb + j] = o * tct;                                     // H_t = O ⊙ tanh(C_t)
      }
    }
    z.put(zRow, zs, 0, batch * gh);                               // the activations replace the pre-activations
    extra[0].put(out, c, 0, bh);
    extra[1].put(row, tc, 0, bh);
    hs.put(out, hn, 0, bh);
  }

  /** [0] the running ∂L/∂c, [B·H]. */
  @Override
  double[][] gradientState(int batch, State dFinal) {
    int bh = batch * hidden;
    double[] dc = ws.scratch("dc", bh);
    if (dFinal == null) java.util.Arrays.fill(dc, 0, bh, 0);
    else System.arraycopy(dFinal.part(1).toArray(), 0, dc, 0, bh);
    return new double[][] {dc};
  }

  @Override
  void backStep(int t, int batch, Mem w, Pass p, Mem dz, double[] dh, Mem dhPrev, double[][] grads) {
    int h = hidden, gh = width, bh = batch * h;
    int prev = prevBlock(t) * bh, zRow = t * batch * gh, row = t * bh;
    double[] zs = ws.scratch("Z_t", batch * gh), dzs = ws.scratch("dZ_t", batch * gh);
    double[] tc = ws.scratch("tanh C_t", bh), cPrev = ws.scratch("C_{t-1}", bh), dc = grads[0];
    p.z.get(zRow, zs, 0, batch * gh);
    p.extra[1].get(row, tc, 0, bh);
    p.extra[0].get(prev, cPrev, 0, bh);
    for (int b = 0; b < batch; b++) {
      int zb = b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        int k = zb + j;
        double f = zs[k], g = zs[k + h], i = zs[k + 2 * h], o = zs[k + 3 * h];
        double tct = tc[hb + j], d = dh[hb + j];
        double dO = d * tct;                                      // H = O ⊙ tanh(C)  ⇒ ∂L/∂O = dH ⊙ tanh(C)
        double dC = dc[hb + j] + d * o * (1 - tct * tct);        //                  ⇒ ∂L/∂C += dH ⊙ O ⊙ (1 − tanh²C)
        dzs[k] = dC * cPrev[hb + j] * f * (1 - f);               // ∂L/∂Z_f = dC ⊙ C_{t-1} ⊙ F(1 − F)
        dzs[k + h] = dC * i * (1 - g * g);                        // ∂L/∂Z_g = dC ⊙ I ⊙ (1 − G²)
        dzs[k + 2 * h] = dC * g * i * (1 - i);                    // ∂L/∂Z_i = dC ⊙ G ⊙ I(1 − I)
        dzs[k + 3 * h] = dO * o * (1 - o);                        // ∂L/∂Z_o = dO ⊙ O(1 − O)
        dc[hb + j] = dC * f;                                      // ∂L/∂C_{t-1} = dC ⊙ F
      }
    }
    dz.put(zRow, dzs, 0, batch * gh);
    Gemm.mm(false, true, batch, h, gh, 1, dz, zRow, gh, w, recurrentOffset, gh, 0, dhPrev, 0, h); // ∂L/∂H_{t-1} = ∂L/∂Z_t·W_hᵀ
  }

  @Override
  void recurrentGradients(Pass p, Mem dz, Mem dw) {
    int h = hidden, gh = width, n = p.steps * p.batch;
    // ∂L/∂W_h = H_prevᵀ·∂L/∂Z: [H, N]·[N, 4H]
    Gemm.mm(true, false, h, gh, n, 1, p.hs, firstPrevBlock() * p.batch * h, h, dz, 0, gh, 0, dw, recurrentOffset, gh);
  }

  @Override
  void readExtraGradients(int batch, double[][] grads, List<Matrix> into) {
    into.add(Matrix.of(batch, hidden, java.util.Arrays.copyOf(grads[0], batch * hidden)));
  }

  @Override
  Pass newPass(Workspace.Lease lease, BatchInput in, int steps, int batch, Mem z, Mem hs, Mem[] extra, State fin) {
    return new LstmTrace(this, lease, in, steps, batch, z, hs, extra, fin);
  }

  /** An LSTM forward pass, with views of the cell states and the gates as well as the outputs. */
  public static final class LstmTrace extends Pass {
    LstmTrace(BatchLstm layer, Workspace.Lease lease, BatchInput in, int steps, int batch, Mem z, Mem hs, Mem[] extra,
        State fin) {
      super(layer, lease, in, steps, batch, z, hs, extra, fin);
    }

    /** c_1 … c_T of every sequence, [T, B, H] (a view, like {@link #outputs}). */
    public SeqBatch cells() {
      int h = layer.hidden;
      return new SeqBatch(extra[0], (layer.reverse ? 0 : 1) * batch * h, h, steps, batch, h, lease);
    }

    /** One gate's activation (f, i, c̃ or o) at every step of every sequence, [T, B, H] (a view). */
    public SeqBatch gate(LstmGate gate) {
      Checks.notNull("LSTM trace", "gate", gate);
      int h = layer.hidden;
      int block = switch (gate) {                 // column blocks f, g, i, o
        case FORGET -> 0;
        case CANDIDATE -> 1;
        case INPUT -> 2;
        case OUTPUT -> 3;
      };
      return new SeqBatch(z, block * h, 4 * h, steps, batch, h, lease);
    }
  }
}
