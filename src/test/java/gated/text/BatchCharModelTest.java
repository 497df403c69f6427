package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.batch.Precision;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.ClassifierWeights;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchCharModelTest {
  static final int[][] IN = {{0, 1, 2, 3}, {3, 3, 1, 0}, {2, 0, 0, 1}};
  static final int[][] OUT = {{1, 2, 3, 0}, {3, 1, 0, 2}, {0, 0, 1, 3}};

  static double largest(List<List<Vec>> a, List<List<Vec>> b) {
    double worst = 0;
    for (int r = 0; r < a.size(); r++) {
      for (int t = 0; t < a.get(r).size(); t++) worst = Math.max(worst, a.get(r).get(t).minus(b.get(r).get(t)).norm());
    }
    return worst;
  }

  static <W extends Params<W>> void sameAsTheTeachingPath(RecurrentCharModel<W> plain) {
    BatchCharModel<W> fast = BatchCharModel.of(plain, Precision.DOUBLE);
    CharModel.State start = plain.forward(new int[][] {{1, 2}, {0, 3}, {2, 2}}, plain.zeroState(3)).end();   // carried
    CharModel.Forward a = plain.forward(IN, start), b = fast.forward(IN, start);
    assertTrue(largest(a.logits(), b.logits()) < 1e-9, plain.name() + " logits");
    assertTrue(largest(a.hidden(), b.hidden()) < 1e-9, plain.name() + " h");
    if (!a.cell().get(0).isEmpty()) assertTrue(largest(a.cell(), b.cell()) < 1e-9, plain.name() + " c");
    for (int r = 0; r < 3; r++) assertTrue(a.end().h().get(r).closeTo(b.end().h().get(r), 1e-9));
    CharModel.Training<ClassifierWeights<W>> ta = plain.lossAndGradient(IN, OUT, start);
    CharModel.Training<ClassifierWeights<W>> tb = fast.lossAndGradient(IN, OUT, start);
    assertEquals(ta.loss(), tb.loss(), 1e-9);
    assertEquals(ta.characters(), tb.characters());
    double[] ga = ta.gradient().toArray(), gb = tb.gradient().toArray();
    for (int k = 0; k < ga.length; k++) assertEquals(ga[k], gb[k], 1e-9, plain.name() + " gradient entry " + k);
    assertEquals(ta.loss(), fast.score(IN, OUT, start).loss(), 1e-9);
    assertEquals(ta.loss(), plain.score(IN, OUT, start).loss(), 1e-12);
  }

  @Test
  void everyValueAndGradientEqualsTheTeachingPathForAllThreeCores() {
    Random r = new Random(3);
    sameAsTheTeachingPath(RecurrentCharModel.lstm(4, 5, r));
    sameAsTheTeachingPath(RecurrentCharModel.gru(4, 5, r));
    sameAsTheTeachingPath(RecurrentCharModel.rnn(4, 5, r));
  }

  @Test
  void weightsRoundTripAndAStartStateOfTheWrongKindIsRefused() {
    RecurrentCharModel<?> plain = RecurrentCharModel.gru(4, 3, new Random(4));
    BatchCharModel<?> fast = BatchCharModel.of(plain, Precision.DOUBLE);
    assertTrue(java.util.Arrays.equals(plain.weights().toArray(), fast.weights().toArray()));
    assertEquals(plain.name(), fast.name());
    CharModel.State lstmState = CharModel.State.zeros(3, 3, true);
    assertThrows(IllegalArgumentException.class, () -> fast.forward(IN, lstmState));
    assertThrows(IllegalArgumentException.class, () -> fast.forward(IN, fast.zeroState(2)));
  }
}
