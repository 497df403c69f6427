package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * PyTorch's {@code nn.LSTM} layout for one layer and direction:
 * z = W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh, blocks of H rows in the order <b>i, f, g, o</b>.
 *
 * <p>PyTorch (like cuDNN) keeps two biases per gate; only their sum matters, so importing adds them,
 * and exporting puts the whole bias in {@code bias_ih} and zeros in {@code bias_hh}.
 *
 * @param weightIh weight_ih_l0: [4H, X], blocks i, f, g, o
 * @param weightHh weight_hh_l0: [4H, H], blocks i, f, g, o
 * @param biasIh bias_ih_l0: [4H]
 * @param biasHh bias_hh_l0: [4H]
 */
public record PytorchLstmWeights(Matrix weightIh, Matrix weightHh, Vec biasIh, Vec biasHh) {

  private static final List<LstmGate> ORDER =
      List.of(LstmGate.INPUT, LstmGate.FORGET, LstmGate.CANDIDATE, LstmGate.OUTPUT);

  /** PyTorch's block order, i, f, g, o (immutable). */
  public static List<LstmGate> blockOrder() {
    return ORDER;
  }

  public PytorchLstmWeights {
    String op = "PyTorch LSTM weights";
    Checks.notNull(op, "weight_ih", weightIh);
    Checks.notNull(op, "weight_hh", weightHh);
    if (weightHh.rows() != 4L * weightHh.cols()) {
      throw new IllegalArgumentException(op + ": weight_hh is " + weightHh.shape() + " but it must be 4H×H");
    }
    int h = weightHh.cols();
    Checks.matrix(op, "weight_ih", weightIh, 4 * h, weightIh.cols(), "4H×X with H = " + h + " from weight_hh");
    Checks.finite(op, "weight_hh", weightHh);
    Checks.vector(op, "bias_ih", biasIh, 4 * h, "4H");
    Checks.vector(op, "bias_hh", biasHh, 4 * h, "4H");
  }

  static PytorchLstmWeights from(LstmWeights w) {
    int h = w.hiddenSize();
    Matrix[] ih = new Matrix[4];
    Matrix[] hh = new Matrix[4];
    double[] b = new double[4 * h];
    for (int k = 0; k < 4; k++) {
      GateWeights g = w.gate(ORDER.get(k));
      ih[k] = g.inputBlock();
      hh[k] = g.hiddenBlock();
      System.arraycopy(g.b().toArray(), 0, b, k * h, h);
    }
    return new PytorchLstmWeights(Matrix.vstack(ih), Matrix.vstack(hh), Vec.of(b), Vec.zeros(4 * h));
  }

  public LstmWeights toLstmWeights() {
    int h = weightHh.cols();
    int x = weightIh.cols();
    Vec bias = biasIh.plus(biasHh);
    LstmWeights.Builder out = LstmWeights.builder();
    for (int k = 0; k < 4; k++) {
      Matrix w = Matrix.hstack(weightHh.block(k * h, (k + 1) * h, 0, h), weightIh.block(k * h, (k + 1) * h, 0, x));
      out.gate(ORDER.get(k), new GateWeights(w, bias.slice(k * h, (k + 1) * h)));
    }
    return out.build();
  }
}
