package gated.plot;

import gated.cell.LstmGate;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;

/**
 * Heat maps of gate activations, units × steps: one column per time step t, one row per unit k,
 * colour = the gate's value. A forget gate near 1 keeps c_{t-1}; near 0 it erases it.
 */
public final class GatePlots {
  private GatePlots() {}

  /** Any vector over time, e.g. {@code trace.gate(LstmGate.INPUT)}; colour range as in {@link Heatmap}. */
  public static HeatMapChart heatmap(List<Vec> valuesOverTime, String title) {
    return Heatmap.of(valuesOverTime).title(title).build();
  }

  /** One LSTM block over time: f, i, o on [0, 1]; the candidate c̃ = tanh(z_g) on [−1, 1]. */
  public static HeatMapChart heatmap(Lstm.LstmTrace trace, LstmGate gate) {
    return heatmapPlot(trace, gate).build();
  }

  /** As {@link #heatmap(Lstm.LstmTrace, LstmGate)} with the steps labelled, e.g. by the words of the sentence. */
  public static HeatMapChart heatmap(Lstm.LstmTrace trace, LstmGate gate, List<String> stepLabels) {
    return heatmapPlot(trace, gate).stepLabels(stepLabels).build();
  }

  /** The builder behind {@link #heatmap(Lstm.LstmTrace, LstmGate)}, for size, labels or another range. */
  public static Heatmap heatmapPlot(Lstm.LstmTrace trace, LstmGate gate) {
    if (trace == null) throw new IllegalArgumentException("GatePlots: trace is null");
    if (gate == null) throw new IllegalArgumentException("GatePlots: gate is null");
    String symbol = gate == LstmGate.CANDIDATE ? "c̃_t = g_t" : gate.symbol() + "_t";
    Heatmap h = Heatmap.of(trace.gate(gate)).title(symbol + ": " + gate.title() + " (units × steps)");
    return gate == LstmGate.CANDIDATE ? h.range(-1, 1) : h.range(0, 1);
  }

  /** One heat map per block, in the order f, i, c̃, o of {@link LstmGate}. */
  public static List<HeatMapChart> gates(Lstm.LstmTrace trace) {
    List<HeatMapChart> charts = new ArrayList<>();
    for (LstmGate g : LstmGate.values()) charts.add(heatmap(trace, g));
    return List.copyOf(charts);
  }
}
