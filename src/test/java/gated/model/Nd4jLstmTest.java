package gated.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @Test
  void runsOnTheThreadsItWasGivenAndPutsNd4jsLimitsBack() {
    Random r = new Random(5);
    LstmWeights w = LstmWeights.random(8, 4, r);
    List<List<Vec>> batch = List.of(Fixtures.sequence(6, 4, r), Fixtures.sequence(6, 4, r));
    var env = Nd4j.getEnvironment();
    int before = env.maxThreads(), masterBefore = env.maxMasterThreads(), blasBefore = Nd4j.factory().blas().getMaxThreads();
    Nd4jLstm one = new Nd4jLstm(w);
    assertEquals(1, one.threads());
    List<List<Vec>> fromOne = one.forward(batch);
    assertEquals(before, env.maxThreads(), "ND4J's thread limit is restored after forward");
    assertEquals(masterBefore, env.maxMasterThreads());
    assertEquals(blasBefore, Nd4j.factory().blas().getMaxThreads());
    int cores = Runtime.getRuntime().availableProcessors();
    List<List<Vec>> fromAll = new Nd4jLstm(w, cores).forward(batch);
    for (int s = 0; s < batch.size(); s++) {
      List<Vec> plain = new Lstm(w).forward(batch.get(s)).hs();
      for (int t = 0; t < plain.size(); t++) {
        assertTrue(plain.get(t).closeTo(fromOne.get(s).get(t), 1e-12), "one thread, sequence " + s + " step " + t);
        assertTrue(plain.get(t).closeTo(fromAll.get(s).get(t), 1e-12), cores + " threads, sequence " + s + " step " + t);
      }
    }
    String m = assertThrows(IllegalArgumentException.class, () -> new Nd4jLstm(w, 0)).getMessage();
    assertTrue(m.contains("threads must be between 1 and") && m.contains("got 0"), m);
    assertThrows(IllegalArgumentException.class, () -> new Nd4jLstm(w, cores + 1));
  }
}
