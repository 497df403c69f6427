package gated.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The entry point for pictures: {@link #image} turns any chart into the picture a notebook shows,
 * and {@link #lines} draws named series against a shared x axis.
 *
 * <pre>
 *   display(Plots.image(StatePlots.traces(trace)));
 * </pre>
 */
public final class Plots {
  /** Default width of every chart in pixels. */
  public static final int WIDTH = 640;
  /** Default height of every chart in pixels. */
  public static final int HEIGHT = 400;

  private Plots() {}

  /** The chart drawn into a picture of its own width × height; notebooks call {@code display(Plots.image(chart));}. */
  public static BufferedImage image(Chart<?, ?> chart) {
    if (chart == null) throw new IllegalArgumentException("Plots.image: chart is null");
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * One line per entry of {@code series}, in the map's iteration order (use a {@code LinkedHashMap}),
   * each drawn over x = 0 … n−1. Non-finite values are left out (see {@link LinePlot}).
   */
  public static XYChart lines(String title, String xLabel, String yLabel, Map<String, double[]> series) {
    return linesPlot(title, xLabel, yLabel, null, series).build();
  }

  /** As {@link #lines(String, String, String, Map)}, over the given x values (one per point of every series). */
  public static XYChart lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series) {
    if (x == null) throw new IllegalArgumentException("Plots.lines: x is null");
    return linesPlot(title, xLabel, yLabel, x, series).build();
  }

  /** The builder behind {@link #lines}, for options such as {@code .logY(true)} or {@code .size(800, 500)}. */
  public static LinePlot linesPlot(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series) {
    if (series == null) throw new IllegalArgumentException("Plots.lines: series is null");
    LinePlot p = LinePlot.create().title(title).xLabel(xLabel).yLabel(yLabel);
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      p = x == null ? p.series(e.getKey(), e.getValue()) : p.series(e.getKey(), x, e.getValue());
    }
    return p;
  }

  /** The course's look: white background, light grid, larger fonts, legend outside on the right. */
  static void theme(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendBorderColor(new Color(200, 200, 200));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartPadding(12);
    s.setAntiAlias(true);
    if (s instanceof AxesChartStyler a) {
      a.setPlotBackgroundColor(Color.WHITE);
      a.setPlotBorderColor(new Color(180, 180, 180));
      a.setPlotGridLinesColor(new Color(225, 225, 225));
      a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
  }

  /** The width in pixels of a text in the course's sans-serif font of this size. */
  static int textWidth(String text, int size) {
    java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, size)).stringWidth(text == null ? "" : text);
    } finally {
      g.dispose();
    }
  }

  /** Checks a width or height. */
  static int pixels(String who, String what, int value) {
    if (value < 50 || value > 10_000) {
      throw new IllegalArgumentException(who + ": " + what + " must be between 50 and 10000 pixels, got " + value);
    }
    return value;
  }

  /** null becomes "", so XChart never sees a null title. */
  static String text(String s) {
    return s == null ? "" : s;
  }
}
