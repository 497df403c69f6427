package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.tensor.Vec;
import gated.train.Loss;
import org.junit.jupiter.api.Test;

class ActivationsTest {

  @Test
  void sigmoidAndTanhStayFiniteAtPlusMinusAThousand() {
    assertEquals(1.0, Activations.sigmoid(1000));
    assertEquals(0.0, Activations.sigmoid(-1000));
    assertEquals(1.0, Activations.tanh(1000));
    assertEquals(-1.0, Activations.tanh(-1000));
    assertEquals(0.0, Activations.sigmoidDerivative(-1000));
    assertEquals(0.0, Activations.tanhDerivative(1000));
    assertEquals(0.5, Activations.sigmoid(0));
    assertEquals(1 / (1 + Math.exp(-0.3)), Activations.sigmoid(0.3), 1e-16);
    assertEquals(1 / (1 + Math.exp(2.5)), Activations.sigmoid(-2.5), 1e-16);
  }

  @Test
  void softmaxIsStableAndSumsToOne() {
    Vec p = Activations.softmax(Vec.of(1000, 0, -1000));
    assertTrue(p.isFinite());
    assertEquals(Vec.of(1, 0, 0), p);
    Vec q = Activations.softmax(Vec.of(1, 2, 3));
    assertEquals(1.0, q.sum(), 1e-15);
    assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), q.get(0), 1e-15);
  }

  @Test
  void crossEntropyOfHugeLogitsIsFinite() {
    Loss.Value l = Loss.softmaxCrossEntropy(Vec.of(1000, -1000), 1);
    assertEquals(2000.0, l.value(), 1e-9);
    assertTrue(l.gradient().isFinite());
    assertEquals(Vec.of(1, -1), l.gradient());
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    for (double z : new double[] {-3, -0.5, 0, 0.7, 2}) {
      double e = 1e-6;
      assertEquals((Activations.sigmoid(z + e) - Activations.sigmoid(z - e)) / (2 * e), Activations.sigmoidDerivative(z), 1e-8);
      assertEquals((Math.tanh(z + e) - Math.tanh(z - e)) / (2 * e), Activations.tanhDerivative(z), 1e-8);
    }
  }
}
