package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeds 000/003 write W·[h; x] + b, seeds 001/002 write x·W_x + h·W_h + b: the same gate. */
class GateWeightsTest {
  final Random r = new Random(8);
  final LstmWeights w = LstmWeights.random(3, 4, r);
  final Vec x = Fixtures.randomVec(4, r), h = Fixtures.randomVec(3, r), c = Fixtures.randomVec(3, r);

  @Test
  void rowAndColumnConventionsGiveTheSameGate() {
    GateWeights f = w.forget();
    Vec column = f.w().times(h.concat(x)).plus(f.b());                       // W_f·[h; x] + b_f
    Vec row = x.times(f.wxRows()).plus(h.times(f.whRows())).plus(f.b());     // x·W_x + h·W_h + b
    assertTrue(column.closeTo(row, 1e-14));
    assertEquals(f, GateWeights.fromRows(f.wxRows(), f.whRows(), f.b()));
    assertEquals("4×3", f.wxRows().shape());
    assertEquals("3×3", f.whRows().shape());
  }

  @Test
  void forgetGateOfSeed000HasTwentyOneWeightsAndThreeBiases() {
    assertEquals("3×7", LstmWeights.zeros(3, 4).forget().w().shape());
    assertEquals(24, 21 + LstmWeights.zeros(3, 4).forget().b().size());
  }
}
