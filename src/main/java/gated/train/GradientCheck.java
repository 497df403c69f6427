package gated.train;

import gated.Interrupt;
import gated.internal.Checks;
import gated.tensor.Params;
import java.util.function.ToDoubleFunction;

/**
 * Compares an analytic gradient with central finite differences,
 * (L(θ + ε e_k) − L(θ − ε e_k)) / 2ε, using DL4J's settings: ε = 1e−6, a maximum relative error
 * of 1e−3, and absolute differences below 1e−8 always accepted.
 *
 * <p>Nothing can be compared with NaN: an analytic gradient holding NaN or ±Infinity, or a loss that
 * returns one, is an error (never a pass).
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
    public Result {
      if (checked < 0 || failed < 0 || failed > checked || !(worstRelativeError >= 0) || worstIndex < -1
          || worstIndex >= checked) {
        throw new IllegalArgumentException("gradient check result: " + failed + " failed of " + checked
            + ", worst relative error " + worstRelativeError + " at " + worstIndex + " do not fit together");
      }
    }

    public boolean passed() {
      return failed == 0;
    }
  }

  /** Checks every entry of {@code analytic} against finite differences of {@code loss} around {@code at}. */
  public static <P extends Params<P>> Result check(P at, P analytic, ToDoubleFunction<P> loss) {
    String op = "gradient check (L(θ + εe_k) − L(θ − εe_k)) / 2ε";
    Checks.notNull(op, "θ", at);
    Checks.notNull(op, "the analytic gradient", analytic);
    Checks.notNull(op, "the loss L", loss);
    Checks.sameShapes(op, "θ", at, "the analytic gradient", analytic);
    double[] theta = Checks.finite(op, "θ", at.toArray());
    double[] g = analytic.toArray();
    for (int k = 0; k < g.length; k++) {
      if (!Double.isFinite(g[k])) {
        throw new IllegalArgumentException(op + ": the analytic gradient holds " + g[k] + " at entry " + k
            + "; a gradient that is not a finite number cannot match any finite difference");
      }
    }
    int failed = 0;
    double worst = 0;
    int worstAt = -1;
    for (int k = 0; k < theta.length; k++) {
      int index = k;
      Interrupt.check(() -> "interrupted at parameter " + (index + 1) + " of " + theta.length + " of the gradient check");
      double keep = theta[k];
      theta[k] = keep + EPSILON;
      double plus = finiteLoss(op, loss.applyAsDouble(at.withArray(theta)), "θ + εe_" + k);
      theta[k] = keep - EPSILON;
      double minus = finiteLoss(op, loss.applyAsDouble(at.withArray(theta)), "θ − εe_" + k);
      theta[k] = keep;
      double numeric = Checks.equation(op + " at entry " + k, () -> Checks.finiteResult("(L₊ − L₋) / 2ε",
          (plus - minus) / (2 * EPSILON)));
      double abs = Math.abs(numeric - g[k]);
      if (abs < MIN_ABSOLUTE_ERROR) continue;
      double s = Math.max(Math.abs(numeric), Math.abs(g[k]));     // scaled, so that huge values cannot overflow
      double rel = Math.abs(numeric / s - g[k] / s) / (Math.abs(numeric / s) + Math.abs(g[k] / s));
      if (rel > worst) {
        worst = rel;
        worstAt = k;
      }
      if (rel > MAX_RELATIVE_ERROR) failed++;
    }
    return new Result(theta.length, failed, worst, worstAt);
  }

  private static double finiteLoss(String op, double value, String where) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(op + ": the loss L(" + where + ") is " + value
          + "; a finite difference needs a finite loss");
    }
    return value;
  }
}
