package gated.train;

import gated.Interrupt;
import gated.tensor.Params;
import java.util.function.ToDoubleFunction;

/**
 * Compares an analytic gradient with central finite differences,
 * (L(θ + ε e_k) − L(θ − ε e_k)) / 2ε, using DL4J's settings: ε = 1e−6, a maximum relative error
 * of 1e−3, and absolute differences below 1e−8 always accepted.
 */
public final class GradientCheck {
  public static final double EPSILON = 1e-6;
  public static final double MAX_RELATIVE_ERROR = 1e-3;
  public static final double MIN_ABSOLUTE_ERROR = 1e-8;

  private GradientCheck() {}

  /**
   * The outcome.
   *
   * @param checked how many parameters were compared
   * @param failed how many exceeded both tolerances
   * @param worstRelativeError the largest relative error among entries above the absolute tolerance
   * @param worstIndex where it occurred (−1 if none)
   */
  public record Result(int checked, int failed, double worstRelativeError, int worstIndex) {
    public boolean passed() {
      return failed == 0;
    }
  }

  /** Checks every entry of {@code analytic} against finite differences of {@code loss} around {@code at}. */
  public static <P extends Params<P>> Result check(P at, P analytic, ToDoubleFunction<P> loss) {
    double[] theta = at.toArray();
    double[] g = analytic.toArray();
    if (g.length != theta.length) {
      throw new IllegalArgumentException("gradient check: " + theta.length + " parameters but " + g.length
          + " gradient entries");
    }
    int failed = 0;
    double worst = 0;
    int worstAt = -1;
    for (int k = 0; k < theta.length; k++) {
      int index = k;
      Interrupt.check(() -> "interrupted at parameter " + (index + 1) + " of " + theta.length + " of the gradient check");
      double keep = theta[k];
      theta[k] = keep + EPSILON;
      double plus = loss.applyAsDouble(at.withArray(theta));
      theta[k] = keep - EPSILON;
      double minus = loss.applyAsDouble(at.withArray(theta));
      theta[k] = keep;
      double numeric = (plus - minus) / (2 * EPSILON);
      double abs = Math.abs(numeric - g[k]);
      if (abs < MIN_ABSOLUTE_ERROR) continue;
      double rel = abs / (Math.abs(numeric) + Math.abs(g[k]));
      if (rel > worst) {
        worst = rel;
        worstAt = k;
      }
      if (rel > MAX_RELATIVE_ERROR) failed++;
    }
    return new Result(theta.length, failed, worst, worstAt);
  }
}
