package gated.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * An immutable builder for a bar chart: one bar per category for each series, optionally stacked.
 * Every method returns a new {@code BarPlot}; {@link #build()} returns a fresh XChart {@link CategoryChart}.
 * A series named after a model ("RNN", "LSTM", …) is drawn in that model's colour from {@link Palette};
 * other series ("weights", "biases") in greys that no model uses.
 *
 * <pre>
 *   BarPlot.of(List.of("RNN", "GRU", "LSTM")).series("parameters", 24, 72, 96).title("H = 3, X = 4").build();
 * </pre>
 */
public final class BarPlot {
  private record Series(String name, double[] values) {}

  private final List<String> categories;
  private final List<Series> series;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int width;
  private final int height;
  private final boolean stacked;
  private final boolean labels;

  private BarPlot(List<String> categories, List<Series> series, String title, String xLabel, String yLabel,
      int width, int height, boolean stacked, boolean labels) {
    this.categories = categories;
    this.series = List.copyOf(series);
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.width = width;
    this.height = height;
    this.stacked = stacked;
    this.labels = labels;
  }

  /** A bar chart over these categories (the x axis), with no series yet; values are written on the bars. */
  public static BarPlot of(List<String> categories) {
    if (categories == null || categories.isEmpty()) throw new IllegalArgumentException("BarPlot: needs a category");
    if (categories.stream().distinct().count() != categories.size()) {
      throw new IllegalArgumentException("BarPlot: categories must be distinct, got " + categories);
    }
    return new BarPlot(List.copyOf(categories), List.of(), "", "", "", Plots.WIDTH, Plots.HEIGHT, false, true);
  }

  public BarPlot title(String title) {
    return new BarPlot(categories, series, Plots.text(title), xLabel, yLabel, width, height, stacked, labels);
  }

  public BarPlot xLabel(String xLabel) {
    return new BarPlot(categories, series, title, Plots.text(xLabel), yLabel, width, height, stacked, labels);
  }

  public BarPlot yLabel(String yLabel) {
    return new BarPlot(categories, series, title, xLabel, Plots.text(yLabel), width, height, stacked, labels);
  }

  /** Width × height in pixels. */
  public BarPlot size(int width, int height) {
    return new BarPlot(categories, series, title, xLabel, yLabel, Plots.pixels("BarPlot", "width", width),
        Plots.pixels("BarPlot", "height", height), stacked, labels);
  }

  /** Stack the series on top of each other, e.g. weights + biases = parameters. */
  public BarPlot stacked(boolean stacked) {
    return new BarPlot(categories, series, title, xLabel, yLabel, width, height, stacked, labels);
  }

  /** Write each bar's value on it (on by default). */
  public BarPlot valueLabels(boolean labels) {
    return new BarPlot(categories, series, title, xLabel, yLabel, width, height, stacked, labels);
  }

  /**
   * One value per category, in the order of the categories; copied. {@code Double.NaN} draws no bar for that
   * category (a run that was not measured or did not get there, e.g. "not within the budget"); say so in the
   * title or the text. Infinities are refused.
   */
  public BarPlot series(String name, double... values) {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("BarPlot: a series needs a name");
    if (values == null || values.length != categories.size()) {
      throw new IllegalArgumentException("BarPlot: series '" + name + "' needs one value per category ("
          + categories.size() + "), got " + (values == null ? "null" : values.length));
    }
    for (double v : values) {
      if (Double.isInfinite(v)) throw new IllegalArgumentException("BarPlot: series '" + name + "' has an infinite value");
    }
    if (series.stream().anyMatch(s -> s.name.equals(name))) {
      throw new IllegalArgumentException("BarPlot: two series are named '" + name + "'");
    }
    List<Series> more = new ArrayList<>(series);
    more.add(new Series(name, values.clone()));
    return new BarPlot(categories, more, title, xLabel, yLabel, width, height, stacked, labels);
  }

  /** A new chart with every series. */
  public CategoryChart build() {
    if (series.isEmpty()) throw new IllegalArgumentException("BarPlot '" + title + "': add at least one series");
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
        .yAxisTitle(yLabel).build();
    Plots.theme(chart.getStyler());
    chart.getStyler().setStacked(stacked);
    chart.getStyler().setLabelsVisible(labels);              // stacked: each part, and the sum above the bar
    chart.getStyler().setShowStackSum(labels && stacked);
    boolean whole = series.stream().allMatch(s -> java.util.Arrays.stream(s.values).allMatch(v -> Double.isNaN(v) || v == Math.rint(v)));
    chart.getStyler().setYAxisDecimalPattern(whole ? "#,##0" : "0.0##");   // counts, or fractions such as accuracy
    chart.getStyler().setLegendVisible(series.size() > 1);
    int others = 0;
    for (Series s : series) {
      List<Double> v = new ArrayList<>();
      for (double d : s.values) v.add(Double.isNaN(d) ? null : d);           // NaN: no bar
      Optional<Palette.Model> model = Palette.modelOf(s.name);
      Color colour = model.isPresent() ? model.get().color() : Palette.otherBar(others++);
      chart.addSeries(s.name, categories, v).setFillColor(colour);
    }
    return chart;
  }

  /** The picture of {@link #build()}. */
  public BufferedImage image() {
    return Plots.image(build());
  }
}
