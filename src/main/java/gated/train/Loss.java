package gated.train;

import gated.cell.Activations;
import gated.internal.Checks;
import gated.tensor.Vec;

/** Losses with their gradients, each computed without overflow. */
public final class Loss {
  private Loss() {}

  /**
   * A loss value and its gradient with respect to the model's output.
   *
   * @param value L
   * @param gradient ∂L/∂(output)
   * @param probabilities softmax(logits) for the cross-entropy, the prediction itself for MSE
   */
  public record Value(double value, Vec gradient, Vec probabilities) {
    public Value {
      Checks.finite("loss value", "L", value);
      Checks.finite("loss value", "∂L/∂(output)", gradient);
      Checks.finite("loss value", "the probabilities", probabilities);
    }
  }

  /**
   * L = −log softmax(z)_y, with ∂L/∂z = softmax(z) − e_y. Computed as log Σ e^{z_k − max z} − (z_y − max z)
   * so that logits of ±1000 still give a finite loss.
   */
  public static Value softmaxCrossEntropy(Vec logits, int target) {
    String op = "softmax cross-entropy";
    Checks.notNull(op, "logits", logits);
    if (!logits.isFinite()) {
      // Usually weights that grew until W_y·h overflowed: a diverged run, reported rather than turned into NaN.
      throw new NonFiniteException(op + ": logits holds " + logits + "; the output layer overflowed (diverged training?)");
    }
    if (target < 0 || target >= logits.size()) {
      throw new IllegalArgumentException(op + ": target class " + target + " is outside 0.." + (logits.size() - 1));
    }
    double m = logits.max();
    double logSum = Math.log(logits.map(v -> Math.exp(v - m)).sum());
    double loss = logSum - (logits.get(target) - m);
    Vec p = Activations.softmax(logits);
    double[] g = p.toArray();
    g[target] -= 1;                                   // ∂L/∂z = p − e_y
    return new Value(loss, Vec.of(g), p);
  }

  /** How far from 1 a distribution's sum may be: rounding in a softmax is far below this. */
  public static final double SUM_TOLERANCE = 1e-6;

  /**
   * L = −log p_y for probabilities that are already normalised: every p_k in [0, 1] and Σ p_k = 1
   * (within {@link #SUM_TOLERANCE}). Anything else is not a distribution and is refused, since
   * −log p_y of it is not a cross-entropy; for logits use {@link #softmaxCrossEntropy}.
   */
  public static double crossEntropy(Vec probabilities, int target) {
    String op = "cross-entropy −log p_y";
    Checks.notNull(op, "probabilities", probabilities);
    Checks.finite(op, "p", probabilities);
    if (target < 0 || target >= probabilities.size()) {
      throw new IllegalArgumentException(op + ": target class " + target + " is outside 0.."
          + (probabilities.size() - 1));
    }
    for (int k = 0; k < probabilities.size(); k++) {
      double pk = probabilities.get(k);
      if (pk < 0 || pk > 1) {
        throw new IllegalArgumentException(op + ": p_" + k + " = " + pk + " is not a probability in [0, 1]");
      }
    }
    double sum = probabilities.sum();
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(op + ": the probabilities " + probabilities + " sum to " + sum
          + ", not 1, so they are not a distribution; normalise them (softmax) or use Loss.softmaxCrossEntropy on logits");
    }
    double p = probabilities.get(target);
    if (!(p > 0)) {
      throw new IllegalArgumentException(op + ": p_" + target + " = " + p + " is not a probability in (0, 1]; −log 0 is"
          + " infinite");
    }
    return -Math.log(p);
  }

  /** L = (1/n) Σ (y_k − t_k)², with ∂L/∂y = (2/n)(y − t). */
  public static Value mse(Vec prediction, Vec target) {
    final String op = "mean squared error";
    Checks.notNull(op, "prediction", prediction);
    Checks.vector(op, "target", target, prediction.size(), "the prediction's size");
    Checks.finite(op, "prediction", prediction);
    Vec d = prediction.minus(target);
    int n = prediction.size();
    return Checks.equation(op + " (1/n) Σ (y_k − t_k)²", () -> new Value(d.dot(d) / n, d.scale(2.0 / n), prediction));
  }
}
