package gated.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An immutable builder for a line chart: every method returns a new {@code LinePlot}, and
 * {@link #build()} returns a fresh XChart {@link XYChart} to style further.
 *
 * <pre>
 *   XYChart c = LinePlot.create().title("loss").xLabel("epoch").logY(true)
 *       .series("LSTM", epochs, loss).build();
 * </pre>
 *
 * <p>Points that cannot be drawn are left out as gaps rather than crashing the chart, and the legend says
 * so: a non-finite value (NaN, ±Inf, e.g. the last loss of a diverged run) becomes a gap marked
 * "k not finite", and on a log y axis a value ≤ 0 (e.g. a gradient norm that underflowed to 0) becomes a
 * gap marked "k ≤ 0". The series itself is always kept, so no curve disappears silently.
 *
 * <p>Colours, dash patterns and markers follow the series names (see {@link Palette}): a model keeps its
 * colour in every figure, lines of the same colour get different dash patterns, and every series with at most
 * 45 points (a measurement, not a drawn curve) gets its own marker shape at each measured point.
 */
public final class LinePlot {
  /** Series with at most this many points are measurements and get a marker at each point. */
  private static final int MARKERS_UP_TO = 45;
  /** The width of {@link #create()}: {@link Plots#WIDTH}, plus what a long legend needs. */
  private static final int FIT_LEGEND = 0;

  private record Series(String name, double[] x, double[] y) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int width;
  private final int height;
  private final boolean logY;
  private final List<Series> series;

  private LinePlot(String title, String xLabel, String yLabel, int width, int height, boolean logY, List<Series> series) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.width = width;
    this.height = height;
    this.logY = logY;
    this.series = List.copyOf(series);
  }

  /**
   * An empty plot of the default size {@link Plots#WIDTH} × {@link Plots#HEIGHT}, made wider when the legend's
   * names are long, so the plot area keeps its width.
   */
  public static LinePlot create() {
    return new LinePlot("", "", "", FIT_LEGEND, Plots.HEIGHT, false, List.of());
  }

  public LinePlot title(String title) {
    return new LinePlot(Plots.text(title), xLabel, yLabel, width, height, logY, series);
  }

  public LinePlot xLabel(String xLabel) {
    return new LinePlot(title, Plots.text(xLabel), yLabel, width, height, logY, series);
  }

  public LinePlot yLabel(String yLabel) {
    return new LinePlot(title, xLabel, Plots.text(yLabel), width, height, logY, series);
  }

  /** Width × height in pixels. */
  public LinePlot size(int width, int height) {
    return new LinePlot(title, xLabel, yLabel, Plots.pixels("LinePlot", "width", width),
        Plots.pixels("LinePlot", "height", height), logY, series);
  }

  /** A logarithmic y axis; values ≤ 0 are then left out as gaps (the legend counts them). */
  public LinePlot logY(boolean logY) {
    return new LinePlot(title, xLabel, yLabel, width, height, logY, series);
  }

  /** One more line, drawn over x = 0 … n−1. */
  public LinePlot series(String name, double[] y) {
    if (y == null) throw new IllegalArgumentException("LinePlot: values of series '" + name + "' are null");
    double[] x = new double[y.length];
    for (int k = 0; k < x.length; k++) x[k] = k;
    return series(name, x, y);
  }

  /** One more line through the points (x[k], y[k]); x and y are copied. */
  public LinePlot series(String name, double[] x, double[] y) {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("LinePlot: a series needs a name");
    if (x == null || y == null) throw new IllegalArgumentException("LinePlot: x or y of series '" + name + "' is null");
    if (x.length != y.length) {
      throw new IllegalArgumentException("LinePlot: series '" + name + "' has " + x.length + " x values but "
          + y.length + " y values");
    }
    if (y.length == 0) throw new IllegalArgumentException("LinePlot: series '" + name + "' has no values");
    for (double v : x) {
      if (!Double.isFinite(v)) throw new IllegalArgumentException("LinePlot: series '" + name + "' has a non-finite x");
    }
    for (Series s : series) {
      if (s.name.equals(name)) throw new IllegalArgumentException("LinePlot: two series are named '" + name + "'");
    }
    List<Series> more = new ArrayList<>(series);
    more.add(new Series(name, x.clone(), y.clone()));
    return new LinePlot(title, xLabel, yLabel, width, height, logY, more);
  }

  /** Names of the series added so far, in order. */
  public List<String> seriesNames() {
    return series.stream().map(Series::name).toList();
  }

  /** A new chart with every series; see the class comment for the points that are left out. */
  public XYChart build() {
    if (series.isEmpty()) throw new IllegalArgumentException("LinePlot '" + title + "': add at least one series");
    int w = width == FIT_LEGEND ? fittedWidth() : width;
    XYChart chart = new XYChartBuilder().width(w).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    Plots.theme(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setMarkerSize(6);
    Set<String> used = new HashSet<>();
    List<SeriesStyle> styles = SeriesStyle.of(seriesNames());
    for (int n = 0; n < series.size(); n++) {
      Series s = series.get(n);
      SeriesStyle style = styles.get(n);
      double[] y = s.y.clone();
      int notFinite = 0;
      int notPositive = 0;
      for (int k = 0; k < y.length; k++) {
        if (!Double.isFinite(y[k])) {
          notFinite++;
          y[k] = Double.NaN;                                  // XChart draws NaN as a gap
        } else if (logY && y[k] <= 0) {
          notPositive++;
          y[k] = Double.NaN;                                  // log 0 = −∞ has no place on the axis
        }
      }
      String name = legend(s.name, notFinite, notPositive, used);
      XYSeries drawn = chart.addSeries(name, s.x, y);
      drawn.setLineColor(style.color());
      drawn.setMarkerColor(style.color());
      drawn.setLineStyle(style.line());
      drawn.setLineWidth(style.width());
      drawn.setMarker(s.x.length > MARKERS_UP_TO ? SeriesMarkers.NONE : style.marker());
    }
    return chart;
  }

  /**
   * {@link Plots#WIDTH}, widened by as much as the legend is wider than 130 pixels, so the plot area keeps its
   * width (XChart spaces the x tick labels by their own width only, so a narrow plot crowds them).
   */
  private int fittedWidth() {
    return Plots.WIDTH + Math.max(0, legendWidth() - 130);
  }

  /** About how wide the legend is drawn: its widest name, the line sample beside it, the padding. */
  private int legendWidth() {
    int widest = 0;
    for (Series s : series) widest = Math.max(widest, Plots.textWidth(s.name, 12));
    return widest + 70;
  }

  /** The picture of {@link #build()}: {@code display(plot.image());}. */
  public BufferedImage image() {
    return Plots.image(build());
  }

  private static String legend(String name, int notFinite, int notPositive, Set<String> used) {
    List<String> notes = new ArrayList<>();
    if (notFinite > 0) notes.add(notFinite + " not finite");
    if (notPositive > 0) notes.add(notPositive + " ≤ 0");
    String label = notes.isEmpty() ? name : name + " (" + String.join(", ", notes) + ", not shown)";
    while (!used.add(label)) label = label + " ";             // XChart needs unique names
    return label;
  }
}
