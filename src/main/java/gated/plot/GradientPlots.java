package gated.plot;

import gated.train.GradientFlow;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The vanishing-gradient picture: how large ∂L/∂h_t still is d = T − t steps before the loss, on a log
 * scale where exponential decay is a straight line.
 *
 * <p>A log axis cannot show 0 or negative numbers. Such values (a norm that underflowed to exactly 0) are
 * left out as gaps and counted in the legend, e.g. "RNN (3 ≤ 0, not shown)"; see {@link LinePlot}.
 */
public final class GradientPlots {
  private GradientPlots() {}

  /** One line per profile: x = distance T − t, y = its value (log scale). */
  public static XYChart normsByDistance(GradientFlow.Profile... profiles) {
    return normsByDistancePlot(profiles).build();
  }

  /** The builder behind {@link #normsByDistance}; change the title for other profiles, e.g. Π f_t. */
  public static LinePlot normsByDistancePlot(GradientFlow.Profile... profiles) {
    if (profiles == null || profiles.length == 0) throw new IllegalArgumentException("GradientPlots: needs a profile");
    LinePlot p = LinePlot.create().title("‖∂L/∂h_t‖ against distance T − t").xLabel("distance T − t")
        .yLabel("norm (log scale)").logY(true);
    for (GradientFlow.Profile profile : profiles) {
      if (profile == null) throw new IllegalArgumentException("GradientPlots: a profile is null");
      List<Integer> d = profile.distances();
      double[] x = new double[d.size()];
      double[] y = new double[d.size()];
      for (int k = 0; k < x.length; k++) {
        x[k] = d.get(k);
        y[k] = profile.at(d.get(k));
      }
      p = p.series(profile.label(), x, y);
    }
    return p;
  }
}
