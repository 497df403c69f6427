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
      out.gate(FusedLstmWeights.BLOCK_ORDER[k], new GateWeights(Matrix.of(h, cols, w), Vec.of(slice(flat, biasOffset + k * h, h))));
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
    int h = hidden, gh = width;
    int prev = prevBlock(t) * batch * h, out = outBlock(t) * batch * h, zRow = t * batch * gh, row = t * batch * h;
    Gemm.mm(false, false, batch, gh, h, 1, hs, prev, h, w, recurrentOffset, gh, 1, z, zRow, gh); // Z_t += H_{t-1}·W_h
    Mem cs = extra[0], tanhC = extra[1];
    for (int b = 0; b < batch; b++) {
      int zb = zRow + b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        int k = zb + j;
        double f = Pointwise.sigmoid(z.get(k));                   // F = σ(Z_f)
        double g = Pointwise.tanh(z.get(k + h));                  // G = tanh(Z_g)
        double i = Pointwise.sigmoid(z.get(k + 2 * h));           // I = σ(Z_i)
        double o = Pointwise.sigmoid(z.get(k + 3 * h));           // O = σ(Z_o)
        z.set(k, f);
        z.set(k + h, g);
        z.set(k + 2 * h, i);
        z.set(k + 3 * h, o);
        double c = f * cs.get(prev + hb + j) + i * g;             // C_t = F ⊙ C_{t-1} + I ⊙ G
        double tc = Pointwise.tanh(c);
        cs.set(out + hb + j, c);
        tanhC.set(row + hb + j, tc);
        hs.set(out + hb + j, o * tc);                             // H_t = O ⊙ tanh(C_t)
      }
    }
  }

  /** [0] the running ∂L/∂c, [B, H]. */
  @Override
  Mem[] gradientBuffers(int batch, State dFinal) {
    Mem dc = ws.buffer("dc", (long) batch * hidden);
    if (dFinal == null) dc.zero(0, batch * hidden);
    else putMatrix(dFinal.part(1), dc, 0);
    return new Mem[] {dc};
  }

  @Override
  void backStep(int t, int batch, Mem w, Pass p, Mem dz, Mem dh, Mem dhPrev, Mem[] grads) {
    int h = hidden, gh = width;
    int prev = prevBlock(t) * batch * h, zRow = t * batch * gh, row = t * batch * h;
    Mem z = p.z, cs = p.extra[0], tanhC = p.extra[1], dc = grads[0];
    for (int b = 0; b < batch; b++) {
      int zb = zRow + b * gh, hb = b * h;
      for (int j = 0; j < h; j++) {
        int k = zb + j;
        double f = z.get(k), g = z.get(k + h), i = z.get(k + 2 * h), o = z.get(k + 3 * h);
        double tc = tanhC.get(row + hb + j);
        double d = dh.get(hb + j);
        double dO = d * tc;                                       // H = O ⊙ tanh(C)  ⇒ ∂L/∂O = dH ⊙ tanh(C)
        double dC = dc.get(hb + j) + d * o * (1 - tc * tc);      //                  ⇒ ∂L/∂C += dH ⊙ O ⊙ (1 − tanh²C)
        dz.set(k, dC * cs.get(prev + hb + j) * f * (1 - f));     // ∂L/∂Z_f = dC ⊙ C_{t-1} ⊙ F(1 − F)
        dz.set(k + h, dC * i * (1 - g * g));                      // ∂L/∂Z_g = dC ⊙ I ⊙ (1 − G²)
        dz.set(k + 2 * h, dC * g * i * (1 - i));                  // ∂L/∂Z_i = dC ⊙ G ⊙ I(1 − I)
        dz.set(k + 3 * h, dO * o * (1 - o));                      // ∂L/∂Z_o = dO ⊙ O(1 − O)
        dc.set(hb + j, dC * f);                                   // ∂L/∂C_{t-1} = dC ⊙ F
      }
    }
    Gemm.mm(false, true, batch, h, gh, 1, dz, zRow, gh, w, recurrentOffset, gh, 0, dhPrev, 0, h); // ∂L/∂H_{t-1} = ∂L/∂Z_t·W_hᵀ
  }

  @Override
  void recurrentGradients(Pass p, Mem dz, Mem dw) {
    int h = hidden, gh = width, n = p.steps * p.batch;
    // ∂L/∂W_h = H_prevᵀ·∂L/∂Z: [H, N]·[N, 4H]
    Gemm.mm(true, false, h, gh, n, 1, p.hs, firstPrevBlock() * p.batch * h, h, dz, 0, gh, 0, dw, recurrentOffset, gh);
  }

  @Override
  void readExtraGradients(int batch, Mem[] grads, List<Matrix> into) {
    into.add(getMatrix(grads[0], 0, batch, hidden));
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
