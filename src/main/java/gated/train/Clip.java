package gated.train;

import gated.internal.Checks;
import gated.tensor.Params;

/**
 * Gradient clipping (seed 003): "if the norm of the gradient is greater than some threshold, scale it
 * down before applying the SGD update", i.e. take a step in the same direction, but a smaller one.
 */
public final class Clip {
  private Clip() {}

  /** g ← g · (threshold / ‖g‖) when ‖g‖ &gt; threshold, with ‖g‖ the norm over every parameter. */
  public static <P extends Params<P>> P byGlobalNorm(P gradient, double threshold) {
    Checks.positive("clip by norm", "threshold", threshold);
    Checks.notNull("clip by norm", "gradient", gradient);
    Optimizer.requireFinite("clip by norm", gradient.toArray(), "gradient");
    double norm = gradient.norm();
    if (!Double.isFinite(norm)) {
      throw new NonFiniteException("clip by norm: ‖g‖ = √(Σ g_k²) is " + norm
          + " because Σ g_k² overflowed (an exploding gradient); clip by value first or lower the learning rate");
    }
    return norm > threshold ? gradient.scale(threshold / norm) : gradient;
  }

  /** Every entry clamped to [−limit, limit]. The direction may change. */
  public static <P extends Params<P>> P byValue(P gradient, double limit) {
    Checks.positive("clip by value", "limit", limit);
    Checks.notNull("clip by value", "gradient", gradient);
    double[] g = gradient.toArray();
    Optimizer.requireFinite("clip by value", g, "gradient");
    for (int k = 0; k < g.length; k++) g[k] = Math.max(-limit, Math.min(limit, g[k]));
    return gradient.withArray(g);
  }
}
