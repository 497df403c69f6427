package gated.cell;

import gated.internal.Checks;
import gated.tensor.Vec;

/**
 * σ, tanh, softmax and their derivatives, written so that inputs of ±1000 give neither NaN nor Inf.
 * A NaN input is an error, never a NaN output. The scalar functions accept ±Infinity and return
 * their limits (σ(+∞) = 1); the vector versions refuse a non-finite pre-activation, which can only
 * come from an overflow upstream.
 */
public final class Activations {
  private Activations() {}

  /**
   * σ(z) = 1 / (1 + e^{−z}). For z &lt; 0 it is evaluated as e^{z} / (1 + e^{z}), so e^{−z} never
   * overflows: σ(−1000) = 0 and σ(1000) = 1, exactly as doubles.
   */
  public static double sigmoid(double z) {
    requireNumber("sigmoid σ(z)", z);
    if (z >= 0) return 1.0 / (1.0 + Math.exp(-z));
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  /** σ'(z) = σ(z)(1 − σ(z)). */
  public static double sigmoidDerivative(double z) {
    requireNumber("sigmoid derivative σ'(z)", z);
    double s = sigmoid(z);
    return s * (1 - s);
  }

  /**
   * tanh(z), computed without overflow: tanh(±1000) = ±1. {@link StrictMath#tanh} gives the same
   * bits on every JDK; {@link Math#tanh} does not (from JDK 24 it is an intrinsic that differs in
   * the last bit for about one input in seven, enough to change the outcome of a training run).
   */
  public static double tanh(double z) {
    requireNumber("tanh(z)", z);
    return StrictMath.tanh(z);
  }

  /** tanh'(z) = 1 − tanh²(z). */
  public static double tanhDerivative(double z) {
    requireNumber("tanh derivative 1 − tanh²(z)", z);
    double t = StrictMath.tanh(z);
    return 1 - t * t;
  }

  public static Vec sigmoid(Vec z) {
    return Checks.finite("sigmoid σ(z)", "z", z).map(Activations::sigmoid);
  }

  public static Vec tanh(Vec z) {
    return Checks.finite("tanh(z)", "z", z).map(StrictMath::tanh);
  }

  /**
   * softmax(z)_k = e^{z_k − max z} / Σ_j e^{z_j − max z}. Subtracting the maximum leaves the result
   * unchanged and keeps every exponent ≤ 0, so softmax([1000, 0]) = [1, 0] rather than NaN.
   */
  public static Vec softmax(Vec z) {
    Checks.notNull("softmax", "z", z);
    Checks.finite("softmax", "z", z);
    double m = z.max();
    Vec e = z.map(v -> Math.exp(v - m));
    return e.scale(1.0 / e.sum());
  }

  private static void requireNumber(String op, double z) {
    if (Double.isNaN(z)) throw new IllegalArgumentException(op + ": z is NaN, not a number");
  }
}
