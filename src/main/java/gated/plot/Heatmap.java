package gated.plot;

import gated.tensor.Vec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * An immutable builder for a units × steps heat map of a vector over time: entry k of the vector at
 * step t is the cell (t, k), time steps run along the x axis and units down the y axis, unit 0 on top (as the
 * diagrams and the gate explorer draw entry 0 of a vector on top).
 *
 * <pre>
 *   display(Heatmap.of(trace.gate(LstmGate.FORGET)).title("f_t").range(0, 1).stepLabels(words).image());
 * </pre>
 *
 * <p>The colour range is fixed, so two pictures can be compared by eye. Without {@link #range}: [0, 1]
 * when every value lies there (gates, σ outputs), [−1, 1] when every value lies there (tanh quantities),
 * otherwise symmetric [−m, m] with m = max |v|. Ranges that include negative numbers use a diverging
 * blue–white–red palette with white at 0; ranges ≥ 0 use a white-to-black grey palette (white to mid-grey
 * when {@link #showValues} writes the numbers in, so that they stay readable). Values outside the range
 * take the colour of the nearest end.
 *
 * <p>The x axis is titled "t" (steps 1 … T) unless {@link #xLabel} says otherwise; labels that would
 * overlap are tilted.
 */
public final class Heatmap {
  // Gates and other ranges ≥ 0 shade from white (0) to black (1) in greys, so that no blue in a gate map can be read
  // as the blue (negative) end of a state map next to it.
  private static final Color[] SEQUENTIAL = {new Color(0xffffff), new Color(0xbdbdbd), new Color(0x636363),
      new Color(0x111111)};
  /**
   * The grey scale when values are written into the cells: XChart writes them all in one (black) colour, so the
   * darkest grey stays light enough for black digits to read (contrast about 5:1 with #7a7a7a).
   */
  static final Color[] SEQUENTIAL_UNDER_VALUES = {new Color(0xffffff), new Color(0xd9d9d9), new Color(0xa6a6a6),
      new Color(0x7a7a7a)};
  private static final Color[] DIVERGING = {new Color(0x2166ac), new Color(0x92c5de), new Color(0xf7f7f7),
      new Color(0xf4a582), new Color(0xb2182b)};

  private final List<Vec> values;
  private final String title;
  private final int width;
  private final int height;
  private final double min;
  private final double max;
  private final List<String> stepLabels;
  private final boolean showValues;
  private final String xLabel;
  private final int groupSize;

  private Heatmap(List<Vec> values, String title, int width, int height, double min, double max,
      List<String> stepLabels, boolean showValues, String xLabel, int groupSize) {
    this.values = values;
    this.title = title;
    this.width = width;
    this.height = height;
    this.min = min;
    this.max = max;
    this.stepLabels = stepLabels;
    this.showValues = showValues;
    this.xLabel = xLabel;
    this.groupSize = groupSize;
  }

  /** A heat map of v_1 … v_T, all of the same size H: H units × T steps. */
  public static Heatmap of(List<Vec> valuesOverTime) {
    if (valuesOverTime == null || valuesOverTime.isEmpty()) {
      throw new IllegalArgumentException("Heatmap: needs at least one time step");
    }
    int units = valuesOverTime.get(0).size();
    for (int t = 0; t < valuesOverTime.size(); t++) {
      Vec v = valuesOverTime.get(t);
      if (v == null) throw new IllegalArgumentException("Heatmap: the vector at step " + (t + 1) + " is null");
      if (v.size() != units) {
        throw new IllegalArgumentException("Heatmap: step 1 has " + units + " units but step " + (t + 1) + " has "
            + v.size());
      }
    }
    List<String> steps = new ArrayList<>();
    for (int t = 1; t <= valuesOverTime.size(); t++) steps.add(String.valueOf(t));
    return new Heatmap(List.copyOf(valuesOverTime), "", Plots.WIDTH, Plots.HEIGHT, Double.NaN, Double.NaN,
        List.copyOf(steps), false, "t", 0);
  }

  public Heatmap title(String title) {
    return new Heatmap(values, Plots.text(title), width, height, min, max, stepLabels, showValues, xLabel, groupSize);
  }

  /** Width × height in pixels. */
  public Heatmap size(int width, int height) {
    return new Heatmap(values, title, Plots.pixels("Heatmap", "width", width), Plots.pixels("Heatmap", "height", height),
        min, max, stepLabels, showValues, xLabel, groupSize);
  }

  /** The values mapped to the two ends of the colour scale, e.g. (0, 1) for gates or (−1, 1) for tanh. */
  public Heatmap range(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
      throw new IllegalArgumentException("Heatmap: range needs finite min < max, got [" + min + ", " + max + "]");
    }
    return new Heatmap(values, title, width, height, min, max, stepLabels, showValues, xLabel, groupSize);
  }

  /** Labels for the x axis, one per step, e.g. the words of the sentence; by default 1 … T. */
  public Heatmap stepLabels(List<String> labels) {
    if (labels == null || labels.size() != values.size()) {
      throw new IllegalArgumentException("Heatmap: needs one step label per step (" + values.size() + "), got "
          + (labels == null ? "null" : labels.size()));
    }
    return new Heatmap(values, title, width, height, min, max, List.copyOf(labels), showValues, xLabel, groupSize);
  }

  /**
   * The title of the x axis; "t" by default, since the columns are time steps 1 … T. Say what the columns
   * are when they are something else, e.g. "sentence:word" for several sentences side by side.
   */
  public Heatmap xLabel(String xLabel) {
    return new Heatmap(values, title, width, height, min, max, stepLabels, showValues, Plots.text(xLabel), groupSize);
  }

  /**
   * The columns come in groups of {@code size} (e.g. the three words of each of several sentences); an empty
   * column is drawn between groups so they read as separate. The number of steps must be a multiple of size.
   */
  public Heatmap groupsOf(int size) {
    if (size < 1 || values.size() % size != 0) {
      throw new IllegalArgumentException("Heatmap: groups of " + size + " do not divide the " + values.size() + " steps");
    }
    return new Heatmap(values, title, width, height, min, max, stepLabels, showValues, xLabel, size);
  }

  /** Writes each value (2 decimals) into its cell; readable for small maps only. */
  public Heatmap showValues(boolean showValues) {
    return new Heatmap(values, title, width, height, min, max, stepLabels, showValues, xLabel, groupSize);
  }

  /** Number of units H (rows of the picture). */
  public int units() {
    return values.get(0).size();
  }

  /** Number of steps T (columns of the picture). */
  public int steps() {
    return values.size();
  }

  /** A new chart: x = step, y = unit, colour = value. */
  public HeatMapChart build() {
    double lo = min;
    double hi = max;
    if (Double.isNaN(lo)) {
      double[] auto = autoRange();
      lo = auto[0];
      hi = auto[1];
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
        .yAxisTitle("unit").build();
    Plots.theme(chart.getStyler());
    chart.getStyler().setMin(lo).setMax(hi);
    chart.getStyler().setRangeColors(lo < 0 ? DIVERGING : showValues ? SEQUENTIAL_UNDER_VALUES : SEQUENTIAL);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setShowValue(showValues);
    chart.getStyler().setHeatMapValueDecimalPattern("0.00");
    List<String> units = new ArrayList<>();                     // XChart draws the first row at the bottom:
    for (int k = units() - 1; k >= 0; k--) units.add(String.valueOf(k));   // rows H−1 … 0, so unit 0 is on top
    List<String> columns = new ArrayList<>();
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < steps(); t++) {
      if (groupSize > 0 && t > 0 && t % groupSize == 0) columns.add(" ".repeat(columns.size()));  // an empty column
      int column = columns.size();
      columns.add(stepLabels.get(t));
      for (int k = 0; k < units(); k++) cells.add(new Number[] {column, units() - 1 - k, values.get(t).get(k)});
    }
    if (labelsCrowded(columns)) chart.getStyler().setXAxisLabelRotation(45);
    chart.addSeries(Plots.text(title).isEmpty() ? "values" : title, columns, units, cells);
    return chart;
  }

  /** The picture of {@link #build()}. */
  public BufferedImage image() {
    return Plots.image(build());
  }

  /** Whether the widest step label is wider than its column, so that labels would overlap unless tilted. */
  private boolean labelsCrowded(List<String> columns) {
    int widest = 0;
    for (String label : columns) widest = Math.max(widest, Plots.textWidth(label, 12));   // the tick font of Plots.theme
    double plotWidth = width - 170;                           // y axis title and ticks, colour legend, padding
    return widest + 6 > plotWidth / columns.size();
  }

  private double[] autoRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Vec v : values) {
      for (int k = 0; k < v.size(); k++) {
        if (!Double.isFinite(v.get(k))) continue;
        lo = Math.min(lo, v.get(k));
        hi = Math.max(hi, v.get(k));
      }
    }
    if (lo >= 0 && hi <= 1) return new double[] {0, 1};
    if (lo >= -1 && hi <= 1) return new double[] {-1, 1};
    double m = Math.max(Math.abs(lo), Math.abs(hi));
    if (!Double.isFinite(m) || m == 0) return new double[] {-1, 1};
    return new double[] {-m, m};
  }
}
