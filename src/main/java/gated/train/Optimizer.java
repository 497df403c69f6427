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
}
