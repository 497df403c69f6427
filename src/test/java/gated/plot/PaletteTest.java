package gated.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.tensor.Vec;
import java.awt.Color;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One colour per model in every figure, and lines that share a colour or lie on top of each other stay apart. */
class PaletteTest {
  private static final double[] X = {1, 2, 3};

  @Test
  void seriesNamesNameTheirModel() {
    assertEquals(Optional.of(Palette.Model.LSTM), Palette.modelOf("forward LSTM"));
    assertEquals(Optional.of(Palette.Model.LSTM), Palette.modelOf("LSTM, b_f = 1"));
    assertEquals(Optional.of(Palette.Model.LSTM), Palette.modelOf("LSTM, 1 layer, random seed 2"));
    assertEquals(Optional.of(Palette.Model.BILSTM), Palette.modelOf("BiLSTM"));
    assertEquals(Optional.of(Palette.Model.STACKED), Palette.modelOf("LSTM, 2 layers"));
    assertEquals(Optional.of(Palette.Model.STACKED), Palette.modelOf("stacked LSTM"));
    assertEquals(Optional.of(Palette.Model.GRU), Palette.modelOf("Π Z (GRU)"));
    assertEquals(Optional.of(Palette.Model.RNN), Palette.modelOf("RNN, W_h = I"));
    assertEquals(Optional.empty(), Palette.modelOf("unit 0"));
    assertEquals(Optional.empty(), Palette.modelOf("c[0]"));
    assertTrue(Palette.isReference("chance"));
    assertTrue(Palette.isReference("bigram baseline"));
    assertFalse(Palette.isReference("baselines of the LSTM"), "whole words only");
    assertFalse(Palette.isReference("LSTM"));
  }

  @Test
  void aModelHasTheSameColourInEveryFigure() {
    XYChart a = LinePlot.create().series("RNN", X, X).series("LSTM", X, X).build();
    XYChart b = LinePlot.create().series("GRU", X, X).series("forward LSTM", X, X).series("unit 0", X, X).build();
    Map<String, List<Double>> runs = new LinkedHashMap<>();
    runs.put("LSTM b_f=3", List.of(0.5, 1.0));
    XYChart c = TrainingPlots.accuracy(runs);
    Color lstm = Palette.Model.LSTM.color();
    assertEquals(lstm, a.getSeriesMap().get("LSTM").getLineColor());
    assertEquals(lstm, b.getSeriesMap().get("forward LSTM").getLineColor());
    assertEquals(lstm, c.getSeriesMap().get("LSTM b_f=3").getLineColor());
    assertEquals(Palette.Model.RNN.color(), a.getSeriesMap().get("RNN").getLineColor());
    assertEquals(Palette.Model.GRU.color(), b.getSeriesMap().get("GRU").getLineColor());
    CategoryChart bars = BarPlot.of(List.of("5", "40")).series("RNN", 1, 0.5).series("LSTM", 1, 1).build();
    assertEquals(lstm, bars.getSeriesMap().get("LSTM").getFillColor());
    assertEquals(Palette.Model.RNN.color(), bars.getSeriesMap().get("RNN").getFillColor());
  }

  @Test
  void seriesThatAreNoModelNeverTakeAModelsColour() {
    Set<Color> models = new HashSet<>();
    for (Palette.Model m : Palette.Model.values()) models.add(m.color());
    LinePlot p = LinePlot.create();
    for (int k = 0; k < 12; k++) p = p.series("v[" + k + "]", X, X);
    for (XYSeries s : p.build().getSeriesMap().values()) assertFalse(models.contains(s.getLineColor()), s.getName());
    CategoryChart bars = ParamPlots.bars(Map.of("LSTM", gated.model.ParamCount.lstm(4, 3, gated.model.ParamCount.Bias.ONE)));
    assertFalse(models.contains(bars.getSeriesMap().get("weights").getFillColor()));
    assertFalse(models.contains(bars.getSeriesMap().get("biases").getFillColor()));
  }

  @Test
  void linesOfOneColourDifferInDashAndEveryLineHasItsOwnMarker() {
    XYChart chart = LinePlot.create().series("LSTM, b_f = 0", X, X).series("LSTM, b_f = 1", X, X)
        .series("GRU", X, X).series("chance", X, X).build();
    XYSeries b0 = chart.getSeriesMap().get("LSTM, b_f = 0");
    XYSeries b1 = chart.getSeriesMap().get("LSTM, b_f = 1");
    XYSeries gru = chart.getSeriesMap().get("GRU");
    assertEquals(b0.getLineColor(), b1.getLineColor());
    assertNotEquals(b0.getLineStyle(), b1.getLineStyle());
    assertNotEquals(b0.getMarker(), b1.getMarker());
    assertNotEquals(b1.getMarker(), gru.getMarker());
    assertTrue(b0.getLineWidth() > gru.getLineWidth(), "a line drawn later is thinner, so one on top of another shows both");
    XYSeries chance = chart.getSeriesMap().get("chance");
    assertEquals(Palette.REFERENCE, chance.getLineColor());
    assertEquals(SeriesMarkers.NONE, chance.getMarker());
  }

  @Test
  void severalReferenceLevelsAreGreyAndToldApartByTheirDashes() {
    XYChart chart = LinePlot.create().series("LSTM", X, X).series("bigram baseline", X, X)
        .series("unigram baseline", X, X).build();
    XYSeries bigram = chart.getSeriesMap().get("bigram baseline");
    XYSeries unigram = chart.getSeriesMap().get("unigram baseline");
    assertEquals(Palette.REFERENCE, bigram.getLineColor());
    assertEquals(Palette.REFERENCE, unigram.getLineColor());
    assertEquals(SeriesLines.DASH_DASH, bigram.getLineStyle(), "the first reference level stays dashed");
    assertNotEquals(bigram.getLineStyle(), unigram.getLineStyle());
    assertEquals(Palette.Model.LSTM.color(), chart.getSeriesMap().get("LSTM").getLineColor());
  }

  @Test
  void testCurvesAreSolidAndTrainingCurvesDashed() {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    acc.put("GRU train", List.of(0.5, 0.9));
    acc.put("GRU test", List.of(0.5, 0.8));
    XYChart chart = TrainingPlots.accuracy(acc);
    assertEquals(SeriesLines.SOLID, chart.getSeriesMap().get("GRU test").getLineStyle());
    assertEquals(SeriesLines.DASH_DASH, chart.getSeriesMap().get("GRU train").getLineStyle());
  }

  @Test
  void twoRunsOfOneModelKeepTheirTrainAndTestCurvesApart() {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    acc.put("LSTM a train", List.of(0.5, 0.9));
    acc.put("LSTM a test", List.of(0.5, 0.8));
    acc.put("LSTM b train", List.of(0.5, 0.9));
    acc.put("LSTM b test", List.of(0.5, 0.8));
    Set<Object> lines = new HashSet<>();
    for (XYSeries s : TrainingPlots.accuracy(acc).getSeriesMap().values()) lines.add(s.getLineStyle());
    assertEquals(4, lines.size(), "four curves of one colour, four dash patterns");
    assertEquals(SeriesLines.SOLID, TrainingPlots.accuracy(acc).getSeriesMap().get("LSTM a test").getLineStyle());
  }

  @Test
  void measuredPointsAreMarkedAndDenseCurvesAreNot() {
    assertNotEquals(SeriesMarkers.NONE, LinePlot.create().series("RNN", new double[40]).build().getSeriesMap().get("RNN").getMarker());
    assertEquals(SeriesMarkers.NONE, ActivationPlots.curves().getSeriesMap().get("σ(z)").getMarker());
  }

  @Test
  void heatmapGroupsGetAnEmptyColumnBetweenThemAndTheAxisSaysWhatTheColumnsAre() {
    List<Vec> v = List.of(Vec.of(0.1), Vec.of(0.2), Vec.of(0.3), Vec.of(0.4));
    HeatMapChart chart = Heatmap.of(v).stepLabels(List.of("1:a", "1:b", "2:a", "2:b")).groupsOf(2)
        .xLabel("sentence:word").build();
    assertEquals("sentence:word", chart.getXAxisTitle());
    List<?> columns = chart.getHeatMapSeries().getXData();
    assertEquals(5, columns.size());
    assertEquals("2:a", columns.get(3));
    assertTrue(columns.get(2).toString().isBlank());
    assertEquals(4, chart.getHeatMapSeries().getHeatData().size(), "the empty column has no cells");
    Number[] third = chart.getHeatMapSeries().getHeatData().get(2);
    assertEquals(3, third[0].intValue(), "step 3 sits right of the gap");
    assertEquals("t", Heatmap.of(v).build().getXAxisTitle());
    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(v).groupsOf(3));
  }

  @Test
  void seriesOfOneLayerShareAColourAndUnitKOfTwoLayersDoesNot() {
    XYChart chart = LinePlot.create().series("layer 1 C[0]", X, X).series("layer 2 C[0]", X, X)
        .series("layer 1 C[1]", X, X).series("layer 2 C[1]", X, X).build();
    Color one = chart.getSeriesMap().get("layer 1 C[0]").getLineColor();
    assertEquals(one, chart.getSeriesMap().get("layer 1 C[1]").getLineColor(), "one colour per layer");
    assertNotEquals(one, chart.getSeriesMap().get("layer 2 C[0]").getLineColor(), "unit 0 of layer 2 is not layer 1's");
    assertNotEquals(chart.getSeriesMap().get("layer 1 C[0]").getLineStyle(),
        chart.getSeriesMap().get("layer 1 C[1]").getLineStyle(), "the units of one layer differ in dash");
  }
}
