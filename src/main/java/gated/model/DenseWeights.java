package gated.model;

import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.Random;

/**
 * An output (dense) layer y = W·h + b, as in y_t = g(W_y·h_t + b_y). Flat order: W, b.
 *
 * @param w W: [O, H]
 * @param b b: [O]
 */
public record DenseWeights(Matrix w, Vec b) implements Params<DenseWeights> {

  public DenseWeights {
    Checks.notNull("dense layer", "W", w);
    Checks.notNull("dense layer", "b", b);
    Checks.shape("dense layer", "W", w, b.size(), w.cols(), "one row per output, " + b.size() + " outputs from b");
  }

  public static DenseWeights random(int outputs, int inputs, Random random) {
    Checks.positive("dense layer", "outputs", outputs);
    Checks.positive("dense layer", "inputs", inputs);
    return new DenseWeights(Matrix.uniform(outputs, inputs, 1 / Math.sqrt(inputs), random), Vec.zeros(outputs));
  }

  public int inputSize() {
    return w.cols();
  }

  public int outputSize() {
    return w.rows();
  }

  /** y = W·h + b. */
  public Vec apply(Vec h) {
    Checks.notNull("dense layer y = W·h + b", "h", h);
    Checks.product("dense layer y = W·h + b", "W", w, "h", h);
    Checks.finite("dense layer y = W·h + b", "W", w);
    Checks.finite("dense layer y = W·h + b", "b", b);
    Checks.finite("dense layer y = W·h + b", "h", h);
    return w.times(h).plus(b);
  }

  /**
   * Gradients of y = W·h + b given ∂L/∂y.
   *
   * @param dWeights ∂L/∂W = dy ⊗ h and ∂L/∂b = dy
   * @param dh ∂L/∂h = Wᵀ·dy
   */
  public record Grad(DenseWeights dWeights, Vec dh) {}

  public Grad backward(Vec h, Vec dy) {
    return new Grad(new DenseWeights(Matrix.outer(dy, h), dy), dy.times(w));
  }

  @Override
  public double[] toArray() {
    return Flat.join(w, b);
  }

  @Override
  public DenseWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "dense layer");
    return new DenseWeights(r.matrixLike(w), r.vecLike(b));
  }

  @Override
  public int count() {
    return w.rows() * w.cols() + b.size();
  }
}
