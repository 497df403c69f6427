package gated.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.GradientCheck;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of BPTT for every sequence model, in double precision, with DL4J's
 * settings (ε 1e−6, max relative error 1e−3, min absolute error 1e−8), a fixed seed, and the
 * edge case T = 1 next to a longer sequence.
 */
class SequenceGradientTest {

  static Stream<Arguments> models() {
    Random r = new Random(12345);
    int x = 4, h = 3;
    return Stream.of(
        Arguments.of("RNN", new Rnn(RnnWeights.random(h, x, 0.8, r))),
        Arguments.of("LSTM", new Lstm(LstmWeights.random(h, x, r))),
        Arguments.of("GRU", new Gru(GruWeights.random(h, x, r))),
        Arguments.of("stacked LSTM", new StackedLstm(StackedLstmWeights.random(2, h, x, r))),
        Arguments.of("BiLSTM concat", new BiLstm(BiLstmWeights.random(h, x, r), MergeMode.CONCAT)),
        Arguments.of("BiLSTM sum", new BiLstm(BiLstmWeights.random(h, x, r), MergeMode.SUM)),
        Arguments.of("BiLSTM average", new BiLstm(BiLstmWeights.random(h, x, r), MergeMode.AVERAGE)),
        Arguments.of("BiLSTM multiply", new BiLstm(BiLstmWeights.random(h, x, r), MergeMode.MULTIPLY)));
  }

  @ParameterizedTest(name = "{0}, T = 1 and T = 6")
  @MethodSource("models")
  <W extends Params<W>> void weightGradientsMatchFiniteDifferences(String name, SequenceModel<W> model) {
    for (int steps : new int[] {1, 6}) {
      Random r = new Random(7 + steps);
      List<Vec> xs = Fixtures.sequence(steps, model.inputSize(), r);
      List<Vec> proj = Fixtures.sequence(steps, model.outputSize(), r);
      W analytic = model.backward(model.forward(xs), proj).dWeights();
      GradientCheck.Result res = GradientCheck.check(model.weights(), analytic,
          w -> Fixtures.projectedLoss(model.withWeights(w), xs, proj));
      assertTrue(res.passed(), name + " T=" + steps + ": " + res);
      assertEquals(model.weights().count(), res.checked());
    }
  }

  @ParameterizedTest(name = "{0}: ∂L/∂x_t")
  @MethodSource("models")
  <W extends Params<W>> void inputGradientsMatchFiniteDifferences(String name, SequenceModel<W> model) {
    Random r = new Random(99);
    int steps = 5;
    List<Vec> xs = Fixtures.sequence(steps, model.inputSize(), r);
    List<Vec> proj = Fixtures.sequence(steps, model.outputSize(), r);
    List<Vec> dx = model.backward(model.forward(xs), proj).dInputs();
    double eps = GradientCheck.EPSILON;
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < model.inputSize(); k++) {
        double[] plus = xs.get(t).toArray();
        double[] minus = xs.get(t).toArray();
        plus[k] += eps;
        minus[k] -= eps;
        List<Vec> xp = new java.util.ArrayList<>(xs);
        List<Vec> xm = new java.util.ArrayList<>(xs);
        xp.set(t, Vec.of(plus));
        xm.set(t, Vec.of(minus));
        double numeric = (Fixtures.projectedLoss(model, xp, proj) - Fixtures.projectedLoss(model, xm, proj)) / (2 * eps);
        double analytic = dx.get(t).get(k);
        double abs = Math.abs(numeric - analytic);
        assertTrue(abs < GradientCheck.MIN_ABSOLUTE_ERROR
            || abs / (Math.abs(numeric) + Math.abs(analytic)) < GradientCheck.MAX_RELATIVE_ERROR,
            name + " ∂L/∂x_" + t + "[" + k + "]: numeric " + numeric + " analytic " + analytic);
      }
    }
  }

  @ParameterizedTest(name = "{0}: a minibatch sums the per-sequence gradients")
  @MethodSource("models")
  <W extends Params<W>> void minibatchGradientIsTheSumOfSequenceGradients(String name, SequenceModel<W> model) {
    Random r = new Random(3);
    List<List<Vec>> batch = List.of(Fixtures.sequence(4, model.inputSize(), r), Fixtures.sequence(2, model.inputSize(), r));
    List<List<Vec>> proj = List.of(Fixtures.sequence(4, model.outputSize(), r), Fixtures.sequence(2, model.outputSize(), r));
    W summed = model.backwardBatch(model.forwardBatch(batch), proj);
    W expected = model.backward(model.forward(batch.get(0)), proj.get(0)).dWeights()
        .plusScaled(model.backward(model.forward(batch.get(1)), proj.get(1)).dWeights(), 1);
    double[] a = summed.toArray(), b = expected.toArray();
    for (int k = 0; k < a.length; k++) assertEquals(b[k], a[k], 1e-12);
    // batch = 1 is just the single sequence
    W single = model.backwardBatch(model.forwardBatch(batch.subList(0, 1)), proj.subList(0, 1));
    double[] c = single.toArray(), d = model.backward(model.forward(batch.get(0)), proj.get(0)).dWeights().toArray();
    for (int k = 0; k < c.length; k++) assertEquals(d[k], c[k], 0.0);
  }
}
