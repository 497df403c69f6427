package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * Seed 001's "speeding up computation": the four affine maps bundled into one, in the row-vector
 * convention, z = x_t·W_x + h_{t-1}·W_h + b, then split into four blocks of H columns.
 *
 * <p>Block order, as printed in seed 001: <b>f, g, i, o</b>. Columns [0, H) belong to the forget gate,
 * [H, 2H) to the candidate g = c̃, [2H, 3H) to the input gate and [3H, 4H) to the output gate.
 *
 * @param wx W_x: [X, 4H], blocks f, g, i, o
 * @param wh W_h: [H, 4H], blocks f, g, i, o
 * @param b b: [4H], blocks f, g, i, o
 */
public record FusedLstmWeights(Matrix wx, Matrix wh, Vec b) {

  private static final List<LstmGate> ORDER =
      List.of(LstmGate.FORGET, LstmGate.CANDIDATE, LstmGate.INPUT, LstmGate.OUTPUT);

  /** The block order of every fused matrix and bias, f, g, i, o (immutable). */
  public static List<LstmGate> blockOrder() {
    return ORDER;
  }

  public FusedLstmWeights {
    String op = "fused LSTM weights";
    Checks.notNull(op, "W_x", wx);
    Checks.notNull(op, "W_h", wh);
    Checks.notNull(op, "b", b);
    if (wh.cols() != 4L * wh.rows()) {
      throw new IllegalArgumentException(op + ": W_h is " + wh.shape() + " but it must be H×4H");
    }
    int h = wh.rows();
    Checks.matrix(op, "W_x", wx, wx.rows(), 4 * h, "X×4H with H = " + h + " from W_h");
    Checks.finite(op, "W_h", wh);
    Checks.vector(op, "b", b, 4 * h, "4H");
  }

  static FusedLstmWeights from(LstmWeights w) {
    Matrix[] x = new Matrix[4];
    Matrix[] h = new Matrix[4];
    double[] bias = new double[4 * w.hiddenSize()];
    for (int k = 0; k < 4; k++) {
      GateWeights g = w.gate(ORDER.get(k));
      x[k] = g.wxRows();
      h[k] = g.whRows();
      System.arraycopy(g.b().toArray(), 0, bias, k * w.hiddenSize(), w.hiddenSize());
    }
    return new FusedLstmWeights(Matrix.hstack(x), Matrix.hstack(h), Vec.of(bias));
  }

  public int hiddenSize() {
    return wh.rows();
  }

  public int inputSize() {
    return wx.rows();
  }

  /** Back to one {@link GateWeights} per gate. */
  public LstmWeights toLstmWeights() {
    int n = hiddenSize();
    LstmWeights.Builder out = LstmWeights.builder();
    for (int k = 0; k < 4; k++) {
      out.gate(ORDER.get(k), GateWeights.fromRows(wx.block(0, inputSize(), k * n, (k + 1) * n),
          wh.block(0, n, k * n, (k + 1) * n), b.slice(k * n, (k + 1) * n)));
    }
    return out.build();
  }

  /**
   * One step with a single fused product: z = x·W_x + h·W_h + b, then the four blocks are split
   * and the usual LSTM update applied. Returns the same record as {@link LstmCell#step}.
   */
  public LstmStep step(Vec x, Vec hPrev, Vec cPrev) {
    String op = "fused LSTM step";
    Checks.vector(op, "x_t", x, inputSize(), "the input size");
    Checks.vector(op, "h_{t-1}", hPrev, hiddenSize(), "the hidden size");
    Checks.vector(op, "c_{t-1}", cPrev, hiddenSize(), "the hidden size");
    int n = hiddenSize();
    Vec z = Checks.equation("fused LSTM step z = x_t·W_x + h_{t-1}·W_h + b",
        () -> x.times(wx).plus(hPrev.times(wh)).plus(b));                 // z = x·W_x + h·W_h + b: [4H]
    Vec zf = z.slice(0, n), zg = z.slice(n, 2 * n), zi = z.slice(2 * n, 3 * n), zo = z.slice(3 * n, 4 * n);
    Vec f = Activations.sigmoid(zf);
    Vec g = Activations.tanh(zg);
    Vec i = Activations.sigmoid(zi);
    Vec o = Activations.sigmoid(zo);
    Vec c = f.hadamard(cPrev).plus(i.hadamard(g));
    Vec tanhC = Activations.tanh(c);
    return new LstmStep(x, hPrev, cPrev, zf, f, zi, i, zg, g, zo, o, c, tanhC, o.hadamard(tanhC));
  }
}
