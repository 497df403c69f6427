package gated.plot;

import static gated.plot.PlotFixtures.STEPS;
import static gated.plot.PlotFixtures.UNITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.model.ParamCount;
import gated.train.GradientFlow;
import gated.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

/** Every value handed to a helper reaches the chart: no series, unit or step is dropped silently. */
class PlotDataTest {
  private final Lstm.LstmTrace trace = PlotFixtures.trace();

  @Test
  void statePlotHasCAndHForEveryUnitWithTheTraceValues() {
    XYChart chart = StatePlots.traces(trace);
    assertEquals(UNITS * 2, chart.getSeriesMap().size());
    assertEquals(List.of("c[0]", "h[0]", "c[1]", "h[1]", "c[2]", "h[2]"), List.copyOf(chart.getSeriesMap().keySet()));
    for (int k = 0; k < UNITS; k++) {
      double[] c = chart.getSeriesMap().get("c[" + k + "]").getYData();
      double[] h = chart.getSeriesMap().get("h[" + k + "]").getYData();
      assertEquals(STEPS, c.length);
      for (int t = 0; t < STEPS; t++) {
        assertEquals(trace.step(t).c().get(k), c[t]);
        assertEquals(trace.step(t).h().get(k), h[t]);
      }
    }
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, chart.getSeriesMap().get("c[0]").getXData());
  }

  @Test
  void namedTracesHaveOneSeriesPerUnit() {
    XYChart chart = StatePlots.traces(trace.gate(LstmGate.FORGET), "f");
    assertEquals(List.of("f[0]", "f[1]", "f[2]"), List.copyOf(chart.getSeriesMap().keySet()));
  }

  @Test
  void heatmapHoldsEveryUnitAtEveryStep() {
    HeatMapChart chart = GatePlots.heatmap(trace, LstmGate.FORGET);
    var series = chart.getHeatMapSeries();
    assertEquals(STEPS, series.getXData().size());
    assertEquals(UNITS, series.getYData().size());
    assertEquals(UNITS * STEPS, series.getHeatData().size());
    for (Number[] cell : series.getHeatData()) {
      int t = cell[0].intValue();
      int k = Integer.parseInt(String.valueOf(series.getYData().get(cell[1].intValue())));   // the row's unit label
      assertEquals(trace.step(t).f().get(k), cell[2].doubleValue());
    }
    assertEquals(0.0, chart.getStyler().getMin());
    assertEquals(1.0, chart.getStyler().getMax());
  }

  @Test
  void candidateUsesTheSymmetricRangeAndWordsLabelTheSteps() {
    List<String> words = List.of("the", "cat", "sat", "on", "the", "mat");
    HeatMapChart chart = GatePlots.heatmap(trace, LstmGate.CANDIDATE, words);
    assertEquals(-1.0, chart.getStyler().getMin());
    assertEquals(1.0, chart.getStyler().getMax());
    assertEquals(words, chart.getHeatMapSeries().getXData());
  }

  @Test
  void heatmapDrawsUnitZeroOnTopLikeTheDiagrams() {
    HeatMapChart chart = Heatmap.of(trace.gate(LstmGate.FORGET)).build();
    org.knowm.xchart.HeatMapSeries series = chart.getSeriesMap().values().iterator().next();
    List<String> rows = series.getYData().stream().map(String::valueOf).toList();
    assertEquals(UNITS, rows.size());
    assertEquals("0", rows.get(UNITS - 1), "the last row, drawn on top, is unit 0");
    assertEquals(String.valueOf(UNITS - 1), rows.get(0), "the first row, drawn at the bottom, is unit H − 1");
    for (Number[] cell : series.getHeatData()) {
      int t = cell[0].intValue();
      int unit = Integer.parseInt(rows.get(cell[1].intValue()));
      assertEquals(trace.step(t).f().get(unit), cell[2].doubleValue(), 0.0, "step " + (t + 1) + ", unit " + unit);
    }
  }

  @Test
  void heatmapRangeDefaultsFollowTheValues() {
    assertEquals(1.0, Heatmap.of(trace.gate(LstmGate.INPUT)).build().getStyler().getMax());
    assertEquals(0.0, Heatmap.of(trace.gate(LstmGate.INPUT)).build().getStyler().getMin());
    assertEquals(-1.0, Heatmap.of(List.of(gated.tensor.Vec.of(-0.5, 0.9))).build().getStyler().getMin());
    HeatMapChart wide = Heatmap.of(List.of(gated.tensor.Vec.of(-3, 2))).build();
    assertEquals(-3.0, wide.getStyler().getMin());
    assertEquals(3.0, wide.getStyler().getMax());
    HeatMapChart custom = Heatmap.of(trace.cs()).range(-2, 2).build();
    assertEquals(-2.0, custom.getStyler().getMin());
  }

  @Test
  void gatesGivesOneChartPerBlock() {
    assertEquals(LstmGate.values().length, GatePlots.gates(trace).size());
  }

  @Test
  void gradientPlotHasEveryProfileAndDistance() {
    GradientFlow.Profile rnn = GradientFlow.hiddenGradientNorms("RNN", PlotFixtures.rnn(), PlotFixtures.inputs());
    GradientFlow.Profile lstm = GradientFlow.hiddenGradientNorms("LSTM", PlotFixtures.lstm(), PlotFixtures.inputs());
    XYChart chart = GradientPlots.normsByDistance(rnn, lstm);
    assertEquals(List.of("RNN", "LSTM"), List.copyOf(chart.getSeriesMap().keySet()));
    assertEquals(true, chart.getStyler().isYAxisLogarithmic());
    double[] y = chart.getSeriesMap().get("RNN").getYData();
    assertEquals(STEPS, y.length);
    for (int d = 0; d < STEPS; d++) assertEquals(rnn.at(d), y[d]);
  }

  @Test
  void trainingCurvesOnePerRunOverEpochs() {
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    curves.put("a", List.of(3.0, 2.0, 1.0));
    curves.put("b", List.of(3.0, 2.5));
    XYChart chart = TrainingPlots.loss(curves);
    assertEquals(List.of("a", "b"), List.copyOf(chart.getSeriesMap().keySet()));
    assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("a").getXData());
  }

  @Test
  void historiesGiveLossAndTrainAndTestAccuracy() {
    Trainer.History<LstmWeights> h = new Trainer.History<>(null, List.of(1.0, 0.5), List.of(0.6, 0.8),
        List.of(0.5, 0.7), List.of(2.0, 1.0), "");
    Map<String, Trainer.History<LstmWeights>> runs = Map.of("LSTM", h);
    assertEquals(List.of("LSTM"), List.copyOf(TrainingPlots.lossOf(runs).getSeriesMap().keySet()));
    assertEquals("mean training loss", TrainingPlots.lossOf(runs).getStyler() == null ? "" : TrainingPlots.lossOf(runs).getYAxisTitle());
    assertEquals(List.of("LSTM train", "LSTM test"), List.copyOf(TrainingPlots.accuracyOf(runs).getSeriesMap().keySet()));
  }

  @Test
  void barsHaveEveryCategory() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("RNN", 24L);
    counts.put("LSTM", 96L);
    CategoryChart chart = ParamPlots.bars(counts, "counts");
    assertEquals(List.of("RNN", "LSTM"), chart.getSeriesMap().get("parameters").getXData());
    Map<String, ParamCount.Breakdown> b = new LinkedHashMap<>();
    b.put("GRU", ParamCount.gru(4, 3, ParamCount.Bias.ONE));
    CategoryChart stacked = ParamPlots.bars(b);
    assertEquals(List.of("weights", "biases"), List.copyOf(stacked.getSeriesMap().keySet()));
    assertEquals(63.0, stacked.getSeriesMap().get("weights").getYData().iterator().next().doubleValue());
    assertEquals(9.0, stacked.getSeriesMap().get("biases").getYData().iterator().next().doubleValue());
  }

  @Test
  void activationCurvesCrossAtTheKnownValues() {
    XYChart chart = ActivationPlots.curves();
    assertEquals(List.of("σ(z)", "σ'(z)", "tanh(z)", "tanh'(z)"), List.copyOf(chart.getSeriesMap().keySet()));
    double[] z = chart.getSeriesMap().get("σ(z)").getXData();
    int mid = z.length / 2;
    assertEquals(0.0, z[mid], 1e-12);
    assertEquals(-6.0, z[0], 1e-12);
    assertEquals(6.0, z[z.length - 1], 1e-12);
    assertEquals(0.5, chart.getSeriesMap().get("σ(z)").getYData()[mid], 1e-12);
    assertEquals(0.25, chart.getSeriesMap().get("σ'(z)").getYData()[mid], 1e-12);
    assertEquals(1.0, chart.getSeriesMap().get("tanh'(z)").getYData()[mid], 1e-12);
  }

  @Test
  void buildersAreImmutableAndCopyTheirInput() {
    double[] y = {1, 2, 3};
    LinePlot base = LinePlot.create().series("y", y);
    LinePlot titled = base.title("new");
    y[0] = 100;
    assertEquals(1.0, base.build().getSeriesMap().get("y").getYData()[0]);
    assertEquals("", base.build().getTitle());
    assertEquals("new", titled.build().getTitle());
    assertEquals(List.of("y"), base.seriesNames());
    assertEquals(List.of("y", "z"), base.series("z", y).seriesNames());
    assertEquals(List.of("y"), base.seriesNames());
  }

  @Test
  void badInputFailsLoudly() {
    assertThrows(IllegalArgumentException.class, () -> LinePlot.create().series("y", new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> LinePlot.create().series("y", new double[] {1}).series("y", new double[] {2}));
    assertThrows(IllegalArgumentException.class, () -> LinePlot.create().build());
    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(trace.hs()).range(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(trace.hs()).stepLabels(List.of("too", "few")));
    assertThrows(IllegalArgumentException.class, () -> BarPlot.of(List.of("a", "b")).series("s", 1));
    assertThrows(IllegalArgumentException.class, () -> BarPlot.of(List.of("a", "b")).series("s", 1, Double.POSITIVE_INFINITY));
  }

  @Test
  void aBarPlotDrawsNoBarForNaN() {
    CategoryChart chart = BarPlot.of(List.of("5", "40")).series("RNN", 3, Double.NaN).series("LSTM", 2, 5).build();
    assertEquals(List.of(3.0), chart.getSeriesMap().get("RNN").getYData().stream().filter(java.util.Objects::nonNull)
        .map(Number::doubleValue).toList());
    assertEquals(null, new java.util.ArrayList<>(chart.getSeriesMap().get("RNN").getYData()).get(1));
    assertEquals(List.of(2.0, 5.0), chart.getSeriesMap().get("LSTM").getYData().stream().map(Number::doubleValue).toList());
    java.awt.image.BufferedImage image = BarPlot.of(List.of("5", "40")).series("RNN", 3, Double.NaN).image();
    assertEquals(Plots.WIDTH, image.getWidth());
  }
  @Test
  void valuesWrittenIntoAHeatMapStayReadableOnItsDarkestCells() {
    java.awt.Color[] written = Heatmap.of(trace.gate(LstmGate.FORGET)).range(0, 1).showValues(true).build().getStyler()
        .getRangeColors();
    java.awt.Color darkest = written[written.length - 1];
    double luminance = (0.2126 * darkest.getRed() + 0.7152 * darkest.getGreen() + 0.0722 * darkest.getBlue()) / 255;
    org.junit.jupiter.api.Assertions.assertTrue(luminance > 0.4, "black digits on the darkest cell: luminance " + luminance);
    java.awt.Color[] plain = Heatmap.of(trace.gate(LstmGate.FORGET)).range(0, 1).build().getStyler().getRangeColors();
    org.junit.jupiter.api.Assertions.assertNotEquals(darkest, plain[plain.length - 1], "without values the scale goes darker");
  }
}
