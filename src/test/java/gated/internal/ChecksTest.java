package gated.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.GateWeights;
import gated.cell.GruCell;
import gated.cell.GruWeights;
import gated.cell.LstmCell;
import gated.cell.LstmWeights;
import gated.cell.PytorchLstmWeights;
import gated.cell.FusedLstmWeights;
import gated.cell.RnnCell;
import gated.cell.RnnWeights;
import gated.cell.Activations;
import gated.model.BiLstmWeights;
import gated.model.Embedding;
import gated.model.Lstm;
import gated.model.OneHot;
import gated.model.ParamCount;
import gated.model.Rnn;
import gated.model.Gru;
import gated.model.StackedLstmWeights;
import gated.model.Vocabulary;
import gated.model.DenseWeights;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.Clip;
import gated.train.Example;
import gated.train.Loss;
import gated.train.NonFiniteException;
import gated.train.Sgd;
import gated.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets an {@link IllegalArgumentException} whose message names the operation and the
 * offending shapes or values. Each case: what is done, and fragments the message must contain.
 */
class ChecksTest {
  static final Random R = new Random(1);
  static final LstmWeights W = LstmWeights.random(3, 4, R);
  static final LstmCell CELL = new LstmCell(W);
  static final Vec H = Vec.zeros(3);
  static final Vec X = Vec.of(1, 0, 0, 0);

  static Arguments bad(String name, Executable action, String... fragments) {
    return Arguments.of(name, action, fragments);
  }

  static Stream<Arguments> cases() {
    List<Vec> withNaN = new ArrayList<>(List.of(X, Vec.of(1, Double.NaN, 0, 0)));
    return Stream.of(
        // mismatched shapes
        bad("x_t one entry too many", () -> CELL.step(Vec.of(1, 0, 0, 0, 0), H, H),
            "forget gate", "W_f is 3×7", "[h_{t-1}; x_t] has 8 rows"),
        bad("h_{t-1} of the wrong size", () -> CELL.step(X, Vec.zeros(4), H), "LSTM step", "h_{t-1} has 4 entries",
            "hidden size is 3"),
        bad("c_{t-1} of the wrong size", () -> CELL.step(X, H, Vec.zeros(2)), "c_{t-1} has 2 entries"),
        bad("gates of different widths", () -> LstmWeights.builder().forget(Matrix.zeros(3, 7), Vec.zeros(3))
            .input(Matrix.zeros(3, 6), Vec.zeros(3)).candidate(Matrix.zeros(3, 7), Vec.zeros(3))
            .output(Matrix.zeros(3, 7), Vec.zeros(3)).build(), "LSTM weights", "W_i is 3×6", "3×7"),
        bad("bias of the wrong size", () -> new GateWeights(Matrix.zeros(3, 7), Vec.zeros(4)), "W is 3×7",
            "b has 4 entries"),
        bad("row-convention shapes", () -> GateWeights.fromRows(Matrix.zeros(3, 4), Matrix.zeros(3, 3), Vec.zeros(3)),
            "W_x is 3×4", "X×H"),
        bad("PyTorch import of the wrong shape", () -> new PytorchLstmWeights(Matrix.zeros(12, 4), Matrix.zeros(12, 4),
            Vec.zeros(12), Vec.zeros(12)), "weight_hh is 12×4", "4H×H"),
        bad("fused import of the wrong shape", () -> new FusedLstmWeights(Matrix.zeros(4, 12), Matrix.zeros(3, 12),
            Vec.zeros(11)), "fused LSTM weights", "b has 11 entries", "4H is 12"),
        bad("matrix product inner sizes", () -> Matrix.zeros(2, 3).times(Matrix.zeros(2, 3)), "matrix product",
            "2×3 times 2×3"),
        bad("no broadcasting of vectors", () -> Vec.of(1, 2, 3).plus(Vec.of(1)), "sum", "sizes differ, 3 and 1",
            "never broadcast"),
        bad("stacked layers that do not fit", () -> new StackedLstmWeights(List.of(LstmWeights.random(3, 4, R),
            LstmWeights.random(3, 5, R))), "layer 2 reads inputs of size 5", "outputs h_t of size 3"),
        bad("BiLSTM directions that differ", () -> new BiLstmWeights(LstmWeights.random(3, 4, R),
            LstmWeights.random(2, 4, R)), "BiLSTM weights", "both directions must match"),
        bad("output layer of the wrong width", () -> new Classifier<>(new Lstm(W), DenseWeights.random(2, 5, R)),
            "W_y is 2×5", "3 entries"),
        bad("embedding via a one-hot of the wrong size", () -> new Embedding(Matrix.zeros(4, 2)).viaOneHot(Vec.of(1, 0)),
            "embedding via one-hot", "2 columns", "E is 4×2"),
        bad("GRU input of the wrong size", () -> new GruCell(GruWeights.random(3, 4, R)).step(Vec.of(1, 2), H),
            "reset gate", "X_t has 2 columns", "W_xr is 4×3"),
        bad("targets and inputs of different lengths", () -> new Example(List.of(X, X), List.of(1)),
            "2 inputs but 1 targets"),
        // empty sequences
        bad("empty sequence to an LSTM", () -> new Lstm(W).forward(List.of()), "LSTM forward", "empty"),
        bad("empty sequence to an RNN", () -> new Rnn(RnnWeights.random(3, 4, R)).forward(List.of()), "RNN forward",
            "empty"),
        bad("empty sentence", () -> Vocabulary.of("cat", "mat").encode("   "), "vocabulary"),
        bad("a vector with no entries", () -> Vec.of(), "at least one value"),
        // sizes of zero or below
        bad("hidden size zero", () -> LstmWeights.random(0, 4, R), "hidden size must be at least 1, got 0"),
        bad("negative input size", () -> GruWeights.random(3, -1, R), "input size must be at least 1, got -1"),
        bad("zero-row matrix", () -> Matrix.zeros(0, 3), "at least 1 row", "0×3"),
        bad("one-hot outside the vocabulary", () -> OneHot.encode(3, 3), "index 3 is outside the vocabulary 0..2"),
        bad("parameter count with zero layers", () -> ParamCount.stacked(ParamCount.Cell.LSTM, 4, 3, 0,
            ParamCount.Bias.ONE), "number of layers must be at least 1"),
        bad("zero epochs", () -> Trainer.builder().epochs(0), "epochs must be at least 1"),
        bad("negative learning rate", () -> Sgd.withLearningRate(-0.1), "learning rate", "-0.1"),
        // null
        bad("null weights", () -> new LstmCell(null), "LSTM cell", "weights is null"),
        bad("null x_t", () -> CELL.step(null, H, H), "LSTM step", "x_t is null"),
        bad("null inside a sequence", () -> new Gru(GruWeights.random(3, 4, R)).forward(java.util.Arrays.asList(X, null)),
            "null entry at t = 1"),
        // NaN or Inf
        bad("NaN in x_t", () -> CELL.step(Vec.of(1, Double.NaN, 0, 0), H, H), "x_t holds NaN at index 1"),
        bad("Inf in h_{t-1}", () -> new RnnCell(RnnWeights.random(3, 4, R)).step(X, Vec.of(0, Double.POSITIVE_INFINITY,
            0)), "h_{t-1} holds Infinity at index 1"),
        bad("NaN in a weight", () -> new LstmCell(LstmWeights.builder().forget(Matrix.of(3, 7, nanAt(21, 5)),
            Vec.zeros(3)).input(Matrix.zeros(3, 7), Vec.zeros(3)).candidate(Matrix.zeros(3, 7), Vec.zeros(3))
            .output(Matrix.zeros(3, 7), Vec.zeros(3)).build()), "LSTM cell", "W_f holds NaN at (0, 5)"),
        bad("Inf in an RNN weight", () -> new Rnn(RnnWeights.random(3, 4, R).withWh(Matrix.of(3, 3, infAt(9, 4))))
            .forward(List.of(X)), "RNN: ", "W_h holds Infinity at (1, 1)"),
        bad("NaN inside a sequence", () -> new Lstm(W).forward(withNaN), "LSTM forward", "x_2 holds NaN"),
        bad("NaN logits", () -> Loss.softmaxCrossEntropy(Vec.of(0, Double.NaN), 0), "softmax cross-entropy",
            "logits holds [0.0000, NaN]"),
        bad("Inf gradient to SGD", () -> Sgd.withLearningRate(0.1).step(W,
            W.withArray(infAt(W.count(), 2))), "SGD step", "Infinity at position 2", "exploding"),
        bad("Inf gradient to clipping by value", () -> Clip.byValue(W.withArray(infAt(W.count(), 0)), 1.0),
            "clip by value", "Infinity"),
        bad("target class out of range", () -> Loss.softmaxCrossEntropy(Vec.of(1, 2), 2), "target class 2",
            "outside 0..1"),
        bad("softmax of Inf", () -> Activations.softmax(Vec.of(Double.NEGATIVE_INFINITY, 0)), "softmax",
            "-Infinity"));
  }

  static double[] nanAt(int n, int k) {
    double[] a = new double[n];
    a[k] = Double.NaN;
    return a;
  }

  static double[] infAt(int n, int k) {
    double[] a = new double[n];
    a[k] = Double.POSITIVE_INFINITY;
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputFailsWithAMessageNamingTheProblem(String name, Executable action, String[] fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, name);
    for (String f : fragments) assertTrue(e.getMessage().contains(f), name + ": message \"" + e.getMessage()
        + "\" should contain \"" + f + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thereAreAtLeastTwentyCases(String name, Executable action, String[] fragments) {
    assertTrue(cases().count() >= 20);
    assertTrue(fragments.length >= 1, name + " must check its message");
  }

  @org.junit.jupiter.api.Test
  void anOverflowingBackwardPassIsANonFiniteException() {
    RnnCell cell = new RnnCell(RnnWeights.random(3, 4, R));
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> cell.backward(cell.step(X, H), Vec.of(Double.NEGATIVE_INFINITY, 0, 0)));
    assertTrue(e.getMessage().startsWith("RNN backward: ∂L/∂h_t holds -Infinity at index 0"), e.getMessage());
    assertTrue(e.getMessage().contains("exploding gradient"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void explodingGradientIsANonFiniteException() {
    assertThrows(NonFiniteException.class, () -> Sgd.withLearningRate(0.1).step(W, W.withArray(infAt(W.count(), 2))));
  }
}
