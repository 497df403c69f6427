package gated.train;

import gated.internal.Checks;
import gated.tensor.Params;

/**
 * Adam (Kingma &amp; Ba 2015) with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α·m̂/(√v̂ + ε).
 *
 * <p>An Adam instance keeps moment estimates m and v for one model: its first step binds it to
 * those weights, and every later step must pass the weights it returned last (so their shapes, and
 * their values, are checked). Two models sharing one Adam would mix their moments; that is refused.
 * {@link Trainer} makes a fresh Adam for each run. A step that would write a non-finite number
 * into the weights fails and leaves m, v and the step count as they were.
 */
public final class Adam implements Optimizer {
  private final double learningRate;
  private final double beta1 = 0.9;
  private final double beta2 = 0.999;
  private final double epsilon = 1e-8;
  private double[] m;
  private double[] v;
  private int t;
  private Params<?> last;   // the weights this Adam returned at step t: its moments belong to them

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
    String op = "Adam step θ − α·m̂/(√v̂ + ε)";
    double[] theta = Checks.stepArguments(op, weights, gradient);
    if (last != null) requireSameModel(op, weights);
    double[] g = gradient.toArray();
    double[] m1 = m == null ? new double[theta.length] : m.clone();
    double[] v1 = v == null ? new double[theta.length] : v.clone();
    int t1 = t + 1;
    double c1 = 1 - Math.pow(beta1, t1);
    double c2 = 1 - Math.pow(beta2, t1);
    for (int k = 0; k < theta.length; k++) {
      m1[k] = beta1 * m1[k] + (1 - beta1) * g[k];              // m ← β₁m + (1−β₁)g
      v1[k] = beta2 * v1[k] + (1 - beta2) * g[k] * g[k];       // v ← β₂v + (1−β₂)g²
      theta[k] -= learningRate * (m1[k] / c1) / (Math.sqrt(v1[k] / c2) + epsilon); // θ ← θ − α·m̂/(√v̂ + ε)
    }
    Optimizer.requireFinite(op, m1, "first moment m");
    Optimizer.requireFinite(op, v1, "second moment v (g² overflowed)");
    Optimizer.requireFinite(op, theta, "updated weights");
    P out = weights.withArray(theta);
    m = m1;
    v = v1;
    t = t1;
    last = out;
    return out;
  }

  /** The moments m and v belong to the weights returned last; any other weights are another model's. */
  private void requireSameModel(String op, Params<?> weights) {
    if (weights == last) return;
    if (weights.getClass() != last.getClass() || !weights.shapes().equals(last.shapes())) {
      throw new IllegalArgumentException(op + ": this Adam's moments m, v belong to " + last.shapes() + " but θ is "
          + weights.shapes() + "; use one Adam per model");
    }
    if (!weights.equals(last)) {
      throw new IllegalArgumentException(op + ": θ is not the weights this Adam returned at step " + t
          + " (same shapes, " + weights.shapes() + ", but other values); its moments m, v belong to that model. "
          + "Use one Adam per model, and a new Adam after changing weights by hand");
    }
  }
}
