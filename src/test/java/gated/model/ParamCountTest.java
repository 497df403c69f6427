package gated.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.ParamCount.Bias;
import gated.model.ParamCount.Cell;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParamCountTest {

  @Test
  void seed000ForgetGateHas21WeightsAnd3Biases() {
    ParamCount.Breakdown f = ParamCount.gate("LSTM", "f", 4, 3, Bias.ONE);
    assertEquals(21, f.weights());
    assertEquals(3, f.biases());
    assertEquals("3×7", f.terms().get(0).shape());
  }

  @Test
  void seed003FirstExampleIs154WithoutBiases() {
    ParamCount.Breakdown b = ParamCount.rnnLanguageModel(9, 6, 5, false);
    assertEquals(154, b.total());
    assertEquals("54 + 30 + 25 + 45 = 154", b.sum());
    assertEquals(168, ParamCount.rnnLanguageModel(9, 6, 5, true).total(), "with b_1 (5) and b_2 (9)");
  }

  @Test
  void seed003SecondExampleIs143WithoutBiases() {
    assertEquals(143, ParamCount.rnnLanguageModel(8, 6, 5, false).total());
    assertEquals(156, ParamCount.rnnLanguageModel(8, 6, 5, true).total());
    // The handout's a_t line uses a 5×8 input matrix (one-hot input, no embedding): 25 + 40 + 40 = 105.
    assertEquals(105, ParamCount.rnn(8, 5, Bias.NONE).total() + ParamCount.output(5, 8, false).total());
  }

  @Test
  void formulasAgreeWithTheWeightsRecords() {
    Random r = new Random(1);
    for (int[] xh : new int[][] {{4, 3}, {1, 1}, {7, 5}}) {
      int x = xh[0], h = xh[1];
      assertEquals(RnnWeights.random(h, x, r).count(), ParamCount.rnn(x, h, Bias.ONE).total());
      assertEquals(LstmWeights.random(h, x, r).count(), ParamCount.lstm(x, h, Bias.ONE).total());
      assertEquals(GruWeights.random(h, x, r).count(), ParamCount.gru(x, h, Bias.ONE).total());
      assertEquals(4L * (h * (x + h) + h), ParamCount.lstm(x, h, Bias.ONE).total());
      assertEquals(4L * (h * (x + h) + 2 * h), ParamCount.lstm(x, h, Bias.TWO).total());
      assertEquals(3L * (h * (x + h) + 2 * h), ParamCount.gru(x, h, Bias.TWO).total());
      assertEquals(StackedLstmWeights.random(3, h, x, r).count(), ParamCount.stacked(Cell.LSTM, x, h, 3, Bias.ONE).total());
      assertEquals(BiLstmWeights.random(h, x, r).count(), ParamCount.bidirectional(Cell.LSTM, x, h, Bias.ONE).total());
    }
  }

  @Test
  void perLayerAndPerGateBreakdowns() {
    ParamCount.Breakdown b = ParamCount.stacked(Cell.LSTM, 4, 3, 2, Bias.ONE);
    assertEquals(java.util.List.of("LSTM layer 1", "LSTM layer 2"), b.layers());
    assertEquals(4 * (3 * 7 + 3), b.layerTotal("LSTM layer 1"));
    assertEquals(4 * (3 * 6 + 3), b.layerTotal("LSTM layer 2"));
    assertEquals(8 + 8, b.terms().size(), "a W and a b line per gate per layer");
  }

  @Test
  void pytorchLstmCountMatchesItsDocumentedFormula() {
    // torch.nn.LSTM(10, 20): weight_ih 4H×X, weight_hh 4H×H, bias_ih and bias_hh 4H each
    assertEquals(4L * 20 * 10 + 4L * 20 * 20 + 2L * 4 * 20, ParamCount.lstm(10, 20, Bias.TWO).total());
  }
}
