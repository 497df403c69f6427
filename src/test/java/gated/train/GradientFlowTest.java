package gated.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientFlowTest {
  /** L = u·h_T with u = (1, …, 1)/√H, after c_t is replaced by c (and h_t by o_t ⊙ tanh(c)), run on to T. */
  private static double lossFromCell(Lstm lstm, List<Vec> xs, Lstm.LstmTrace trace, int t, Vec c) {
    LstmStep s = trace.step(t);
    Vec h = s.o().hadamard(c.map(Math::tanh));
    Vec hT = t == xs.size() - 1 ? h : lstm.forward(xs.subList(t + 1, xs.size()), h, c).last().h();
    return hT.sum() / Math.sqrt(hT.size());
  }

  @Test
  void cellGradientFromAGivenStateMatchesFiniteDifferences() {
    Random r = new Random(21);
    Lstm lstm = Lstm.of(LstmWeights.random(3, 2, r));
    List<Vec> xs = Fixtures.sequence(6, 2, r);
    Vec h0 = Vec.of(0.3, -0.2, 0.1), c0 = Vec.of(0.8, -0.5, 1.2);
    GradientFlow.Profile p = GradientFlow.cellGradientNorms("LSTM", lstm, xs, h0, c0);
    Lstm.LstmTrace trace = lstm.forward(xs, h0, c0);
    assertEquals(6, p.values().size());
    double eps = 1e-6;
    for (int t = 0; t < xs.size(); t++) {
      double[] grad = new double[3];
      for (int k = 0; k < 3; k++) {
        double[] plus = trace.step(t).c().toArray(), minus = trace.step(t).c().toArray();
        plus[k] += eps;
        minus[k] -= eps;
        grad[k] = (lossFromCell(lstm, xs, trace, t, Vec.of(plus)) - lossFromCell(lstm, xs, trace, t, Vec.of(minus))) / (2 * eps);
      }
      int distance = xs.size() - 1 - t;
      assertEquals(Vec.of(grad).norm(), p.at(distance), 1e-8, "‖∂L/∂c_t‖ at distance " + distance);
    }
  }

  @Test
  void fromZeroStateItIsTheProfileOfTheZeroStartAndOtherwiseItDiffers() {
    Random r = new Random(22);
    Lstm lstm = Lstm.of(LstmWeights.random(2, 3, r));
    List<Vec> xs = Fixtures.sequence(8, 3, r);
    GradientFlow.Profile zero = GradientFlow.cellGradientNorms("LSTM", lstm, xs);
    GradientFlow.Profile fromZero = GradientFlow.cellGradientNorms("LSTM", lstm, xs, Vec.zeros(2), Vec.zeros(2));
    assertEquals(zero.values(), fromZero.values());
    GradientFlow.Profile fromC0 = GradientFlow.cellGradientNorms("LSTM", lstm, xs, Vec.zeros(2), Vec.of(0.8, -0.5));
    assertTrue(Math.abs(fromC0.at(7) - zero.at(7)) > 1e-6, "a different start gives a different run: " + fromC0.values());
  }

  @Test
  void aStateOfTheWrongSizeIsRefusedByName() {
    Lstm lstm = Lstm.of(LstmWeights.random(2, 3, new Random(23)));
    List<Vec> xs = Fixtures.sequence(4, 3, new Random(24));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientFlow.cellGradientNorms("LSTM", lstm, xs, Vec.zeros(2), Vec.zeros(3)));
    assertTrue(e.getMessage().contains("c_0 has 3 entries but the hidden size H is 2"), e.getMessage());
  }
}
