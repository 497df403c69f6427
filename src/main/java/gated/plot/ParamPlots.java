package gated.plot;

import gated.model.ParamCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;

/**
 * Parameter counts as bars, one bar per model in the map's order (use a {@code LinkedHashMap}): e.g. RNN
 * H(X+H) + H, GRU 3[H(X+H) + H], LSTM 4[H(X+H) + H] for the same H and X. The x axis is titled "model";
 * the builders ({@code barsPlot}) can say otherwise, e.g. {@code .xLabel("merge mode")}.
 */
public final class ParamPlots {
  private ParamPlots() {}

  /** One bar per entry, labelled with its count. */
  public static CategoryChart bars(Map<String, Long> counts, String title) {
    return barsPlot(counts, title).build();
  }

  /** The builder behind {@link #bars(Map, String)}. */
  public static BarPlot barsPlot(Map<String, Long> counts, String title) {
    if (counts == null || counts.isEmpty()) throw new IllegalArgumentException("ParamPlots: needs at least one count");
    double[] v = new double[counts.size()];
    int k = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() == null) throw new IllegalArgumentException("ParamPlots: the count of '" + e.getKey() + "' is null");
      v[k++] = e.getValue();
    }
    return BarPlot.of(new ArrayList<>(counts.keySet())).title(title).xLabel("model").yLabel("parameters")
        .series("parameters", v);
  }

  /** One stacked bar per model: weights below, biases on top, the total written above. */
  public static CategoryChart bars(Map<String, ParamCount.Breakdown> breakdowns) {
    return barsPlot(breakdowns).build();
  }

  /** The builder behind {@link #bars(Map)}. */
  public static BarPlot barsPlot(Map<String, ParamCount.Breakdown> breakdowns) {
    if (breakdowns == null || breakdowns.isEmpty()) {
      throw new IllegalArgumentException("ParamPlots: needs at least one breakdown");
    }
    List<String> names = new ArrayList<>(breakdowns.keySet());
    double[] weights = new double[names.size()];
    double[] biases = new double[names.size()];
    for (int k = 0; k < names.size(); k++) {
      ParamCount.Breakdown b = breakdowns.get(names.get(k));
      if (b == null) throw new IllegalArgumentException("ParamPlots: the breakdown of '" + names.get(k) + "' is null");
      weights[k] = b.weights();
      biases[k] = b.biases();
    }
    return BarPlot.of(names).title("Parameters per model (weights + biases)").xLabel("model").yLabel("parameters")
        .series("weights", weights).series("biases", biases).stacked(true);
  }
}
