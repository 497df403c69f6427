package gated.plot;

import gated.cell.LstmStep;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * States over time, one line per unit: x = t = 1 … T, y = the unit's value. c_t is free to grow past ±1;
 * h_t = o_t ⊙ tanh(c_t) never leaves (−1, 1).
 */
public final class StatePlots {
  private StatePlots() {}

  /** c_t and h_t of every unit: series c[0], h[0], c[1], h[1], … (2H lines). */
  public static XYChart traces(Lstm.LstmTrace trace) {
    return tracesPlot(trace).build();
  }

  /** The builder behind {@link #traces(Lstm.LstmTrace)}. */
  public static LinePlot tracesPlot(Lstm.LstmTrace trace) {
    if (trace == null || trace.steps().isEmpty()) throw new IllegalArgumentException("StatePlots: trace is empty");
    List<Vec> c = trace.steps().stream().map(LstmStep::c).toList();
    List<Vec> h = trace.steps().stream().map(LstmStep::h).toList();
    double[] t = steps(c.size());
    LinePlot p = LinePlot.create().title("c_t and h_t of each unit over time").xLabel("t").yLabel("value");
    for (int k = 0; k < c.get(0).size(); k++) {
      p = p.series("c[" + k + "]", t, unit(c, k)).series("h[" + k + "]", t, unit(h, k));
    }
    return p;
  }

  /** Any vector over time, one line per unit named name[0], name[1], … */
  public static XYChart traces(List<Vec> valuesOverTime, String name) {
    return tracesPlot(valuesOverTime, name).build();
  }

  /** The builder behind {@link #traces(List, String)}. */
  public static LinePlot tracesPlot(List<Vec> valuesOverTime, String name) {
    if (valuesOverTime == null || valuesOverTime.isEmpty()) {
      throw new IllegalArgumentException("StatePlots: needs at least one time step");
    }
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("StatePlots: needs a name");
    double[] t = steps(valuesOverTime.size());
    LinePlot p = LinePlot.create().title(name + " of each unit over time").xLabel("t").yLabel(name);
    for (int k = 0; k < valuesOverTime.get(0).size(); k++) p = p.series(name + "[" + k + "]", t, unit(valuesOverTime, k));
    return p;
  }

  /** 1 … T. */
  static double[] steps(int count) {
    double[] t = new double[count];
    for (int k = 0; k < count; k++) t[k] = k + 1;
    return t;
  }

  /** Entry k of every vector: one unit over time. */
  private static double[] unit(List<Vec> values, int k) {
    double[] out = new double[values.size()];
    for (int t = 0; t < out.length; t++) {
      Vec v = values.get(t);
      if (v.size() != values.get(0).size()) {
        throw new IllegalArgumentException("StatePlots: step 1 has " + values.get(0).size() + " units but step "
            + (t + 1) + " has " + v.size());
      }
      out[t] = v.get(k);
    }
    return out;
  }
}
