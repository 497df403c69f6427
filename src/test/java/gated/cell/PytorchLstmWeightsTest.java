package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PyTorch's layout, blocks i, f, g, o with two biases, converts both ways and checks shapes. */
class PytorchLstmWeightsTest {
  final Random r = new Random(8);
  final LstmWeights w = LstmWeights.random(3, 4, r);
  final Vec x = Fixtures.randomVec(4, r), h = Fixtures.randomVec(3, r), c = Fixtures.randomVec(3, r);

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
}
