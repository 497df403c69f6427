package gated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.Dl4jLstmWeights;
import gated.cell.FusedLstmWeights;
import gated.cell.LstmCell;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.PytorchLstmWeights;
import gated.cell.RnnCell;
import gated.cell.RnnWeights;
import gated.model.DenseWeights;
import gated.model.Embedding;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.MergeMode;
import gated.model.ParamCount;
import gated.model.Rnn;
import gated.model.Sequences;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Adam;
import gated.train.GradientCheck;
import gated.train.GradientFlow;
import gated.train.Loss;
import gated.train.NonFiniteException;
import gated.train.Sgd;
import gated.cell.GruWeights;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, "bad input never gives a silent wrong answer": the 21 inputs that gave a silent wrong result
 * (S01–S21) and the 21 that gave an unhelpful exception (U01–U21). Each case is named after the issue's
 * wording and must now fail with an {@link IllegalArgumentException} (or its subclass
 * {@link NonFiniteException}) whose message names the operation and the offending shapes or values.
 */
class Issue14CasesTest {
  static final Random R = new Random(14);
  static final Vec X4 = Vec.of(1, 0, -1, 0.5);
  static final LstmWeights W34 = LstmWeights.random(3, 4, R);

  static Arguments fails(String name, Class<? extends IllegalArgumentException> type, Executable action,
      String... fragments) {
    return Arguments.of(name, type, action, fragments);
  }

  static Arguments fails(String name, Executable action, String... fragments) {
    return fails(name, IllegalArgumentException.class, action, fragments);
  }

  // ---------------------------------------------------------------- silent wrong results

  static Stream<Arguments> silentWrongResults() {
    LstmWeights big = LstmWeights.random(3, 6, R);                  // 120 numbers
    LstmWeights h2x6 = LstmWeights.random(2, 6, R);                 // 72 numbers
    LstmWeights h3x2 = LstmWeights.random(3, 2, R);                 // 72 numbers too
    DenseWeights dense23 = DenseWeights.random(2, 3, R);
    Embedding e = new Embedding(Matrix.of(3, 2, 1, 2, 3, 4, 5, 6));
    return Stream.of(
        fails("S01 GradientCheck passes an all-NaN analytic gradient",
            () -> GradientCheck.check(W34, W34.withArray(nans(W34.count())), w -> 0.0),
            "gradient check", "the analytic gradient holds NaN at entry 0"),
        fails("S02 GradientCheck passes when the loss returns NaN",
            () -> GradientCheck.check(W34, W34.zerosLike(), w -> Double.NaN),
            "gradient check", "the loss L(θ + εe_0) is NaN"),
        fails("S03 Sgd.step truncates a larger gradient of another model",
            () -> Sgd.withLearningRate(0.1).step(W34, big),
            "SGD step θ − α·∇L", "θ is LSTM weights (H = 3, X = 4", "∇L is LSTM weights (H = 3, X = 6"),
        fails("S04 Adam.step truncates a larger gradient of another model",
            () -> Adam.withLearningRate(0.1).step(W34, big),
            "Adam step", "θ is LSTM weights (H = 3, X = 4", "∇L is LSTM weights (H = 3, X = 6"),
        fails("S05 a gradient with the same count but other shapes (H2,X6 vs H3,X2) is applied as if it matched",
            () -> Sgd.withLearningRate(0.1).step(h3x2, h2x6),
            "SGD step", "θ is LSTM weights (H = 3, X = 2: W_f, W_i, W_g, W_o 3×5", "∇L is LSTM weights (H = 2, X = 6"),
        fails("S06 one Adam shared by two models mixes their moments", Issue14CasesTest::oneAdamTwoModels,
            "Adam step", "not the weights this Adam returned at step 1", "Use one Adam per model"),
        fails("S07 Adam with a huge learning rate returns weights holding -Infinity", NonFiniteException.class,
            Issue14CasesTest::adamWithAHugeLearningRate, "Adam step", "the updated weights holds -Infinity",
            "lower the learning rate"),
        fails("S08 LSTM backward accepts a step from a cell with another input size (3×5 gradient for a 3×7 W_f)",
            () -> new LstmCell(W34).backward(new LstmCell(LstmWeights.random(3, 2, R)).step(Vec.of(1, 2), zeros(3),
                zeros(3)), zeros(3), zeros(3)),
            "LSTM backward", "x_t of 2 entries", "reads x_t of 4", "W_f is 3×7", "another cell"),
        fails("S09 LSTM backward truncates a trace of another input size (120 gradient numbers into 96 weights)",
            () -> Lstm.of(W34).backward(Lstm.of(big).forward(List.of(Vec.zeros(6))), List.of(zeros(3))),
            "LSTM backward", "recorded by LSTM weights (H = 3, X = 6", "this model has LSTM weights (H = 3, X = 4"),
        fails("S10 LSTM backward accepts a hand-built step holding NaN", () -> stepWithNaN(),
            "LSTM step record", "f_t holds NaN at index 0"),
        fails("S11 DenseWeights.backward gives a 2×5 ∂L/∂W for a 2×3 W",
            () -> dense23.backward(Vec.of(1, 2, 3, 4, 5), Vec.of(1, 1)),
            "dense layer backward", "h has 5 entries", "input size (W is 2×3) is 3"),
        fails("S12 DenseWeights.backward returns NaN for a NaN gradient", NonFiniteException.class,
            () -> dense23.backward(Vec.of(1, 2, 3), Vec.of(Double.NaN, 1)),
            "dense layer backward", "∂L/∂y holds NaN at index 0"),
        fails("S13 Embedding.viaOneHot accepts [0.5, 0.5, 7]", () -> e.viaOneHot(Vec.of(0.5, 0.5, 7)),
            "embedding via one-hot e_k·E", "[0.5000, 0.5000, 7.0000] is not one-hot", "entry 0 is 0.5"),
        fails("S14 Embedding.viaOneHot accepts NaN", () -> e.viaOneHot(Vec.of(0, Double.NaN, 1)),
            "embedding via one-hot e_k·E", "not one-hot", "entry 1 is NaN"),
        fails("S15 Loss.crossEntropy accepts a distribution that does not sum to 1",
            () -> Loss.crossEntropy(Vec.of(0.5, 0.9), 0),
            "cross-entropy −log p_y", "sum to 1.4", "not a distribution"),
        fails("S16 Matrix.zeros(65536, 65536) overflows int to a 0-length array", () -> Matrix.zeros(65536, 65536),
            "Matrix.zeros", "65536×65536", "4294967296 entries", "at most 2147483639"),
        fails("S17 Matrix.uniform(…, NaN) returns NaN", () -> Matrix.uniform(2, 2, Double.NaN, new Random(1)),
            "Matrix.uniform", "scale", "NaN"),
        fails("S18 ParamCount.lstm(MAX, MAX) returns a negative total",
            () -> ParamCount.lstm(Integer.MAX_VALUE, Integer.MAX_VALUE, ParamCount.Bias.ONE),
            "parameter count", "is more than a long holds (9223372036854775807)"),
        fails("S19 MergeMode.CONCAT.outputSize(-1) returns -2", () -> MergeMode.CONCAT.outputSize(-1),
            "BiLSTM output size", "hidden size H must be at least 1, got -1"),
        fails("S20 the LSTM step turns Double.MAX_VALUE inputs into infinite pre-activations", NonFiniteException.class,
            () -> new LstmCell(ones(3, 4)).step(Vec.fill(4, Double.MAX_VALUE), zeros(3), zeros(3)),
            "forget gate z_f = W_f·[h_{t-1}; x_t] + b_f", "Infinity", "overflowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("silentWrongResults")
  void aSilentWrongResultIsNowAClearError(String name, Class<? extends IllegalArgumentException> type,
      Executable action, String[] fragments) {
    assertFailsNaming(name, type, action, fragments);
  }

  /** S21: the layouts' block orders are immutable lists; no layout publishes an array that could be changed. */
  @Test
  void s21TheLayoutsBlockOrdersAreImmutableAndAChangedArrayIsRefused() {
    assertEquals(List.of(LstmGate.FORGET, LstmGate.CANDIDATE, LstmGate.INPUT, LstmGate.OUTPUT),
        FusedLstmWeights.blockOrder());
    assertEquals(List.of(LstmGate.INPUT, LstmGate.FORGET, LstmGate.CANDIDATE, LstmGate.OUTPUT),
        PytorchLstmWeights.blockOrder());
    assertEquals(List.of(LstmGate.CANDIDATE, LstmGate.FORGET, LstmGate.OUTPUT, LstmGate.INPUT),
        Dl4jLstmWeights.blockOrder());
    assertThrows(UnsupportedOperationException.class, () -> FusedLstmWeights.blockOrder().set(0, LstmGate.OUTPUT));
    assertThrows(UnsupportedOperationException.class, () -> PytorchLstmWeights.blockOrder().set(0, LstmGate.OUTPUT));
    assertThrows(UnsupportedOperationException.class, () -> Dl4jLstmWeights.blockOrder().set(0, LstmGate.OUTPUT));
    for (Class<?> layout : List.of(FusedLstmWeights.class, PytorchLstmWeights.class, Dl4jLstmWeights.class)) {
      for (java.lang.reflect.Field f : layout.getFields()) {
        assertFalse(f.getType().isArray(), layout.getSimpleName() + "." + f.getName() + " is a public array");
      }
    }
    assertEquals(W34, W34.toFused().toLstmWeights());
    assertEquals(W34, W34.toPytorch().toLstmWeights());
    assertEquals(W34, W34.toDl4j().toLstmWeights());
  }

  // ---------------------------------------------------------------- unhelpful exceptions

  static Stream<Arguments> unhelpfulExceptions() {
    Rnn rnn = Rnn.of(RnnWeights.random(3, 4, R));
    Lstm lstm = Lstm.of(W34);
    List<Vec> xs = List.of(X4, X4);
    return Stream.of(
        fails("U01 NullPointerException from Vec.times(null)", () -> X4.times(null),
            "vector-matrix product v·W", "W is null"),
        fails("U02 NullPointerException from Matrix.minus(null)", () -> Matrix.zeros(2, 2).minus(null),
            "matrix difference A − B", "the second matrix is null"),
        fails("U03 NullPointerException from Matrix.outer(null, …)", () -> Matrix.outer(null, X4),
            "outer product a ⊗ b", "a is null"),
        fails("U04 NullPointerException from Matrix.hstack(null)", () -> Matrix.hstack((Matrix) null),
            "Matrix.hstack", "block 0 is null"),
        fails("U05 NullPointerException from RnnCell.jacobian(null)", () -> rnn.cell().jacobian(null),
            "RNN Jacobian ∂h_t/∂h_{t-1} = diag(1 − h_t²)·W_h", "step is null"),
        fails("U06 NullPointerException from DenseWeights.backward(null, …)",
            () -> DenseWeights.random(2, 3, R).backward(null, Vec.of(1, 1)), "dense layer backward", "h is null"),
        fails("U07 NullPointerException from GradientFlow.hiddenGradientNorms(…, null)",
            () -> GradientFlow.hiddenGradientNorms("RNN", null, xs), "gradient flow", "model is null"),
        fails("U08 NullPointerException from GradientFlow.cellGradientNorms(…, null, …)",
            () -> GradientFlow.cellGradientNorms("LSTM", null, xs), "gradient flow", "LSTM is null"),
        fails("U09 NullPointerException from GradientFlow.forgetGateProducts(…, null)",
            () -> GradientFlow.forgetGateProducts("LSTM", null), "forget gate products", "trace is null"),
        fails("U10 NullPointerException from GradientFlow.updateGateProducts(…, null)",
            () -> GradientFlow.updateGateProducts("GRU", null), "update gate products", "trace is null"),
        fails("U11 NullPointerException from GradientFlow.rnnJacobianProducts(…, null)",
            () -> GradientFlow.rnnJacobianProducts("RNN", rnn, null), "RNN Jacobian products", "trace is null"),
        fails("U12 NullPointerException from Sgd.step(null, …)", () -> Sgd.withLearningRate(0.1).step(null, W34),
            "SGD step θ − α·∇L", "θ (the weights) is null"),
        fails("U13 ArrayIndexOutOfBounds from Matrix.identity(65536)", () -> Matrix.identity(65536),
            "Matrix.identity", "65536×65536", "4294967296 entries"),
        fails("U14 ArrayIndexOutOfBounds from Vocabulary.word(99)", () -> Vocabulary.of("cat", "mat", "rat").word(99),
            "vocabulary", "word index 99 is outside 0..2"),
        fails("U15 ArrayIndexOutOfBounds from GradientFlow.Profile.at(99)",
            () -> GradientFlow.hiddenGradientNorms("RNN", rnn, xs).at(99),
            "gradient profile \"RNN\"", "distance 99 is outside 0..1"),
        fails("U16 ArrayIndexOutOfBounds from LSTM backward with a smaller-input trace",
            () -> lstm.backward(Lstm.of(LstmWeights.random(3, 2, R)).forward(List.of(Vec.of(1, 2))), List.of(zeros(3))),
            "LSTM backward", "recorded by LSTM weights (H = 3, X = 2", "this model has LSTM weights (H = 3, X = 4"),
        fails("U17 ArrayIndexOutOfBounds from Sgd.step with a smaller gradient",
            () -> Sgd.withLearningRate(0.1).step(W34, LstmWeights.random(3, 2, R)),
            "SGD step", "θ is LSTM weights (H = 3, X = 4", "∇L is LSTM weights (H = 3, X = 2"),
        fails("U18 IndexOutOfBounds from Sequences.onlyLast of an empty list", () -> Sequences.onlyLast(0, X4),
            "Sequences.onlyLast", "the number of steps must be at least 1, got 0"),
        fails("U19 OutOfMemoryError from Vec.fill(Integer.MAX_VALUE, 0)", () -> Vec.fill(Integer.MAX_VALUE, 0),
            "Vec.fill", "2147483647 entries", "at most 2147483639"),
        fails("U20 a negative count in the message of Matrix.of(Integer.MAX_VALUE, 2, …)",
            () -> Matrix.of(Integer.MAX_VALUE, 2, 1, 2), "Matrix.of", "2147483647×2", "4294967294 entries"),
        fails("U21 Vocabulary.encode(\"   \") complains about \"\"", () -> Vocabulary.of("cat").encode("   "),
            "vocabulary", "the sentence \"   \" is empty", "no words"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unhelpfulExceptions")
  void anUnhelpfulExceptionIsNowAClearError(String name, Class<? extends IllegalArgumentException> type,
      Executable action, String[] fragments) {
    assertFailsNaming(name, type, action, fragments);
  }

  @Test
  void thereAreTwentyOneCasesOfEachKind() {
    assertEquals(20, silentWrongResults().count(), "S01–S20 here, S21 has its own test");
    assertEquals(21, unhelpfulExceptions().count());
  }

  // ---------------------------------------------------------------- what still works, and state after a failure

  /** A failed Adam step leaves m, v and t untouched: the next good step equals a fresh Adam's first step. */
  @Test
  void aFailedAdamStepLeavesItsMomentsAsTheyWere() {
    Adam adam = Adam.withLearningRate(0.01);
    LstmWeights g = W34.withArray(filled(W34.count(), 1e300));
    assertThrows(NonFiniteException.class, () -> adam.step(W34, g));
    LstmWeights ok = W34.withArray(filled(W34.count(), 0.5));
    assertEquals(Adam.withLearningRate(0.01).step(W34, ok), adam.step(W34, ok));
  }

  /** One Adam per model, fed the weights it returned, keeps working step after step. */
  @Test
  void adamAcceptsTheWeightsItReturnedEvenAsANewButEqualObject() {
    Adam adam = Adam.withLearningRate(0.01);
    LstmWeights g = W34.withArray(filled(W34.count(), 0.5));
    LstmWeights w1 = adam.step(W34, g);
    LstmWeights copy = W34.withArray(w1.toArray());               // equal values, another object
    LstmWeights w2 = adam.step(copy, g);
    assertTrue(w2.toArray()[0] < w1.toArray()[0], "a positive gradient keeps lowering the weight");
  }

  /** Training a classifier with Adam, SGD and clipping still works (the trainer feeds Adam its own weights). */
  @Test
  void aGruClassifierStillTrainsWithAdam() {
    Random r = new Random(2);
    var clf = gated.train.Classifier.of(Gru.of(GruWeights.random(3, 2, r)), 2, r);
    List<gated.train.Example> data = List.of(
        gated.train.Example.labelled(List.of(Vec.of(1, 0), Vec.of(0, 1)), 0),
        gated.train.Example.labelled(List.of(Vec.of(0, 1), Vec.of(1, 0)), 1));
    var h = gated.train.Trainer.builder().epochs(40).batchSize(2).adam(0.1).seed(1).build().fit(clf, data, List.of());
    assertTrue(!h.hasDiverged() && h.finalTrainAccuracy() == 1.0, h.loss().toString());
  }

  // ---------------------------------------------------------------- helpers

  static void oneAdamTwoModels() {
    Adam shared = Adam.withLearningRate(0.01);
    LstmWeights a = LstmWeights.random(3, 4, new Random(1));
    LstmWeights b = LstmWeights.random(3, 4, new Random(2));
    shared.step(a, a.withArray(filled(a.count(), 0.1)));
    shared.step(b, b.withArray(filled(b.count(), 0.1)));            // model b would get model a's moments
  }

  /** α = 1.8e308: the first step moves every weight to about −1.8e308, the second would pass −Infinity. */
  static void adamWithAHugeLearningRate() {
    Adam adam = Adam.withLearningRate(Double.MAX_VALUE);
    LstmWeights g = W34.withArray(filled(W34.count(), 1));
    LstmWeights once = adam.step(W34, g);
    assertTrue(Arrays.stream(once.toArray()).allMatch(Double::isFinite), "one step is still finite");
    adam.step(once, g);
  }

  static LstmStep stepWithNaN() {
    LstmStep good = new LstmCell(W34).step(X4, zeros(3), zeros(3));
    Vec f = Vec.of(Double.NaN, 0.5, 0.5);
    return new LstmStep(good.x(), good.hPrev(), good.cPrev(), good.zf(), f, good.zi(), good.i(), good.zg(), good.g(),
        good.zo(), good.o(), good.c(), good.tanhC(), good.h());
  }

  static LstmWeights ones(int h, int x) {
    Matrix w = Matrix.of(h, h + x, filled(h * (h + x), 1));
    return LstmWeights.builder().forget(w, zeros(h)).input(w, zeros(h)).candidate(w, zeros(h)).output(w, zeros(h))
        .build();
  }

  static Vec zeros(int n) {
    return Vec.zeros(n);
  }

  static double[] nans(int n) {
    return filled(n, Double.NaN);
  }

  static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  static void assertFailsNaming(String name, Class<? extends IllegalArgumentException> type, Executable action,
      String... fragments) {
    IllegalArgumentException e = assertThrows(type, action, name);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), name + ": message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
    }
  }
}
