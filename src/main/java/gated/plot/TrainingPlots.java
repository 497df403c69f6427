package gated.plot;

import gated.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Learning curves, x = epoch 1 … n, one line per run in the map's order (use a {@code LinkedHashMap}).
 *
 * <p>A diverged run ends with a non-finite loss (+Inf or NaN). That value is not plotted, the chart does
 * not fail, and the legend says so, e.g. "RNN (1 not finite, not shown)"; the epochs before it keep their
 * place on the x axis.
 */
public final class TrainingPlots {
  private TrainingPlots() {}

  /**
   * The training loss: the mean loss per training example over each epoch ({@link Trainer.History#loss()}),
   * per run. The title and the y axis say "training", so that a solid line here is not read as a test curve.
   */
  public static XYChart loss(Map<String, List<Double>> curves) {
    return lossPlot(curves).build();
  }

  /** The builder behind {@link #loss}; e.g. {@code .logY(true)}. */
  public static LinePlot lossPlot(Map<String, List<Double>> curves) {
    return byEpoch(LinePlot.create().title("Training loss per epoch").xLabel("epoch").yLabel("mean training loss"), curves);
  }

  /** Accuracy after each epoch, per run. */
  public static XYChart accuracy(Map<String, List<Double>> curves) {
    return accuracyPlot(curves).build();
  }

  /** The builder behind {@link #accuracy}. */
  public static LinePlot accuracyPlot(Map<String, List<Double>> curves) {
    return byEpoch(LinePlot.create().title("Accuracy per epoch").xLabel("epoch").yLabel("accuracy"), curves);
  }

  /** {@link Trainer.History#loss()} of each labelled run. */
  public static XYChart lossOf(Map<String, ? extends Trainer.History<?>> histories) {
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    histories(histories).forEach((label, h) -> curves.put(label, h.loss()));
    return loss(curves);
  }

  /** Training accuracy of each run as "label train", and test accuracy as "label test" when there is a test set. */
  public static XYChart accuracyOf(Map<String, ? extends Trainer.History<?>> histories) {
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    histories(histories).forEach((label, h) -> {
      curves.put(label + " train", h.trainAccuracy());
      if (!h.testAccuracy().isEmpty()) curves.put(label + " test", h.testAccuracy());
    });
    return accuracy(curves);
  }

  private static Map<String, ? extends Trainer.History<?>> histories(Map<String, ? extends Trainer.History<?>> h) {
    if (h == null || h.isEmpty()) throw new IllegalArgumentException("TrainingPlots: needs at least one run");
    h.forEach((label, history) -> {
      if (history == null) throw new IllegalArgumentException("TrainingPlots: the history of '" + label + "' is null");
    });
    return h;
  }

  private static LinePlot byEpoch(LinePlot plot, Map<String, List<Double>> curves) {
    if (curves == null || curves.isEmpty()) throw new IllegalArgumentException("TrainingPlots: needs at least one curve");
    LinePlot p = plot;
    for (Map.Entry<String, List<Double>> e : curves.entrySet()) {
      List<Double> v = e.getValue();
      if (v == null || v.isEmpty()) throw new IllegalArgumentException("TrainingPlots: curve '" + e.getKey() + "' is empty");
      double[] y = new double[v.size()];
      for (int k = 0; k < y.length; k++) y[k] = v.get(k) == null ? Double.NaN : v.get(k);
      p = p.series(e.getKey(), StatePlots.steps(y.length), y);
    }
    return p;
  }
}
