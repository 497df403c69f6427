package gated.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.Lstm;
import gated.model.Rnn;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {
  static final Vocabulary CAT_MAT_RAT = Vocabulary.of("cat", "mat", "rat");

  /** Seed 000's toy data set. "cat rat rad" is read as "cat rat rat", as the seed's one-hot encoding does. */
  static List<Example> seed000() {
    return List.of(
        Example.labelled(CAT_MAT_RAT.encode("cat mat rat"), 0),
        Example.labelled(CAT_MAT_RAT.encode("cat rat rat"), 0),
        Example.labelled(CAT_MAT_RAT.encode("mat mat cat"), 1));
  }

  @Test
  void classifierGradientMatchesFiniteDifferences() {
    Random r = new Random(4);
    Classifier<LstmWeights> clf = Classifier.of(new Lstm(LstmWeights.random(3, 3, r)), 2, r);
    Example ex = Example.tagged(CAT_MAT_RAT.encode("cat mat rat"), java.util.Arrays.asList(1, null, 0));
    ClassifierWeights<LstmWeights> g = clf.lossAndGradient(ex).gradient();
    GradientCheck.Result res = GradientCheck.check(clf.weights(), g, w -> clf.withWeights(w).lossAndGradient(ex).loss());
    assertTrue(res.passed(), res.toString());
  }

  @Test
  void anLstmLearnsTheCatMatRatDataSet() {
    Random r = new Random(0);
    Classifier<LstmWeights> clf = Classifier.of(new Lstm(LstmWeights.random(4, 3, r)), 2, r);
    Trainer.History<LstmWeights> h = Trainer.builder().epochs(60).batchSize(3).adam(0.05).seed(1).build()
        .fit(clf, seed000(), List.of());
    assertFalse(h.hasDiverged());
    assertEquals(1.0, h.finalTrainAccuracy());
    assertTrue(h.loss().get(h.loss().size() - 1) < h.loss().get(0) / 10, h.loss().toString());
    // Seeded: two runs give identical curves.
    Random r2 = new Random(0);
    Classifier<LstmWeights> clf2 = Classifier.of(new Lstm(LstmWeights.random(4, 3, r2)), 2, r2);
    assertEquals(h.loss(), Trainer.builder().epochs(60).batchSize(3).adam(0.05).seed(1).build()
        .fit(clf2, seed000(), List.of()).loss());
  }

  @Test
  void stoppingAtATestAccuracyKeepsAPrefixOfTheFullRun() {
    List<Example> data = seed000();
    Trainer full = Trainer.builder().epochs(60).batchSize(3).adam(0.05).seed(1).build();
    Trainer early = Trainer.builder().epochs(60).batchSize(3).adam(0.05).seed(1).stopAtTestAccuracy(1.0).build();
    Random r1 = new Random(0), r2 = new Random(0);
    Trainer.History<LstmWeights> all = full.fit(Classifier.of(new Lstm(LstmWeights.random(4, 3, r1)), 2, r1), data, data);
    Trainer.History<LstmWeights> cut = early.fit(Classifier.of(new Lstm(LstmWeights.random(4, 3, r2)), 2, r2), data, data);
    int reached = all.epochsToTestAccuracy(1.0).orElseThrow();
    assertTrue(reached > 1 && reached < 60, "the full run reaches 1.0 somewhere in between: " + all.testAccuracy());
    assertEquals(reached, cut.testAccuracy().size(), "the early run stops after the first epoch at the level");
    assertEquals(all.loss().subList(0, reached), cut.loss());
    assertEquals(all.testAccuracy().subList(0, reached), cut.testAccuracy());
    assertEquals(reached, cut.epochsToTestAccuracy(1.0).orElseThrow());
    assertTrue(all.testAccuracy().get(reached - 2) < 1.0);
    assertFalse(all.epochsToTestAccuracy(1.01).isPresent(), "a level never reached is empty");
    assertEquals(60, early.fit(Classifier.of(new Lstm(LstmWeights.random(4, 3, new Random(0))), 2, new Random(0)), data,
        List.of()).loss().size(), "without a test set it never stops early");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().stopAtTestAccuracy(0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().stopAtTestAccuracy(1.5));
  }

  @Test
  void anOverflowingUpdateStopsTrainingWithAReasonInsteadOfWritingNaN() {
    Random r = new Random(3);
    RnnWeights big = RnnWeights.random(8, 3, r).withWh(Matrix.identity(8).scale(30));
    Classifier<RnnWeights> clf = Classifier.of(new Rnn(big), 2, r);
    List<Example> data = new ArrayList<>();
    for (int k = 0; k < 8; k++) data.add(Example.labelled(Fixtures.sequence(30, 3, r), k % 2));
    // A learning rate of 1e308 overflows a double within two steps: the mechanism, made certain.
    Trainer.History<RnnWeights> noClip = Trainer.builder().epochs(30).batchSize(1).sgd(1e308).build()
        .fit(clf, data, List.of());
    assertTrue(noClip.hasDiverged(), "a step of 1e308 must overflow");
    assertTrue(noClip.diverged().contains("overflowed") || noClip.diverged().contains("exploding"), noClip.diverged());
    assertTrue(noClip.model().weights().encoder().wh().isFinite(), "the weights kept are the last finite ones");
    Trainer.History<RnnWeights> clipped = Trainer.builder().epochs(3).batchSize(1).sgd(0.1).clipByNorm(1).build()
        .fit(clf, data, List.of());
    assertFalse(clipped.hasDiverged());
  }

  @Test
  void aDivergedRunNamesTheEquationThatOverflowed() {
    // Notebook 02's run: α = 1e308 on the first-token task; whichever overflow comes first, the reason names
    // the softmax cross-entropy (huge logits) or the exploding gradient, never a bare "overflowed".
    Random data = new Random(1);
    List<Example> firstToken = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      int first = data.nextInt(2);
      List<Vec> xs = new ArrayList<>();
      for (int t = 0; t < 10; t++) xs.add(gated.model.OneHot.encode(t == 0 ? first : data.nextInt(3), 3));
      firstToken.add(Example.labelled(xs, first));
    }
    Random r = new Random(42);
    Classifier<RnnWeights> clf = Classifier.of(Rnn.of(RnnWeights.random(8, 3, 1.0, r)), 2, r);
    Trainer.History<RnnWeights> h = Trainer.builder().epochs(5).batchSize(4).seed(7).sgd(1e308).build()
        .fit(clf, firstToken, List.of());
    assertTrue(h.hasDiverged());
    assertTrue(h.diverged().startsWith("softmax cross-entropy: "), h.diverged());
    assertTrue(h.diverged().contains("epoch 1") && h.diverged().contains("L = "), h.diverged());
    // the loss as a reader takes it in (three digits and an exponent), not a 17-digit double
    assertTrue(h.diverged().matches(".*L = \\d\\.\\d\\de\\+\\d{3}; .*"), h.diverged());
  }

  @Test
  void aTestSetThatOverflowsTheForwardPassStopsTrainingWithTheEpochsKept() {
    Random r = new Random(5);
    RnnWeights w = RnnWeights.random(4, 2, r);
    w = new RnnWeights(Matrix.of(4, 2, 1, 1, 1, 1, 1, 1, 1, 1), w.wh(), w.b());   // every W_x entry 1
    Classifier<RnnWeights> clf = Classifier.of(Rnn.of(w), 2, r);
    List<Example> train = new ArrayList<>();
    for (int k = 0; k < 8; k++) train.add(Example.labelled(Fixtures.sequence(5, 2, r), k % 2));
    List<Vec> huge = new ArrayList<>(Fixtures.sequence(5, 2, r));
    huge.set(0, Vec.of(1.5e308, 1.5e308));                              // W_x·x_1 = 3e308 overflows a double
    List<Example> test = List.of(Example.labelled(huge, 0));
    Trainer.History<RnnWeights> h = Trainer.builder().epochs(3).batchSize(4).build().fit(clf, train, test);
    assertTrue(h.hasDiverged(), "the History is returned, not an exception: " + h.testAccuracy() + " " + h.trainAccuracy());
    assertTrue(h.diverged().startsWith("epoch 1, measuring accuracy: "), h.diverged());
    assertEquals(1, h.loss().size(), "the epoch's loss is kept");
    assertEquals(0, h.trainAccuracy().size());
    assertTrue(h.model().weights().encoder().wh().isFinite());
  }

  @Test
  void clippingByNormKeepsTheDirectionAndByValueClampsEachEntry() {
    LstmWeights g = LstmWeights.random(3, 4, new Random(2)).scale(100);
    LstmWeights byNorm = Clip.byGlobalNorm(g, 1.0);
    assertEquals(1.0, byNorm.norm(), 1e-12);
    double[] a = g.toArray(), b = byNorm.toArray();
    for (int k = 0; k < a.length; k++) assertEquals(a[k] / g.norm(), b[k], 1e-12);
    assertEquals(g, Clip.byGlobalNorm(g, 1e9), "below the threshold nothing changes");
    for (double v : Clip.byValue(g, 0.5).toArray()) assertTrue(Math.abs(v) <= 0.5);
  }

  @Test
  void sgdTakesTheStepOfSeed003AndAdamMovesEveryWeight() {
    LstmWeights w = LstmWeights.random(2, 2, new Random(5));
    LstmWeights g = LstmWeights.random(2, 2, new Random(6));
    LstmWeights stepped = Sgd.withLearningRate(0.1).step(w, g);
    double[] a = w.toArray(), b = g.toArray(), c = stepped.toArray();
    for (int k = 0; k < a.length; k++) assertEquals(a[k] - 0.1 * b[k], c[k], 1e-15);   // θ_new = θ_old − α∇L
    double[] d = Adam.withLearningRate(0.01).step(w, g).toArray();
    for (int k = 0; k < a.length; k++) {
      if (b[k] != 0) assertEquals(a[k] - 0.01 * Math.signum(b[k]), d[k], 1e-6);          // first Adam step ≈ α·sign(g)
    }
  }

  @Test
  void gradientFlowProfilesHaveOneValuePerDistance() {
    Random r = new Random(9);
    List<Vec> xs = Fixtures.sequence(15, 4, r);
    Rnn small = new Rnn(RnnWeights.random(6, 4, 0.2, r));
    GradientFlow.Profile p = GradientFlow.hiddenGradientNorms("RNN", small, xs);
    assertEquals(15, p.values().size());
    assertTrue(p.at(14) < p.at(0) * 1e-3, "small recurrent weights: the gradient vanishes, " + p.values());
    Rnn.RnnTrace trace = small.forward(xs);
    GradientFlow.Profile jac = GradientFlow.rnnJacobianProducts("RNN", small, trace);
    assertEquals(1.0, jac.at(0));
    assertTrue(jac.at(10) < jac.at(1));
    Lstm lstm = new Lstm(LstmWeights.random(6, 4, r));
    GradientFlow.Profile f = GradientFlow.forgetGateProducts("LSTM", lstm.forward(xs));
    for (int d = 1; d < 15; d++) assertTrue(f.at(d) <= f.at(d - 1) + 1e-15, "products of gates in (0,1) shrink");
    assertEquals(15, GradientFlow.cellGradientNorms("LSTM", lstm, xs).values().size());
  }

  @Test
  void updateGateProductsMultiplyZAlongTheSequence() {
    Random r = new Random(10);
    List<Vec> xs = Fixtures.sequence(6, 4, r);
    gated.model.Gru.GruTrace trace = new gated.model.Gru(gated.cell.GruWeights.random(3, 4, r)).forward(xs);
    GradientFlow.Profile p = GradientFlow.updateGateProducts("GRU", trace);
    assertEquals(6, p.values().size());
    Vec z5 = trace.step(5).z(), z4 = trace.step(4).z();
    assertEquals(z5.sum() / 3, p.at(1), 1e-15);
    assertEquals(z5.hadamard(z4).sum() / 3, p.at(2), 1e-15);
  }

  @Test
  void spectralNormOfADiagonalMatrixIsItsLargestEntry() {
    assertEquals(3.0, GradientFlow.spectralNorm(Matrix.of(new double[][] {{1, 0}, {0, -3}})), 1e-9);
  }
}
