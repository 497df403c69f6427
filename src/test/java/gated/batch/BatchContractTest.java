package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shapes, lifetimes of views, state carried between segments, non-finite gradients, and allocation. */
class BatchContractTest {
  static final Random R = new Random(2);

  static SeqBatch dense(int steps, int batch, int x, Random r) {
    List<List<Vec>> xs = new ArrayList<>();
    for (int b = 0; b < batch; b++) xs.add(Fixtures.sequence(steps, x, r));
    return SeqBatch.of(xs, Precision.DOUBLE);
  }

  static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void shapeErrorsNameTheShapesAndTheEquation() {
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(3, 4, R), Precision.DOUBLE);
    String m = message(() -> lstm.forward(dense(5, 2, 6, R)));
    assertTrue(m.contains("T=5 × B=2 × F=6") && m.contains("W_x is 4×12") && m.contains("H_{t-1}·W_h"), m);
    m = message(() -> lstm.forward(Tokens.of(new int[][] {{0, 1}}, 7)));
    assertTrue(m.contains("V = 7") && m.contains("X = 4"), m);
    m = message(() -> lstm.forward(dense(5, 2, 4, R), State.of(Matrix.zeros(2, 3))));
    assertTrue(m.contains("1 parts") && m.contains("h and c"), m);
    m = message(() -> lstm.forward(dense(5, 2, 4, R), State.of(Matrix.zeros(2, 3), Matrix.zeros(2, 5))));
    assertTrue(m.contains("2×5") && m.contains("B = 2") && m.contains("H = 3"), m);
    BatchTrace tr = lstm.forward(dense(5, 2, 4, R));
    m = message(() -> lstm.backward(tr, SeqBatch.zeros(4, 2, 3, Precision.DOUBLE)));
    assertTrue(m.contains("T=4 × B=2 × F=3") && m.contains("T=5 × B=2 × F=3"), m);
    m = message(() -> lstm.forward(SeqBatch.zeros(5, 2, 4, Precision.FLOAT)));
    assertTrue(m.contains("FLOAT") && m.contains("DOUBLE"), m);
    m = message(() -> BatchGru.of(GruWeights.random(3, 4, R), Precision.DOUBLE).backward(tr, null));
    assertTrue(m.contains("not made by this layer"), m);
  }

  @Test
  void minibatchesMustBeRectangularAndInRange() {
    List<List<Vec>> ragged = List.of(Fixtures.sequence(3, 2, R), Fixtures.sequence(4, 2, R));
    String m = message(() -> SeqBatch.of(ragged, Precision.DOUBLE));
    assertTrue(m.contains("sequence 1 has 4 steps but sequence 0 has 3"), m);
    m = message(() -> Tokens.of(new int[][] {{0, 5}}, 5));
    assertTrue(m.contains("index 5") && m.contains("0..4"), m);
    m = message(() -> SeqBatch.of(new double[][][] {{{1, Double.NaN}}}, Precision.DOUBLE));
    assertTrue(m.contains("NaN"), m);
  }

  @Test
  void viewsOfReusedBuffersRefuseToBeReadAfterTheNextPass() {
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(3, 4, R), Precision.DOUBLE);
    SeqBatch x = dense(5, 2, 4, R);
    BatchLstm.LstmTrace first = lstm.forward(x);
    SeqBatch kept = first.outputs().copy();
    double before = first.outputs().get(1, 2, 0);
    lstm.forward(dense(5, 2, 4, R));
    assertFalse(first.outputs().isReadable());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.outputs().get(1, 2, 0));
    assertTrue(e.getMessage().contains("overwritten"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> lstm.backward(first, null));
    assertEquals(before, kept.get(1, 2, 0));
    // a backward pass leaves its forward pass readable, but the next backward pass overwrites ∂L/∂x
    BatchLstm.LstmTrace t = lstm.forward(x);
    BatchGradients<LstmWeights> g1 = lstm.backward(t, SeqBatch.zeros(5, 2, 3, Precision.DOUBLE));
    assertTrue(t.outputs().isReadable());
    lstm.backward(t, SeqBatch.zeros(5, 2, 3, Precision.DOUBLE));
    assertFalse(g1.dInputs().isReadable());
  }

  @Test
  void withWeightsSharesTheBuffersButNotTheTraces() {
    LstmWeights w = LstmWeights.random(3, 4, R);
    BatchLstm a = BatchLstm.of(w, Precision.DOUBLE);
    BatchTrace tr = a.forward(dense(5, 2, 4, R));
    long bytes = a.bufferBytes();
    BatchLstm b = a.withWeights(w.scale(0.5));
    assertNotSame(a, b);
    assertThrows(IllegalArgumentException.class, () -> b.backward(tr, null));
    b.forward(dense(5, 2, 4, R));
    assertEquals(bytes, b.bufferBytes());
    assertFalse(tr.outputs().isReadable());
  }

  /** Truncated BPTT: two segments with the state carried equal one pass over the whole sequence. */
  @Test
  void carryingTheStateContinuesTheSequence() {
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(3, 4, R), Precision.DOUBLE);
    int[][] ids = new int[2][10];
    for (int[] row : ids) for (int t = 0; t < 10; t++) row[t] = R.nextInt(4);
    int[][] first = new int[2][], second = new int[2][];
    for (int b = 0; b < 2; b++) {
      first[b] = java.util.Arrays.copyOfRange(ids[b], 0, 6);
      second[b] = java.util.Arrays.copyOfRange(ids[b], 6, 10);
    }
    SeqBatch whole = lstm.forward(Tokens.of(ids, 4)).outputs().copy();
    State s = lstm.forward(Tokens.of(first, 4)).finalState();
    BatchLstm.LstmTrace rest = lstm.forward(Tokens.of(second, 4), s);
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 4; t++) assertTrue(rest.outputs().vector(b, t).closeTo(whole.vector(b, t + 6), 1e-12));
      assertTrue(rest.cells().vector(b, 3).closeTo(rest.finalState().part(1).row(b), 0));
    }
  }

  /** The LSTM trace's views of c_t and of each gate hold what the teaching LSTM's steps hold. */
  @Test
  void lstmTraceShowsCellStatesAndGatesOfEveryStep() {
    LstmWeights w = LstmWeights.random(3, 4, R);
    for (boolean reverse : new boolean[] {false, true}) {
      BatchLstm lstm = reverse ? BatchLstm.reversed(w, Precision.DOUBLE) : BatchLstm.of(w, Precision.DOUBLE);
      SeqBatch x = dense(6, 2, 4, R);
      BatchLstm.LstmTrace tr = lstm.forward(x);
      for (int b = 0; b < 2; b++) {
        List<Vec> xs = x.sequence(b);
        gated.model.Lstm.LstmTrace plain = new gated.model.Lstm(w).forward(reverse ? gated.model.Sequences.reversed(xs) : xs);
        for (int t = 0; t < 6; t++) {
          gated.cell.LstmStep step = plain.step(reverse ? 5 - t : t);
          assertTrue(tr.cells().vector(b, t).closeTo(step.c(), 1e-12), "c_t");
          for (gated.cell.LstmGate g : gated.cell.LstmGate.values()) {
            assertTrue(tr.gate(g).vector(b, t).closeTo(step.gate(g), 1e-12), g + " at step " + t);
          }
        }
      }
    }
  }

  @Test
  void anOverflowingGradientIsReportedNotReturned() {
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(3, 4, R), Precision.DOUBLE);
    BatchTrace tr = lstm.forward(dense(3, 1, 4, R));
    double[][][] huge = new double[1][3][3];
    for (double[][] s : huge) for (double[] v : s) java.util.Arrays.fill(v, 1e308);
    Matrix big = Matrix.of(new double[][] {{1e308, 1e308, 1e308}});
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> lstm.backward(tr, SeqBatch.of(huge, Precision.DOUBLE), State.of(big, big)));
    assertTrue(e.getMessage().contains("exploding"), e.getMessage());
  }

  @Test
  void productWindowsAreCheckedBeforeNativeCode() {
    Mem a = Mem.allocate(Precision.DOUBLE, 6, "test"), c = Mem.allocate(Precision.DOUBLE, 4, "test");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Gemm.mm(false, false, 2, 2, 4, 1, a, 0, 4, a, 0, 2, 0, c, 0, 2));
    assertTrue(e.getMessage().contains("2×4"), e.getMessage());
  }

  @Test
  void tanhFromOneExponentialIsWithinRoundingOfMathTanh() {
    Random r = new Random(4);
    double worst = 0;
    for (int k = 0; k < 200_000; k++) {
      double z = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 4);
      worst = Math.max(worst, Math.abs(Pointwise.tanh(z) - Math.tanh(z)));
      assertEquals(gated.cell.Activations.sigmoid(z), Pointwise.sigmoid(z));
    }
    assertTrue(worst <= 3e-16, "worst |Pointwise.tanh − Math.tanh| = " + worst);
    assertEquals(1.0, Pointwise.tanh(1000));
    assertEquals(-1.0, Pointwise.tanh(-1000));
    assertEquals(0.0, Pointwise.tanh(0));
  }

  /** Nothing allocated per step: a forward and backward pass of 40 steps allocates what one of 10 steps does. */
  @Test
  void heapAllocationDoesNotGrowWithTheNumberOfSteps() {
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(8, 5, R), Precision.DOUBLE);
    long[] bytes = new long[2];
    int[] lengths = {10, 40};
    for (int k = 0; k < 2; k++) {
      SeqBatch x = dense(lengths[k], 3, 5, R), d = SeqBatch.zeros(lengths[k], 3, 8, Precision.DOUBLE);
      for (int warm = 0; warm < 50; warm++) lstm.backward(lstm.forward(x), d);
      long before = mx.getCurrentThreadAllocatedBytes();
      for (int rep = 0; rep < 20; rep++) lstm.backward(lstm.forward(x), d);
      bytes[k] = (mx.getCurrentThreadAllocatedBytes() - before) / 20;
    }
    assertTrue(Math.abs(bytes[1] - bytes[0]) < 2048, "bytes per call: T=10 " + bytes[0] + ", T=40 " + bytes[1]);
  }
}
