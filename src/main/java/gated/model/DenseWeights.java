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
    String op = "dense layer y = W·h + b";
    Checks.notNull(op, "h", h);
    Checks.product(op, "W", w, "h", h);
    Checks.finite(op, "W", w);
    Checks.finite(op, "b", b);
    Checks.finite(op, "h", h);
    return Checks.equation(op, () -> w.times(h).plus(b));
  }

  /**
   * Gradients of y = W·h + b given ∂L/∂y.
   *
   * @param dWeights ∂L/∂W = dy ⊗ h and ∂L/∂b = dy
   * @param dh ∂L/∂h = Wᵀ·dy
   */
  public record Grad(DenseWeights dWeights, Vec dh) {}

  public Grad backward(Vec h, Vec dy) {
    final String op = "dense layer backward (y = W·h + b)";
    Checks.vector(op, "h", h, inputSize(), "the layer's input size (W is " + w.shape() + ")");
    Checks.gradient(op, "∂L/∂y", dy, outputSize(), "the layer's output size (W is " + w.shape() + ")");
    Checks.finite(op, "W", w);
    return Checks.equation(op + ": the gradient overflowed",
        () -> new Grad(new DenseWeights(Matrix.outer(dy, h), dy), dy.times(w)));   // ∂L/∂W = dy ⊗ h, ∂L/∂b = dy, ∂L/∂h = Wᵀ·dy
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
    return Checks.allocatable("dense layer", "the flat list O·H + O", (long) w.rows() * w.cols() + b.size());
  }

  /** "dense layer (W 2×3, b 2)". */
  @Override
  public String shapes() {
    return "dense layer (W " + w.shape() + ", b " + b.size() + ")";
  }
}
