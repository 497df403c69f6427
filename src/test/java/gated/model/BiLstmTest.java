package gated.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BiLstmTest {
  final Random r = new Random(21);
  final BiLstmWeights w = BiLstmWeights.random(3, 4, r);
  final List<Vec> xs = Fixtures.sequence(5, 4, r);

  @ParameterizedTest
  @EnumSource(MergeMode.class)
  void outputSizeFollowsFromTheMergeMode(MergeMode mode) {
    BiLstm bi = new BiLstm(w, mode);
    int expected = mode == MergeMode.CONCAT ? 6 : 3;
    assertEquals(expected, bi.outputSize());
    BiLstm.BiTrace t = bi.forward(xs);
    assertEquals(5, t.outputs().size());
    for (Vec y : t.outputs()) assertEquals(expected, y.size());
  }

  @ParameterizedTest
  @EnumSource(MergeMode.class)
  void eachOutputMergesTheTwoDirectionsAtTheSameStep(MergeMode mode) {
    BiLstm.BiTrace t = new BiLstm(w, mode).forward(xs);
    List<Vec> fwd = new Lstm(w.forward()).forward(xs).hs();
    List<Vec> bwd = Sequences.reversed(new Lstm(w.backward()).forward(Sequences.reversed(xs)).hs());
    for (int k = 0; k < xs.size(); k++) {
      Vec f = fwd.get(k), b = bwd.get(k);
      Vec expected = switch (mode) {
        case CONCAT -> f.concat(b);
        case SUM -> f.plus(b);
        case AVERAGE -> f.plus(b).scale(0.5);
        case MULTIPLY -> f.hadamard(b);
      };
      assertTrue(expected.closeTo(t.outputs().get(k), 1e-15), mode + " at t=" + k);
    }
  }

  @ParameterizedTest
  @EnumSource(MergeMode.class)
  void theFirstOutputDependsOnTheLastInput(MergeMode mode) {
    BiLstm bi = new BiLstm(w, mode);
    List<Vec> changed = new ArrayList<>(xs);
    changed.set(4, xs.get(4).scale(-3));
    assertNotEquals(bi.forward(xs).outputs().get(0), bi.forward(changed).outputs().get(0));
    assertEquals(new Lstm(w.forward()).forward(xs).hs().get(0), new Lstm(w.forward()).forward(changed).hs().get(0),
        "a forward LSTM's first output cannot see the future");
  }
}
