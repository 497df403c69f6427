package gated.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J fast path computes what the plain teaching path computes. */
class Nd4jLstmTest {

  @BeforeAll
  static void doublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @Test
  void equalsThePlainLstmOnAMinibatch() {
    for (int[] sizes : new int[][] {{4, 3, 1, 1}, {4, 3, 20, 3}, {16, 32, 7, 5}}) {
      Random r = new Random(sizes[2]);
      LstmWeights w = LstmWeights.random(sizes[1], sizes[0], r);
      List<List<Vec>> batch = new java.util.ArrayList<>();
      for (int s = 0; s < sizes[3]; s++) batch.add(Fixtures.sequence(sizes[2], sizes[0], r));
      List<List<Vec>> fast = new Nd4jLstm(w).forward(batch);
      for (int s = 0; s < batch.size(); s++) {
        List<Vec> plain = new Lstm(w).forward(batch.get(s)).hs();
        for (int t = 0; t < plain.size(); t++) {
          assertTrue(plain.get(t).closeTo(fast.get(s).get(t), 1e-12), "sequence " + s + " step " + t);
        }
      }
    }
  }
}
