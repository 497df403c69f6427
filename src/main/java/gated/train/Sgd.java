package gated.train;

import gated.internal.Checks;
import gated.tensor.Params;

/** Stochastic gradient descent: θ_new = θ_old − α·∇_θ L. */
public record Sgd(double learningRate) implements Optimizer {

  public Sgd {
    Checks.positive("SGD", "learning rate α", learningRate);
  }

  public static Sgd withLearningRate(double learningRate) {
    return new Sgd(learningRate);
  }

  /** The gradient must have the shapes of the weights (a gradient of another model is refused). */
  @Override
  public <P extends Params<P>> P step(P weights, P gradient) {
    String op = "SGD step θ − α·∇L";
    double[] theta = Checks.stepArguments(op, weights, gradient);
    double[] g = gradient.toArray();
    for (int k = 0; k < theta.length; k++) theta[k] -= learningRate * g[k];   // θ ← θ − α·∇L
    Optimizer.requireFinite(op, theta, "updated weights");
    return weights.withArray(theta);
  }
}
