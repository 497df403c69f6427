package gated.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.tensor.Vec;
import org.junit.jupiter.api.Test;

class LossTest {
  @Test
  void meanSquaredErrorAndItsGradient() {
    Loss.Value l = Loss.mse(Vec.of(1, 2, 4), Vec.of(1, 0, 1));
    assertEquals((0 + 4 + 9) / 3.0, l.value(), 1e-15);
    assertEquals(Vec.of(0, 4.0 / 3, 2), l.gradient());
    double e = 1e-6;
    for (int k = 0; k < 3; k++) {
      double[] p = {1, 2, 4}, m = {1, 2, 4};
      p[k] += e;
      m[k] -= e;
      double numeric = (Loss.mse(Vec.of(p), Vec.of(1, 0, 1)).value() - Loss.mse(Vec.of(m), Vec.of(1, 0, 1)).value()) / (2 * e);
      assertEquals(numeric, l.gradient().get(k), 1e-8);
    }
    assertThrows(IllegalArgumentException.class, () -> Loss.mse(Vec.of(1, 2), Vec.of(1, 2, 3)));
  }

  @Test
  void crossEntropyOfProbabilitiesAndOfLogitsAgree() {
    Vec logits = Vec.of(0.5, -1, 2);
    Loss.Value l = Loss.softmaxCrossEntropy(logits, 2);
    assertEquals(Loss.crossEntropy(l.probabilities(), 2), l.value(), 1e-15);
    assertEquals(-Math.log(Math.exp(2) / (Math.exp(0.5) + Math.exp(-1) + Math.exp(2))), l.value(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(Vec.of(0.5, 0.5), 3));
  }
}
