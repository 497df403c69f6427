package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 001's bundled matrix, blocks f, g, i, o, computes the same step. */
class FusedLstmWeightsTest {
  final Random r = new Random(8);
  final LstmWeights w = LstmWeights.random(3, 4, r);
  final Vec x = Fixtures.randomVec(4, r), h = Fixtures.randomVec(3, r), c = Fixtures.randomVec(3, r);

  @Test
  void fusedWeightsGiveTheSameStepAndRoundTrip() {
    FusedLstmWeights fused = w.toFused();
    assertEquals("4×12", fused.wx().shape());
    assertEquals("3×12", fused.wh().shape());
    LstmStep a = new LstmCell(w).step(x, h, c);
    LstmStep b = fused.step(x, h, c);
    assertTrue(a.h().closeTo(b.h(), 1e-14) && a.c().closeTo(b.c(), 1e-14));
    assertTrue(a.zi().closeTo(b.zi(), 1e-14) && a.zg().closeTo(b.zg(), 1e-14));
    assertEquals(w, fused.toLstmWeights());
    // Block order f, g, i, o: columns 3..5 of W_x are the candidate's.
    assertEquals(w.candidate().wxRows(), fused.wx().block(0, 4, 3, 6));
  }
}
