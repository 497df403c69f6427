package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gated.Interrupted;
import gated.cell.GateWeights;
import gated.cell.GruWeights;
import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.cell.RowGateWeights;
import gated.data.AppleTask;
import gated.data.DepthTask;
import gated.data.LongRangeTask;
import gated.model.BiLstm;
import gated.model.BiLstmWeights;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.MergeMode;
import gated.model.OneHot;
import gated.model.Rnn;
import gated.model.StackedLstm;
import gated.model.StackedLstmWeights;
import gated.model.Vocabulary;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Trainer.fit} on the batched path (its default) against the same fit on the teaching path
 * ({@code Trainer.builder().teachingPath()}), on the course's tasks, for RNN, LSTM, GRU, stacked and
 * bidirectional models: every History (losses, accuracies, gradient norms, the divergence message,
 * the epochs a stopAtTestAccuracy budget used, every final weight) equal, number for number, and the
 * same errors for bad input. Each run also checks which path did the work: the batched one for
 * every minibatch and evaluation of a run that does not diverge, the teaching one where a run
 * diverges.
 */
class TrainerPathsTest {
  static long compared;          // how many numbers were compared, printed at the end

  @AfterAll
  static void report() {
    System.out.printf(Locale.ROOT, "batched vs teaching path: %d numbers of Histories compared, every one equal%n", compared);
  }

  record Runs<W extends Params<W>>(Trainer.History<W> batched, Trainer.History<W> teaching, long computed, long stoodAside) {}

  /** The same fit on both paths, from the same untrained model. */
  static <W extends Params<W>> Runs<W> both(UnaryOperator<Trainer.Builder> options, Supplier<Classifier<W>> model,
      List<Example> train, List<Example> test) {
    long c0 = BatchClassifier.COMPUTED.sum(), s0 = BatchClassifier.STOOD_ASIDE.sum();
    Trainer.History<W> batched = options.apply(Trainer.builder()).build().fit(model.get(), train, test);
    long computed = BatchClassifier.COMPUTED.sum() - c0, stoodAside = BatchClassifier.STOOD_ASIDE.sum() - s0;
    Trainer.History<W> teaching = options.apply(Trainer.builder()).teachingPath().build().fit(model.get(), train, test);
    assertEquals(computed, BatchClassifier.COMPUTED.sum() - c0, "the teaching path never calls the batched one");
    assertSame(batched, teaching);
    return new Runs<>(batched, teaching, computed, stoodAside);
  }

  /** Both paths, a run that does not diverge: the batched path computed every minibatch and accuracy. */
  static <W extends Params<W>> Runs<W> bothBatched(int batchSize, UnaryOperator<Trainer.Builder> options,
      Supplier<Classifier<W>> model, List<Example> train, List<Example> test) {
    Runs<W> runs = both(b -> options.apply(b).batchSize(batchSize), model, train, test);
    assertEquals(0, runs.stoodAside(), "the batched path stood aside");
    assertTrue(!runs.batched().hasDiverged());
    int epochs = runs.batched().loss().size();
    long minibatches = (long) epochs * ((train.size() + batchSize - 1) / batchSize);
    assertEquals(minibatches + epochs * (test.isEmpty() ? 1 : 2), runs.computed(), "batched minibatches and evaluations");
    return runs;
  }

  static <W extends Params<W>> void assertSame(Trainer.History<W> batched, Trainer.History<W> teaching) {
    assertEquals(teaching.diverged(), batched.diverged(), "why training stopped");
    same("loss", teaching.loss(), batched.loss());
    same("train accuracy", teaching.trainAccuracy(), batched.trainAccuracy());
    same("test accuracy", teaching.testAccuracy(), batched.testAccuracy());
    same("gradient norm", teaching.gradientNorm(), batched.gradientNorm());
    double[] a = teaching.model().weights().toArray(), b = batched.model().weights().toArray();
    assertEquals(a.length, b.length);
    for (int k = 0; k < a.length; k++) same("weight " + k, a[k], b[k]);
  }

  static void same(String what, List<Double> ref, List<Double> got) {
    assertEquals(ref.size(), got.size(), what + ": epochs");
    for (int e = 0; e < ref.size(); e++) same(what + " of epoch " + (e + 1), ref.get(e), got.get(e));
  }

  /** Equal as numbers (0.0 == −0.0; ±Infinity equal to itself). */
  static void same(String what, double ref, double got) {
    compared++;
    if (ref != got) fail(what + ": teaching " + ref + ", batched " + got + " (differ by " + Math.abs(ref - got) + ")");
  }

  // --------------------------------------------------------------------------------------- the tasks

  static final LongRangeTask LONG = LongRangeTask.builder().classes(2).fillers(4).gap(12).examples(96).seed(1).build();
  static final List<Example> LONG_TRAIN = LONG.generate();
  static final List<Example> LONG_TEST = LONG.withSeed(101).withExamples(64).generate();
  static final UnaryOperator<Trainer.Builder> LESSON_11 = b -> b.epochs(6).adam(0.003).seed(1);

  @Test
  void rnnOnTheLongRangeTask() {
    bothBatched(8, LESSON_11, () -> {
      Random r = new Random(1);
      return Classifier.of(Rnn.of(RnnWeights.random(8, LONG.inputSize(), r)), 2, r);
    }, LONG_TRAIN, LONG_TEST);
  }

  @Test
  void lstmWithAForgetBiasOnTheLongRangeTask() {
    bothBatched(8, b -> b.epochs(6).adam(0.02).seed(1), () -> {
      Random r = new Random(1);
      LstmWeights w = LstmWeights.random(8, LONG.inputSize(), r);
      w = w.withGate(LstmGate.FORGET, new GateWeights(w.forget().w(), Vec.fill(8, 3.0)));
      return Classifier.of(Lstm.of(w), 2, r);
    }, LONG_TRAIN, LONG_TEST);
  }

  @Test
  void gruWithAnUpdateBiasOnTheLongRangeTask() {
    bothBatched(8, b -> b.epochs(6).adam(0.02).seed(1), () -> {
      Random r = new Random(1);
      GruWeights w = GruWeights.random(8, LONG.inputSize(), r);
      RowGateWeights z = new RowGateWeights(w.update().wx(), w.update().wh(), Vec.fill(8, 3.0));
      return Classifier.of(Gru.of(new GruWeights(w.reset(), z, w.candidate())), 2, r);
    }, LONG_TRAIN, LONG_TEST);
  }

  @Test
  void aStopAtTestAccuracyBudgetEndsAtTheSameEpoch() {
    Runs<LstmWeights> runs = bothBatched(8, b -> b.epochs(40).adam(0.02).seed(1).stopAtTestAccuracy(0.95), () -> {
      Random r = new Random(1);
      LstmWeights w = LstmWeights.random(8, LONG.inputSize(), r);
      w = w.withGate(LstmGate.FORGET, new GateWeights(w.forget().w(), Vec.fill(8, 3.0)));
      return Classifier.of(Lstm.of(w), 2, r);
    }, LONG_TRAIN, LONG_TEST);
    int stopped = runs.batched().loss().size();
    assertTrue(stopped < 40, "the run should reach 95% before its budget: " + runs.batched().testAccuracy());
    assertEquals(runs.teaching().epochsToTestAccuracy(0.95), runs.batched().epochsToTestAccuracy(0.95));
  }

  static final AppleTask APPLE = AppleTask.of(8, 7);
  static final List<Example> APPLE_TRAIN = APPLE.examples(48, new Random(1));
  static final List<Example> APPLE_TEST = APPLE.examples(32, new Random(2));

  @Test
  void forwardLstmOnTheAppleTaskAtTheFirstWordAndAfterTheLast() {
    UnaryOperator<Trainer.Builder> lesson14 = b -> b.epochs(5).adam(0.02).seed(7);
    Supplier<Classifier<LstmWeights>> model = () -> {
      Random r = new Random(42);
      return Classifier.of(Lstm.of(LstmWeights.random(6, APPLE.inputSize(), r)), APPLE.classes(), r);
    };
    Runs<LstmWeights> first = bothBatched(8, lesson14, model, APPLE_TRAIN, APPLE_TEST);
    assertTrue(first.batched().testAccuracy().stream().allMatch(a -> a == 0.5), "step 1 cannot see the deciding word");
    List<Example> whole = APPLE_TRAIN.stream().map(e -> Example.labelled(e.inputs(), e.targets().get(0))).toList();
    List<Example> wholeTest = APPLE_TEST.stream().map(e -> Example.labelled(e.inputs(), e.targets().get(0))).toList();
    bothBatched(8, lesson14, model, whole, wholeTest);
  }

  @Test
  void biLstmOnTheAppleTaskInEveryMergeMode() {
    for (MergeMode mode : MergeMode.values()) {
      bothBatched(8, b -> b.epochs(3).adam(0.02).seed(7), () -> {
        Random r = new Random(42);
        return Classifier.of(BiLstm.of(BiLstmWeights.random(4, APPLE.inputSize(), r), mode), APPLE.classes(), r);
      }, APPLE_TRAIN, APPLE_TEST);
    }
  }

  @Test
  void stackedLstmOnRunningParityAndFinalParity() {
    for (DepthTask task : List.of(DepthTask.parity(6), DepthTask.finalParity(6))) {
      bothBatched(8, b -> b.epochs(4).adam(0.02).seed(7), () -> {
        Random r = new Random(2);
        return Classifier.of(StackedLstm.of(StackedLstmWeights.random(2, 5, 2, r)), 2, r);
      }, task.examples(64, new Random(1)), task.examples(32, new Random(2)));
    }
  }

  static final Vocabulary CMR = Vocabulary.of("cat", "mat", "rat");

  @Test
  void lstmOnTheCatMatRatSentencesWithoutATestSet() {
    List<Example> data = new ArrayList<>();
    String[] sentences = {"cat mat rat", "cat rat rat", "mat mat cat"};
    int[] labels = {0, 0, 1};
    for (int k = 0; k < 3; k++) data.add(Example.labelled(CMR.encode(sentences[k]), labels[k]));
    Runs<LstmWeights> runs = bothBatched(3, b -> b.epochs(60).adam(0.05).seed(1), () -> {
      Random r = new Random(0);
      return Classifier.of(Lstm.of(LstmWeights.random(4, 3, r)), 2, r);
    }, data, List.of());
    assertEquals(1.0, runs.batched().finalTrainAccuracy());
  }

  @Test
  void sentencesOfDifferentLengthsInOneMinibatch() {
    String[] sentences = {"cat", "cat mat", "rat mat cat", "mat", "rat rat rat rat", "mat cat", "cat rat mat cat rat",
        "rat", "mat mat", "cat cat cat"};
    List<Example> data = new ArrayList<>();
    for (int k = 0; k < sentences.length; k++) data.add(Example.labelled(CMR.encode(sentences[k]), sentences[k].startsWith("cat") ? 0 : 1));
    UnaryOperator<Trainer.Builder> options = b -> b.epochs(8).adam(0.05).seed(3);
    bothBatched(4, options, () -> Classifier.of(Rnn.of(RnnWeights.random(3, 3, new Random(4))), 2, new Random(5)),
        data, data.subList(0, 5));
    bothBatched(4, options, () -> Classifier.of(Gru.of(GruWeights.random(3, 3, new Random(4))), 2, new Random(5)),
        data, data.subList(0, 5));
    bothBatched(4, options, () -> Classifier.of(Lstm.of(LstmWeights.random(3, 3, new Random(4))), 2, new Random(5)),
        data, data.subList(0, 5));
  }

  // ------------------------------------------------------------------- clipping and divergence (lesson 02)

  static List<Example> firstToken() {
    Random dataRnd = new Random(1);
    List<Example> out = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      int first = dataRnd.nextInt(2);
      List<Vec> xs = new ArrayList<>();
      for (int t = 0; t < 10; t++) xs.add(OneHot.encode(t == 0 ? first : dataRnd.nextInt(3), 3));
      out.add(Example.labelled(xs, first));
    }
    return out;
  }

  static Classifier<RnnWeights> lesson02Model() {
    Random r = new Random(42);
    return Classifier.of(Rnn.of(RnnWeights.random(8, 3, 1.0, r)), 2, r);
  }

  @Test
  void sgdWithoutClippingAndClippedByNormAndByValue() {
    List<Example> data = firstToken();
    Runs<RnnWeights> none = bothBatched(4, b -> b.epochs(30).seed(7).sgd(0.2), TrainerPathsTest::lesson02Model, data, List.of());
    Runs<RnnWeights> norm = bothBatched(4, b -> b.epochs(30).seed(7).sgd(0.2).clipByNorm(1.0), TrainerPathsTest::lesson02Model, data, List.of());
    Runs<RnnWeights> value = bothBatched(4, b -> b.epochs(30).seed(7).sgd(0.2).clipByValue(0.1), TrainerPathsTest::lesson02Model, data, List.of());
    // The clipping made a difference, so it was exercised on both paths.
    assertTrue(Math.abs(none.batched().loss().get(29) - norm.batched().loss().get(29)) > 1e-3);
    assertTrue(Math.abs(none.batched().loss().get(29) - value.batched().loss().get(29)) > 1e-3);
    assertTrue(none.batched().gradientNorm().stream().anyMatch(n -> n > 1), "clipping by norm 1 had something to clip");
  }

  @Test
  void adamClippedByNormOnAStackedLstm() {
    DepthTask task = DepthTask.parity(5);
    bothBatched(4, b -> b.epochs(4).adam(0.05).seed(2).clipByNorm(0.5), () -> {
      Random r = new Random(3);
      return Classifier.of(StackedLstm.of(StackedLstmWeights.random(2, 4, 2, r)), 2, r);
    }, task.examples(32, new Random(1)), task.examples(16, new Random(2)));
  }

  @Test
  void aDivergingSgdRunStopsWithTheTeachingPathsMessage() {
    Runs<RnnWeights> runs = both(b -> b.epochs(5).batchSize(4).seed(7).sgd(1e308), TrainerPathsTest::lesson02Model,
        firstToken(), List.of());
    assertTrue(runs.batched().hasDiverged(), "lesson 02's α = 1e308 diverges");
    assertTrue(runs.stoodAside() > 0, "the batched path stood aside once the weights were huge");
    assertTrue(runs.computed() > 0, "and computed the minibatches before that");
  }

  @Test
  void aDivergingSgdRunOnAnLstmStopsWithTheTeachingPathsMessage() {
    Runs<LstmWeights> runs = both(b -> b.epochs(3).batchSize(8).sgd(1e308).seed(1), () -> {
      Random r = new Random(1);
      return Classifier.of(Lstm.of(LstmWeights.random(8, LONG.inputSize(), r)), 2, r);
    }, LONG_TRAIN, LONG_TEST);
    assertTrue(runs.batched().hasDiverged(), "α = 1e308 diverges");
    assertTrue(runs.stoodAside() > 0);
  }

  /**
   * An RNN whose state stays 0 (no input, no bias, W_h = 50·I), so that ∂L/∂h_{t-1} = W_hᵀ·∂L/∂h_t
   * grows 50-fold per step and overflows 182 steps back: the batched path sees the overflow and stands
   * aside, and the teaching path stops the run with its own message.
   */
  @Test
  void aGradientThatOverflowsOnItsWayBackStopsTheRunWithTheTeachingPathsMessage() {
    List<Example> data = new ArrayList<>();
    for (int k = 0; k < 4; k++) data.add(Example.labelled(java.util.Collections.nCopies(250, Vec.zeros(1)), k % 2));
    Runs<RnnWeights> runs = both(b -> b.epochs(2).batchSize(2).sgd(0.01).seed(1), () -> {
      Random r = new Random(6);
      RnnWeights w = RnnWeights.random(2, 1, r);
      return Classifier.of(Rnn.of(new RnnWeights(w.wx(), gated.tensor.Matrix.identity(2).scale(50), Vec.zeros(2))), 2, r);
    }, data, List.of());
    assertTrue(runs.batched().hasDiverged());
    assertTrue(runs.batched().diverged().startsWith("RNN backward: ∂L/∂h_t holds Infinity"), runs.batched().diverged());
    assertTrue(runs.stoodAside() > 0);
  }

  // -------------------------------------------------------------------------- errors and interruption

  @Test
  void badInputGivesTheSameErrorOnBothPaths() {
    Supplier<Classifier<LstmWeights>> model = () -> {
      Random r = new Random(1);
      return Classifier.of(Lstm.of(LstmWeights.random(3, 3, r)), 2, r);
    };
    List<Example> good = List.of(Example.labelled(CMR.encode("cat mat"), 0), Example.labelled(CMR.encode("rat"), 1));
    List<Example> wrongSize = List.of(good.get(0), Example.labelled(List.of(Vec.of(1, 0)), 1));
    List<Example> wrongClass = List.of(good.get(0), Example.labelled(CMR.encode("rat"), 2));
    for (List<List<Example>> trainTest : List.of(List.of(wrongSize, good), List.of(wrongClass, good),
        List.of(good, wrongSize), List.of(good, wrongClass))) {
      String[] messages = new String[2];
      for (int path = 0; path < 2; path++) {
        Trainer.Builder b = Trainer.builder().epochs(3).batchSize(2).adam(0.01).seed(1);
        Trainer t = (path == 0 ? b : b.teachingPath()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> t.fit(model.get(), trainTest.get(0), trainTest.get(1)));
        messages[path] = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      assertEquals(messages[1], messages[0]);
    }
  }

  static final Pattern EPOCH = Pattern.compile("^interrupted at epoch (\\d+) of 100000; the weights of (epoch (\\d+)|the model passed in) are kept$");

  @Test
  void anInterruptKeepsTheWeightsOfTheLastFullEpochAsOnTheTeachingPath() throws Exception {
    Supplier<Classifier<GruWeights>> model = () -> {
      Random r = new Random(1);
      return Classifier.of(Gru.of(GruWeights.random(6, LONG.inputSize(), r)), 2, r);
    };
    UnaryOperator<Trainer.Builder> options = b -> b.batchSize(8).adam(0.01).seed(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        options.apply(Trainer.builder()).epochs(100000).build().fit(model.get(), LONG_TRAIN, LONG_TEST);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    run.start();
    Thread.sleep(1500);
    run.interrupt();
    run.join(20_000);
    Interrupted e = (Interrupted) thrown.get();
    Matcher m = EPOCH.matcher(e.getMessage());
    assertTrue(m.matches(), e.getMessage());
    int done = Integer.parseInt(m.group(1)) - 1;
    assertTrue(done >= 1, "1.5 s is several epochs on the batched path, got " + done);
    @SuppressWarnings("unchecked")
    Trainer.History<GruWeights> partial = (Trainer.History<GruWeights>) e.partial();
    assertEquals(done, partial.loss().size());
    // The same number of epochs on the teaching path ends with the same History and weights.
    Trainer.History<GruWeights> teaching = options.apply(Trainer.builder()).epochs(done).teachingPath().build()
        .fit(model.get(), LONG_TRAIN, LONG_TEST);
    assertSame(partial, teaching);
  }
}
