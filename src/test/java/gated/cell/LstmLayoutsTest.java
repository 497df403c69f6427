package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The layouts of seeds 000/003 (columns), 001/002 (rows), seed 001's fused matrix, and PyTorch give the same cell. */
class LstmLayoutsTest {
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

  @Test
  void pytorchLayoutUsesBlocksIfgoAndSumsItsTwoBiases() {
    PytorchLstmWeights p = w.toPytorch();
    assertEquals("12×4", p.weightIh().shape());
    assertEquals(w.input().inputBlock(), p.weightIh().block(0, 3, 0, 4));
    assertEquals(w.forget().hiddenBlock(), p.weightHh().block(3, 6, 0, 3));
    assertEquals(w, p.toLstmWeights());
    Vec half = Vec.fill(12, 0.25);
    PytorchLstmWeights split = new PytorchLstmWeights(p.weightIh(), p.weightHh(), p.biasIh().minus(half), half);
    assertTrue(new LstmCell(split.toLstmWeights()).step(x, h, c).h().closeTo(new LstmCell(w).step(x, h, c).h(), 1e-15));
  }

  @Test
  void pytorchImportFailsLoudlyOnAWrongBias() {
    PytorchLstmWeights p = w.toPytorch();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PytorchLstmWeights(p.weightIh(), p.weightHh(), Vec.zeros(9), p.biasHh()));
    assertTrue(e.getMessage().contains("bias_ih has 9 entries but 4H is 12"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PytorchLstmWeights(Matrix.zeros(12, 4).transpose(), p.weightHh(), p.biasIh(), p.biasHh()));
    assertTrue(e.getMessage().contains("weight_ih is 4×12"), e.getMessage());
  }

  @Test
  void forgetGateOfSeed000HasTwentyOneWeightsAndThreeBiases() {
    assertEquals("3×7", LstmWeights.zeros(3, 4).forget().w().shape());
    assertEquals(24, 21 + LstmWeights.zeros(3, 4).forget().b().size());
  }
}
