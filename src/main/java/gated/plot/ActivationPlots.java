package gated.plot;

import gated.cell.Activations;
import org.knowm.xchart.XYChart;

/** σ, tanh and their derivatives side by side: why σ suits a gate (range (0, 1)) and tanh suits content. */
public final class ActivationPlots {
  private static final int POINTS = 241;   // z = −6 … 6 in steps of 0.05

  private ActivationPlots() {}

  /** σ(z), σ'(z) = σ(1 − σ), tanh(z) and tanh'(z) = 1 − tanh² on z ∈ [−6, 6]. */
  public static XYChart curves() {
    return curvesPlot().build();
  }

  /** The builder behind {@link #curves()}. */
  public static LinePlot curvesPlot() {
    double[] z = new double[POINTS];
    double[] s = new double[POINTS];
    double[] ds = new double[POINTS];
    double[] t = new double[POINTS];
    double[] dt = new double[POINTS];
    for (int k = 0; k < POINTS; k++) {
      z[k] = -6 + 12.0 * k / (POINTS - 1);
      s[k] = Activations.sigmoid(z[k]);
      ds[k] = Activations.sigmoidDerivative(z[k]);
      t[k] = Activations.tanh(z[k]);
      dt[k] = Activations.tanhDerivative(z[k]);
    }
    return LinePlot.create().title("σ and tanh with their derivatives").xLabel("z").yLabel("value")
        .series("σ(z)", z, s).series("σ'(z)", z, ds).series("tanh(z)", z, t).series("tanh'(z)", z, dt);
  }
}
