package gated.train;

import gated.internal.Checks;
import gated.tensor.Params;

/**
 * Adam (Kingma &amp; Ba 2015) with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α·m̂/(√v̂ + ε).
 *
 * <p>An Adam instance keeps its moment estimates privately, so use one instance per training run.
 */
public final class Adam implements Optimizer {
  private final double learningRate;
  private final double beta1 = 0.9;
  private final double beta2 = 0.999;
  private final double epsilon = 1e-8;
  private double[] m;
  private double[] v;
  private int t;

  private Adam(double learningRate) {
    this.learningRate = Checks.positive("Adam", "learning rate α", learningRate);
  }

  public static Adam withLearningRate(double learningRate) {
    return new Adam(learningRate);
  }

  public double learningRate() {
    return learningRate;
  }

  @Override
  public <P extends Params<P>> P step(P weights, P gradient) {
    double[] g = gradient.toArray();
    Optimizer.requireFinite("Adam step", g, "gradient");
    double[] theta = weights.toArray();
    if (m == null) {
      m = new double[theta.length];
      v = new double[theta.length];
    } else if (m.length != theta.length) {
      throw new IllegalArgumentException("Adam step: this optimizer was used with " + m.length
          + " parameters and now gets " + theta.length + "; use one Adam per model");
    }
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (int k = 0; k < theta.length; k++) {
      m[k] = beta1 * m[k] + (1 - beta1) * g[k];               // m ← β₁m + (1−β₁)g
      v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];        // v ← β₂v + (1−β₂)g²
      theta[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + epsilon); // θ ← θ − α·m̂/(√v̂ + ε)
    }
    return weights.withArray(theta);
  }
}
