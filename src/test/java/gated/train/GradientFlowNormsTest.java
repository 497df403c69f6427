package gated.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.model.Gru;
import gated.model.Lstm;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The gate-product norms are the same statistic as the RNN's Jacobian-product norm: the spectral norm of
 * Π diag(gate_k), checked against the product of the diagonal matrices and power iteration.
 */
class GradientFlowNormsTest {
  private final List<Vec> xs = Fixtures.sequence(7, 4, new Random(3));

  @Test
  void forgetGateProductNormIsTheSpectralNormOfTheDiagonalProduct() {
    Lstm.LstmTrace trace = new Lstm(LstmWeights.random(5, 4, new Random(4))).forward(xs);
    GradientFlow.Profile p = GradientFlow.forgetGateProductNorms("LSTM", trace);
    List<Vec> f = trace.steps().stream().map(s -> s.f()).toList();
    assertAgainstMatrices(p, f);
    assertEquals(GradientFlow.forgetGateProducts("LSTM", trace).values().size(), p.values().size());
  }

  @Test
  void updateGateProductNormIsTheSpectralNormOfTheDiagonalProduct() {
    Gru.GruTrace trace = new Gru(GruWeights.random(5, 4, new Random(5))).forward(xs);
    GradientFlow.Profile p = GradientFlow.updateGateProductNorms("GRU", trace);
    assertAgainstMatrices(p, trace.steps().stream().map(s -> s.z()).toList());
  }

  private static void assertAgainstMatrices(GradientFlow.Profile p, List<Vec> gates) {
    Function<Vec, Matrix> diag = v -> {
      double[][] m = new double[v.size()][v.size()];
      for (int k = 0; k < v.size(); k++) m[k][k] = v.get(k);
      return Matrix.of(m);
    };
    int n = gates.size();
    assertEquals(n, p.values().size());
    assertEquals(1.0, p.at(0));
    Matrix product = Matrix.identity(gates.get(0).size());
    for (int d = 1; d < n; d++) {
      product = product.times(diag.apply(gates.get(n - d)));    // Π diag(gate_k), k = T−d+1 … T
      double byPowerIteration = GradientFlow.spectralNorm(product);   // converges slowly when two units are close
      assertEquals(byPowerIteration, p.at(d), 1e-6 * byPowerIteration, "distance " + d);
    }
  }
}
