package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;

/**
 * The repeating module of a plain RNN (Elman 1990), a single tanh layer:
 *
 * <pre>
 *   a_t = W_x·x_t + W_h·h_{t-1} + b
 *   h_t = tanh(a_t)
 * </pre>
 */
public record RnnCell(RnnWeights weights) {

  public RnnCell {
    Checks.notNull("RNN cell", "weights", weights);
    weights.requireFinite("RNN cell");
  }

  public static RnnCell of(RnnWeights weights) {
    return new RnnCell(weights);
  }

  public int hiddenSize() {
    return weights.hiddenSize();
  }

  public int inputSize() {
    return weights.inputSize();
  }

  /** Takes x_t and h_{t-1}, returns h_t (with a_t). */
  public RnnStep step(Vec x, Vec hPrev) {
    String op = "RNN step";
    Checks.notNull(op, "x_t", x);
    Checks.vector(op, "h_{t-1}", hPrev, hiddenSize(), "the hidden size");
    Checks.finite(op, "x_t", x);
    String equation = "RNN step a_t = W_x·x_t + W_h·h_{t-1} + b";
    Checks.product(equation, "W_x", weights.wx(), "x_t", x);
    Vec a = Checks.equation(equation,
        () -> weights.wx().times(x).plus(weights.wh().times(hPrev)).plus(weights.b())); // a_t = W_x·x_t + W_h·h_{t-1} + b
    Vec h = Activations.tanh(a);                                                    // h_t = tanh(a_t)
    return new RnnStep(x, hPrev, a, h);
  }

  /**
   * The gradients of one step.
   *
   * @param dWeights ∂L/∂W_x, ∂L/∂W_h, ∂L/∂b
   * @param dx ∂L/∂x_t
   * @param dhPrev ∂L/∂h_{t-1}
   */
  public record Grad(RnnWeights dWeights, Vec dx, Vec dhPrev) {}

  /** Given ∂L/∂h_t, back-propagates through the step. */
  public Grad backward(RnnStep s, Vec dh) {
    final String op = "RNN backward";
    Checks.notNull(op, "step", s);
    requireOwnStep(op, s);
    Checks.gradient(op, "∂L/∂h_t", dh, hiddenSize());
    return Checks.equation(op + ": the gradient overflowed (an exploding gradient)", () -> differentiate(s, dh));
  }

  private Grad differentiate(RnnStep s, Vec dh) {
    String op = "RNN backward";
    Vec da = dh.hadamard(s.h().map(v -> 1 - v * v));             // h = tanh(a)  ⇒ ∂L/∂a = dh ⊙ (1 − h²)
    Vec dhPrev = Checks.gradientResult(op, "∂L/∂h_{t-1}", "W_hᵀ·da",
        () -> da.times(weights.wh()));                        // a = … + W_h·h_{t-1} ⇒ ∂L/∂h_{t-1} = W_hᵀ·da
    Vec dx = Checks.gradientResult(op, "∂L/∂x_t", "W_xᵀ·da",
        () -> da.times(weights.wx()));                        // a = W_x·x + … ⇒ ∂L/∂x = W_xᵀ·da
    RnnWeights dW = new RnnWeights(
        Matrix.outer(da, s.x()),                              // a = W_x·x + … ⇒ ∂L/∂W_x = da ⊗ x
        Matrix.outer(da, s.hPrev()),                          // a = … + W_h·h_{t-1} ⇒ ∂L/∂W_h = da ⊗ h_{t-1}
        da);                                                  // a = … + b ⇒ ∂L/∂b = da
    return new Grad(dW, dx, dhPrev);
  }

  /**
   * ∂h_t/∂h_{t-1} = diag(1 − h_t²)·W_h: the Jacobian whose repeated product makes gradients vanish or explode.
   */
  public Matrix jacobian(RnnStep s) {
    String op = "RNN Jacobian ∂h_t/∂h_{t-1} = diag(1 − h_t²)·W_h";
    Checks.notNull(op, "step", s);
    requireOwnStep(op, s);
    double[][] w = weights.wh().toArray2d();
    double[] h = s.h().toArray();
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[r].length; c++) w[r][c] *= 1 - h[r] * h[r];
      Checks.finiteResult(op, w[r]);
    }
    return Matrix.of(w);
  }

  /** A step belongs to this cell when its x_t has X entries and its h_t has H. */
  private void requireOwnStep(String op, RnnStep s) {
    if (s.x().size() != inputSize() || s.h().size() != hiddenSize()) {
      throw new IllegalArgumentException(op + ": the step has x_t of " + s.x().size() + " entries and h_t of "
          + s.h().size() + " but this cell reads x_t of " + inputSize() + " and keeps h_t of " + hiddenSize()
          + " (W_x is " + weights.wx().shape() + ", W_h is " + weights.wh().shape() + "); the step came from another cell");
    }
  }
}
