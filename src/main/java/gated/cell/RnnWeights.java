package gated.cell;

import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.Random;

/**
 * The weights of a plain (Elman) RNN cell, h_t = tanh(W_x·x_t + W_h·h_{t-1} + b), as written in seed 002.
 *
 * <p>Flat order: W_x, W_h, b.
 *
 * @param wx W_x: [H, X]
 * @param wh W_h: [H, H]
 * @param b b: [H]
 */
public record RnnWeights(Matrix wx, Matrix wh, Vec b) implements Params<RnnWeights> {

  public RnnWeights {
    String op = "RNN weights";
    Checks.notNull(op, "W_x", wx);
    Checks.notNull(op, "W_h", wh);
    Checks.notNull(op, "b", b);
    int h = b.size();
    Checks.shape(op, "W_h", wh, h, h, "hidden×hidden with hidden " + h + " from b");
    Checks.shape(op, "W_x", wx, h, wx.cols(), "hidden×input with hidden " + h + " from b");
  }

  /** W_x and W_h uniform in [−scale, scale], b zero. */
  public static RnnWeights random(int hidden, int input, double scale, Random random) {
    Checks.positive("RNN weights", "hidden size", hidden);
    Checks.positive("RNN weights", "input size", input);
    return new RnnWeights(Matrix.uniform(hidden, input, scale, random), Matrix.uniform(hidden, hidden, scale, random),
        Vec.zeros(hidden));
  }

  /** The PyTorch default scale 1/√H. */
  public static RnnWeights random(int hidden, int input, Random random) {
    return random(hidden, input, 1 / Math.sqrt(hidden), random);
  }

  /** Fails if any weight or bias is NaN or ±Inf, naming it. */
  public RnnWeights requireFinite(String operation) {
    String op = Checks.opName(operation, "RNN weights");
    Checks.finite(op, "W_x", wx);
    Checks.finite(op, "W_h", wh);
    Checks.finite(op, "b", b);
    return this;
  }

  public int hiddenSize() {
    return b.size();
  }

  public int inputSize() {
    return wx.cols();
  }

  public RnnWeights withWh(Matrix newWh) {
    return new RnnWeights(wx, newWh, b);
  }

  @Override
  public double[] toArray() {
    return Flat.join(wx, wh, b);
  }

  @Override
  public RnnWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "RNN weights");
    return new RnnWeights(r.matrixLike(wx), r.matrixLike(wh), r.vecLike(b));
  }

  @Override
  public int count() {
    long h = hiddenSize();
    return Checks.allocatable("RNN weights", "the flat list H(X + H + 1)", h * (inputSize() + h + 1));
  }

  /** "RNN weights (H = 3, X = 4: W_x 3×4, W_h 3×3, b 3)". */
  @Override
  public String shapes() {
    return "RNN weights (H = " + hiddenSize() + ", X = " + inputSize() + ": W_x " + wx.shape() + ", W_h " + wh.shape()
        + ", b " + b.size() + ")";
  }
}
