package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.ClassifierWeights;
import gated.train.GradientCheck;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecurrentCharModelTest {
  static final int[][] IN = {{0, 1, 2}, {2, 2, 1}};
  static final int[][] OUT = {{1, 2, 0}, {2, 1, 0}};

  static <W extends Params<W>> void gradientMatchesFiniteDifferences(RecurrentCharModel<W> m, CharModel.State start) {
    CharModel.Training<ClassifierWeights<W>> t = m.lossAndGradient(IN, OUT, start);
    GradientCheck.Result r = GradientCheck.check(m.weights(), t.gradient(),
        w -> m.withWeights(w).lossAndGradient(IN, OUT, start).loss() / t.characters());
    assertTrue(r.passed(), m.name() + ": " + r);
    assertTrue(r.checked() == m.weights().count());
  }

  @Test
  void gradientsOfAllThreeCoresMatchFiniteDifferencesFromANonZeroState() {
    Random r = new Random(5);
    for (RecurrentCharModel<?> m : List.of(RecurrentCharModel.lstm(3, 4, r), RecurrentCharModel.gru(3, 4, r),
        RecurrentCharModel.rnn(3, 4, r))) {
      CharModel.State zero = m.zeroState(2);
      CharModel.State start = m.forward(new int[][] {{1, 0}, {2, 0}}, zero).end();   // a carried, non-zero state
      gradientMatchesFiniteDifferences(m, start);
    }
  }

  @Test
  void forwardMatchesTheLibraryLstmAndTheOutputLayer() {
    RecurrentCharModel<LstmWeights> m = RecurrentCharModel.lstm(3, 4, new Random(6));
    CharModel.Forward f = m.forward(IN, m.zeroState(2));
    List<Vec> xs = new ArrayList<>();
    for (int id : IN[1]) {
      double[] x = new double[3];
      x[id] = 1;
      xs.add(Vec.of(x));
    }
    Lstm.LstmTrace trace = Lstm.of(m.weights().encoder()).forward(xs);
    assertTrue(trace.last().h().closeTo(f.hidden().get(1).get(2), 1e-15));
    assertTrue(trace.last().c().closeTo(f.end().c().get(1), 1e-15));
    assertTrue(m.weights().head().apply(trace.last().h()).closeTo(f.logits().get(1).get(2), 1e-15));
    double loss = 0;
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 3; t++) loss += Loss.softmaxCrossEntropy(f.logits().get(b).get(t), OUT[b][t]).value();
    }
    assertEquals(loss, m.lossAndGradient(IN, OUT, m.zeroState(2)).loss(), 1e-12);
  }

  @Test
  void carryingTheStateEqualsReadingTheWholeSequence() {
    RecurrentCharModel<?> m = RecurrentCharModel.gru(3, 4, new Random(7));
    CharModel.Forward whole = m.forward(new int[][] {{0, 1, 2, 2, 1, 0}}, m.zeroState(1));
    CharModel.Forward first = m.forward(new int[][] {{0, 1, 2}}, m.zeroState(1));
    CharModel.Forward second = m.forward(new int[][] {{2, 1, 0}}, first.end());
    assertTrue(whole.end().h().get(0).closeTo(second.end().h().get(0), 1e-15));
    CharModel.Forward reset = m.forward(new int[][] {{2, 1, 0}}, m.zeroState(1));
    assertFalse(whole.end().h().get(0).closeTo(reset.end().h().get(0), 1e-6), "a reset state forgets the first half");
  }

  @Test
  void parameterCountsMatchTheWeightsAndBudgetsPickTheLargestHiddenSize() {
    Random r = new Random(8);
    assertEquals(RecurrentCharModel.Kind.LSTM.parameters(5, 7), RecurrentCharModel.lstm(5, 7, r).weights().count());
    assertEquals(RecurrentCharModel.Kind.GRU.parameters(5, 7), RecurrentCharModel.gru(5, 7, r).weights().count());
    assertEquals(RecurrentCharModel.Kind.RNN.parameters(5, 7), RecurrentCharModel.rnn(5, 7, r).weights().count());
    long budget = RecurrentCharModel.Kind.LSTM.parameters(73, 48);
    for (RecurrentCharModel.Kind k : RecurrentCharModel.Kind.values()) {
      int h = k.hiddenSizeFor(73, budget);
      assertTrue(k.parameters(73, h) <= budget && k.parameters(73, h + 1) > budget, k + " H = " + h);
    }
    assertEquals(48, RecurrentCharModel.Kind.LSTM.hiddenSizeFor(73, budget));
    assertThrows(IllegalArgumentException.class, () -> RecurrentCharModel.Kind.LSTM.hiddenSizeFor(73, 10));
  }

  @Test
  void badBatchesAreRefusedWithTheirShapes() {
    RecurrentCharModel<?> m = RecurrentCharModel.lstm(3, 4, new Random(9));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(IN, m.zeroState(3)));
    assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.forward(new int[][] {{0, 3}}, m.zeroState(1)));
    assertThrows(IllegalArgumentException.class, () -> m.lossAndGradient(IN, new int[][] {{1, 2, 0}}, m.zeroState(2)));
    RecurrentCharModel<?> g = RecurrentCharModel.gru(3, 4, new Random(9));
    assertThrows(IllegalArgumentException.class, () -> g.forward(IN, m.zeroState(2)));    // an LSTM state with c
  }
}
