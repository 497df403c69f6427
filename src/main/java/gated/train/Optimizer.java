package gated.train;

import gated.internal.Checks;
import gated.tensor.Params;

/** Turns weights and their gradient into new weights. Implementations: {@link Sgd}, {@link Adam}. */
public interface Optimizer {

  <P extends Params<P>> P step(P weights, P gradient);

  /** Fails loudly on an exploding gradient instead of writing NaN or Inf into the weights. */
  static void requireFinite(String operation, double[] values, String what) {
    String op = Checks.opName(operation, "optimizer");
    Checks.notNull(op, "the " + what, values);
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new NonFiniteException(op + ": the " + what + " holds " + values[k] + " at position " + k
            + " (an exploding gradient). Clip it with Clip.byGlobalNorm or lower the learning rate.");
      }
    }
  }

  /**
   * The arguments of a step: both present, the gradient of the same shapes as the weights (a gradient
   * of another model is refused, even with the same number of entries), weights finite, gradient
   * finite. Returns the weights as a flat list.
   */
  static double[] requireStep(String op, Params<?> weights, Params<?> gradient) {
    Checks.notNull(op, "θ (the weights)", weights);
    Checks.notNull(op, "∇J (the gradient)", gradient);
    Checks.sameShapes(op, "θ", weights, "∇J", gradient);
    double[] theta = Checks.finite(op, "θ", weights.toArray());
    requireFinite(op, gradient.toArray(), "gradient ∇J");
    return theta;
  }
}
