package gated.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.BiLstm;
import gated.model.BiLstmWeights;
import gated.model.DenseWeights;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.MergeMode;
import gated.model.OneHot;
import gated.model.Rnn;
import gated.model.SequenceModel;
import gated.model.StackedLstm;
import gated.model.StackedLstmWeights;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.ClassifierWeights;
import gated.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched classifier against the teaching path one example at a time: the summed loss and
 * gradient of a minibatch against Σ {@link Classifier#lossAndGradient}, and the accuracy against
 * {@link Classifier#accuracy}, for every encoder the batched path has, with sequences of several
 * lengths in one minibatch and targets at the last step, at every step, at the first step and at a
 * few steps: every number equal, bit for bit. Also when the batched path stands aside.
 */
class BatchClassifierTest {
  static final int X = 5, CLASSES = 3;

  static Stream<String> encoders() {
    return Stream.of("RNN", "LSTM", "GRU", "stacked LSTM", "BiLSTM CONCAT", "BiLSTM SUM", "BiLSTM AVERAGE",
        "BiLSTM MULTIPLY");
  }

  static SequenceModel<?> encoder(String name, Random r) {
    return switch (name) {
      case "RNN" -> Rnn.of(RnnWeights.random(4, X, r));
      case "LSTM" -> Lstm.of(LstmWeights.random(4, X, r));
      case "GRU" -> Gru.of(GruWeights.random(4, X, r));
      case "stacked LSTM" -> StackedLstm.of(StackedLstmWeights.random(3, 4, X, r));
      default -> BiLstm.of(BiLstmWeights.random(3, X, r), MergeMode.valueOf(name.substring("BiLSTM ".length())));
    };
  }

  /** Lengths 1 … 6 interleaved, dense and one-hot inputs, four patterns of targets. */
  static List<Example> examples(int count, Random r) {
    List<Example> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int steps = 1 + r.nextInt(6);
      List<Vec> xs = k % 2 == 0 ? Fixtures.sequence(steps, X, r) : oneHots(steps, r);
      List<Integer> ys = new ArrayList<>();
      for (int t = 0; t < steps; t++) {
        boolean target = switch (k % 4) {
          case 0 -> t == steps - 1;              // a sentence's class after the last word
          case 1 -> true;                        // tagging: every step
          case 2 -> t == 0;                      // the "Apple" task: the first step only
          default -> r.nextBoolean() || t == steps - 1;
        };
        ys.add(target ? r.nextInt(CLASSES) : null);
      }
      out.add(Example.tagged(xs, ys));
    }
    return out;
  }

  static List<Vec> oneHots(int steps, Random r) {
    List<Vec> xs = new ArrayList<>();
    for (int t = 0; t < steps; t++) xs.add(OneHot.encode(r.nextInt(X), X));
    return xs;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Classifier<?> classifier(String name, Random r) {
    return Classifier.of((SequenceModel) encoder(name, r), CLASSES, r);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encoders")
  void aMinibatchAddsUpToTheTeachingPathsExamples(String name) {
    Random r = new Random(name.hashCode());
    check(classifier(name, r), examples(24, r));
  }

  private static <W extends Params<W>> void check(Classifier<W> model, List<Example> data) {
    BatchClassifier<W> batched = BatchClassifier.of(model).orElseThrow();
    assertTrue(batched.accepts(data));
    assertTrue(BatchClassifier.groups(data, Integer.MAX_VALUE).size() > 3, "several lengths in one minibatch");
    List<Double> losses = new ArrayList<>();
    ClassifierWeights<W> sum = null;
    for (Example e : data) {                                       // as Trainer adds them on the teaching path
      Classifier.Result<W> res = model.lossAndGradient(e);
      losses.add(res.loss());
      sum = sum == null ? res.gradient() : sum.plusScaled(res.gradient(), 1);
    }
    BatchClassifier.Sum<W> got = batched.lossAndGradient(data).orElseThrow();
    assertEquals(losses, got.losses(), "every example's loss, bit for bit");
    assertEquals(sum.shapes(), got.gradient().shapes());
    assertArrayEquals(sum.toArray(), got.gradient().toArray(), "the summed gradient, bit for bit");
    // A minibatch of one example is that example's gradient.
    assertArrayEquals(model.lossAndGradient(data.get(5)).gradient().toArray(),
        batched.lossAndGradient(data.subList(5, 6)).orElseThrow().gradient().toArray());
    // The accuracy, in chunks smaller than the data set, and after new weights through withModel.
    assertEquals(model.accuracy(data), batched.accuracy(data).orElseThrow(), 0);
    Classifier<W> moved = model.withWeights(model.weights().plusScaled(sum, -0.05));
    assertEquals(moved.accuracy(data), batched.withModel(moved).accuracy(data).orElseThrow(), 0);
    assertArrayEquals(moved.lossAndGradient(data.get(0)).gradient().toArray(),
        batched.withModel(moved).lossAndGradient(data.subList(0, 1)).orElseThrow().gradient().toArray());
    List<Example> sameLength = data.stream().filter(e -> e.inputs().size() == data.get(0).inputs().size()).toList();
    List<Example> big = new ArrayList<>();
    while (big.size() <= BatchClassifier.EVALUATION_CHUNK) big.addAll(sameLength);
    assertEquals(model.accuracy(big), batched.accuracy(big).orElseThrow(), 0);
  }

  @Test
  void tiesPredictTheFirstClassAsArgmaxDoes() {
    Random r = new Random(9);
    Lstm lstm = Lstm.of(LstmWeights.random(3, X, r));
    Classifier<LstmWeights> flat = new Classifier<>(lstm, DenseWeights.random(CLASSES, 3, r).zerosLike());   // every logit 0
    List<Example> data = examples(12, r);
    double expected = flat.accuracy(data);
    assertTrue(expected > 0 && expected < 1, "some targets are class 0, some are not: " + expected);
    assertEquals(expected, BatchClassifier.of(flat).orElseThrow().accuracy(data).orElseThrow(), 0);
  }

  @Test
  void onlyTheTeachingPathsOwnEncodersHaveABatchedForm() {
    Random r = new Random(2);
    Lstm lstm = Lstm.of(LstmWeights.random(2, X, r));
    assertTrue(BatchClassifier.supports(lstm));
    SequenceModel<LstmWeights> own = new SequenceModel<>() {          // a student's own encoder
      public LstmWeights weights() { return lstm.weights(); }
      public SequenceModel<LstmWeights> withWeights(LstmWeights w) { return lstm.withWeights(w); }
      public int inputSize() { return lstm.inputSize(); }
      public int outputSize() { return lstm.outputSize(); }
      public Trace forward(List<Vec> xs) { return lstm.forward(xs); }
      public Gradients<LstmWeights> backward(Trace t, List<Vec> d) { return lstm.backward(t, d); }
    };
    assertFalse(BatchClassifier.supports(own));
    assertTrue(BatchClassifier.of(Classifier.of(own, CLASSES, r)).isEmpty());
  }

  @Test
  void itStandsAsideWhereANumberCouldOverflow() {
    Random r = new Random(5);
    Classifier<LstmWeights> model = Classifier.of(Lstm.of(LstmWeights.random(3, X, r)), CLASSES, r);
    List<Example> data = examples(8, r);
    BatchClassifier<LstmWeights> batched = BatchClassifier.of(model).orElseThrow();
    assertTrue(batched.lossAndGradient(data).isPresent());
    // Weights above the limit: a pre-activation might overflow, which only the teaching path can name.
    double[] w = model.weights().toArray();
    w[0] = 2 * BatchClassifier.LIMIT;
    Classifier<LstmWeights> huge = model.withWeights(model.weights().withArray(w));
    assertTrue(batched.withModel(huge).lossAndGradient(data).isEmpty());
    assertTrue(batched.withModel(huge).accuracy(data).isEmpty());
    // Weights within the limit whose gradient overflows on its way back: an RNN whose state stays 0 (no
    // input, no bias), so that tanh' = 1 and ∂L/∂h_{t-1} = W_hᵀ·∂L/∂h_t grows 50-fold per step.
    Random q = new Random(6);
    RnnWeights rw = RnnWeights.random(2, 1, q);
    rw = new RnnWeights(rw.wx(), Matrix.identity(2).scale(50), Vec.zeros(2));
    Classifier<RnnWeights> exploding = Classifier.of(Rnn.of(rw), 2, q);
    List<Example> zeros = List.of(Example.labelled(java.util.Collections.nCopies(250, Vec.zeros(1)), 1));
    assertTrue(BatchClassifier.of(exploding).orElseThrow().lossAndGradient(zeros).isEmpty());
    gated.train.NonFiniteException why = assertThrows(gated.train.NonFiniteException.class,
        () -> exploding.lossAndGradient(zeros.get(0)), "the teaching path names it");
    assertTrue(why.getMessage().startsWith("RNN backward: ∂L/∂h_t holds Infinity"), why.getMessage());
    List<Example> shorter = List.of(Example.labelled(java.util.Collections.nCopies(150, Vec.zeros(1)), 1));
    assertArrayEquals(exploding.lossAndGradient(shorter.get(0)).gradient().toArray(),
        BatchClassifier.of(exploding).orElseThrow().lossAndGradient(shorter).orElseThrow().gradient().toArray(),
        "150 steps: 50^150 is still finite");
    // Inputs above the limit, of the wrong size, or targets that are not a class: not accepted.
    assertFalse(batched.accepts(List.of(Example.labelled(List.of(Vec.fill(X, 2 * BatchClassifier.LIMIT)), 0))));
    assertFalse(batched.accepts(List.of(Example.labelled(List.of(Vec.zeros(X + 1)), 0))));
    assertFalse(batched.accepts(List.of(Example.labelled(List.of(Vec.zeros(X)), CLASSES))));
    assertTrue(batched.accepts(List.of(Example.labelled(List.of(Vec.zeros(X)), CLASSES - 1))));
    // Back within range, the same batched classifier answers again.
    assertTrue(batched.withModel(model).lossAndGradient(data).isPresent());
  }
}
