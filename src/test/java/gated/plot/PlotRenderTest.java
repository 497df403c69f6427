package gated.plot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmGate;
import gated.model.ParamCount;
import gated.train.GradientFlow;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.internal.chartpart.Chart;

/** Every plot helper draws a real picture, headless: right size, several colours, not mostly background. */
class PlotRenderTest {

  static Stream<Arguments> charts() {
    Map<String, double[]> lines = new LinkedHashMap<>();
    lines.put("a", new double[] {1, 3, 2, 5});
    lines.put("b", new double[] {2, 1, 4, 3});
    Map<String, List<Double>> loss = new LinkedHashMap<>();
    loss.put("LSTM", List.of(1.2, 0.8, 0.5, 0.4));
    loss.put("RNN", List.of(1.3, 2.0, 9.0, Double.POSITIVE_INFINITY));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("RNN", 24L);
    counts.put("GRU", 72L);
    counts.put("LSTM", 96L);
    Map<String, ParamCount.Breakdown> breakdowns = new LinkedHashMap<>();
    breakdowns.put("RNN", ParamCount.rnn(4, 3, ParamCount.Bias.ONE));
    breakdowns.put("LSTM", ParamCount.lstm(4, 3, ParamCount.Bias.TWO));
    return Stream.of(
        chart("Plots.lines", () -> Plots.lines("t", "x", "y", lines)),
        chart("Plots.lines with x", () -> Plots.lines("t", "x", "y", new double[] {0, .5, 1, 2}, lines)),
        chart("Plots.linesPlot log y, sized",
            () -> Plots.linesPlot("t", "x", "y", null, lines).logY(true).size(500, 300).build(), 500, 300),
        chart("ActivationPlots.curves", ActivationPlots::curves),
        chart("GatePlots.heatmap(values)", () -> GatePlots.heatmap(PlotFixtures.trace().cs(), "c_t")),
        chart("GatePlots.heatmap(trace, FORGET)", () -> GatePlots.heatmap(PlotFixtures.trace(), LstmGate.FORGET)),
        chart("GatePlots.heatmap(trace, CANDIDATE, words)",
            () -> GatePlots.heatmap(PlotFixtures.trace(), LstmGate.CANDIDATE, List.of("the", "cat", "sat", "on", "the", "mat"))),
        chart("GatePlots.gates[3]", () -> GatePlots.gates(PlotFixtures.trace()).get(3)),
        chart("Heatmap builder", () -> Heatmap.of(PlotFixtures.trace().hs()).range(-1, 1).showValues(true)
            .size(700, 350).build(), 700, 350),
        chart("StatePlots.traces(trace)", () -> StatePlots.traces(PlotFixtures.trace())),
        chart("StatePlots.traces(values, name)", () -> StatePlots.traces(PlotFixtures.trace().gate(LstmGate.OUTPUT), "o")),
        chart("GradientPlots.normsByDistance", () -> GradientPlots.normsByDistance(
            GradientFlow.hiddenGradientNorms("RNN", PlotFixtures.rnn(), PlotFixtures.inputs()),
            GradientFlow.hiddenGradientNorms("LSTM", PlotFixtures.lstm(), PlotFixtures.inputs()))),
        chart("TrainingPlots.loss", () -> TrainingPlots.loss(loss)),
        chart("TrainingPlots.accuracy", () -> TrainingPlots.accuracy(Map.of("LSTM", List.of(0.5, 0.7, 0.9)))),
        chart("ParamPlots.bars(counts)", () -> ParamPlots.bars(counts, "H = 3, X = 4")),
        chart("ParamPlots.bars(breakdowns)", () -> ParamPlots.bars(breakdowns)));
  }

  private static Arguments chart(String name, Supplier<Chart<?, ?>> chart) {
    return chart(name, chart, Plots.WIDTH, Plots.HEIGHT);
  }

  private static Arguments chart(String name, Supplier<Chart<?, ?>> chart, int width, int height) {
    return Arguments.of(name, chart, width, height);
  }

  @Test
  void runsHeadless() {
    assertTrue(GraphicsEnvironment.isHeadless(), "surefire should set -Djava.awt.headless=true");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void rendersANonBlankPicture(String name, Supplier<Chart<?, ?>> chart, int width, int height) {
    BufferedImage img = Plots.image(chart.get());
    assertEquals(width, img.getWidth(), name + ": width");
    assertEquals(height, img.getHeight(), name + ": height");
    Map<Integer, Integer> histogram = new HashMap<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) histogram.merge(img.getRGB(x, y), 1, Integer::sum);
    }
    int background = histogram.getOrDefault(img.getRGB(0, 0), 0);
    double drawn = 1.0 - (double) background / (width * height);
    assertTrue(histogram.size() >= 3, name + ": only " + histogram.size() + " colours");
    assertTrue(drawn >= 0.02, name + ": only " + drawn + " of the pixels differ from the background");
  }

  @Test
  void logScaleWithZeroAndNegativeRendersAndSaysWhatIsLeftOut() {
    GradientFlow.Profile vanished = new GradientFlow.Profile("RNN", List.of(1.0, 1e-3, 1e-9, 0.0, 0.0, -1.0));
    GradientFlow.Profile allZero = new GradientFlow.Profile("dead", List.of(0.0, 0.0));
    var chart = assertDoesNotThrow(() -> GradientPlots.normsByDistance(vanished, allZero));
    assertDoesNotThrow(() -> Plots.image(chart));
    Set<String> names = new HashSet<>(chart.getSeriesMap().keySet());
    assertEquals(Set.of("RNN (3 ≤ 0, not shown)", "dead (2 ≤ 0, not shown)"), names);
    double[] y = chart.getSeriesMap().get("RNN (3 ≤ 0, not shown)").getYData();
    assertEquals(6, y.length, "the x positions of the other points are kept");
    assertEquals(1e-9, y[2]);
    assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[5]));
  }

  @Test
  void divergedLossIsLeftOutNotPlotted() {
    var chart = TrainingPlots.loss(Map.of("RNN", List.of(2.0, 5.0, Double.POSITIVE_INFINITY)));
    assertDoesNotThrow(() -> Plots.image(chart));
    var series = chart.getSeriesMap().get("RNN (1 not finite, not shown)");
    assertEquals(List.of(1.0, 2.0, 3.0), List.of(series.getXData()[0], series.getXData()[1], series.getXData()[2]));
    assertTrue(Double.isNaN(series.getYData()[2]));
  }
}
