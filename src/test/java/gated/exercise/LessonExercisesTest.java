package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.GateWeights;
import gated.cell.LstmCell;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.exercise.Exercise.Kind;
import gated.exercise.Exercise.Rung;
import gated.model.HandWiredLstm;
import gated.model.Lstm;
import gated.model.OneHot;
import gated.model.Rnn;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.GradientFlow;
import gated.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The exercises of notebooks 01 to 08: every expected value against a computation of its own (plain
 * arithmetic, or another route through the library), the hints for the known slips, and the ladder.
 */
class LessonExercisesTest {
  private static final ExerciseBook BOOK = CourseExercises.book();

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static Verdict check(String id, Object answer, Object... lesson) {
    return BOOK.check(id, answer, lesson);
  }

  private static void right(String id, Object answer, Object... lesson) {
    Verdict v = check(id, answer, lesson);
    assertTrue(v.isCorrect(), id + " should accept " + answer + ": " + v.message());
  }

  private static void hint(String id, String words, Object answer, Object... lesson) {
    Verdict v = check(id, answer, lesson);
    assertFalse(v.isCorrect(), id + " should refuse " + answer);
    assertTrue(v.message().contains(words), id + ": expected a hint with \"" + words + "\", got: " + v.message());
  }

  // ------------------------------------------------------------------ the ladder --

  @Test
  void everyNotebookFrom01To08HasTheLadderAnInterpretationAndFrom02APrediction() {
    for (int n = 1; n <= 8; n++) {
      String nb = String.format("%02d", n);
      List<Exercise> ex = BOOK.ofNotebook(nb);
      Set<Rung> rungs = ex.stream().map(Exercise::rung).collect(Collectors.toSet());
      assertEquals(Set.of(Rung.BY_HAND, Rung.CODING, Rung.EXPLORATION), rungs, "notebook " + nb + ": " + ex);
      assertTrue(ex.stream().anyMatch(e -> e.kind() == Kind.CHOICE), "notebook " + nb + " checks an interpretation");
      if (n >= 2) assertTrue(ex.stream().anyMatch(e -> e.kind() == Kind.PREDICTION), "notebook " + nb + " has a prediction");
      for (Exercise e : ex) assertFalse(e.practises().isBlank(), e.id());
    }
  }

  @Test
  void noTwoExercisesOfTheCoursePractiseTheSameThing() {
    List<String> all = BOOK.all().stream().map(Exercise::practises).toList();
    assertEquals(all.size(), new LinkedHashSet<>(all).size(), "two exercises say they practise the same: " + all);
  }

  // ------------------------------------------------------------------------- 01 --

  private static final Vocabulary WHAT = Vocabulary.of("what", "time", "is", "it", "?");
  private static final RnnWeights W01 = RnnWeights.random(3, WHAT.size(), new Random(42));
  private static final List<Vec> WITH_WHAT = new ArrayList<>(), WITH_TIME = new ArrayList<>();

  static {
    Random fill = new Random(3);
    WITH_WHAT.add(WHAT.oneHot("what"));
    WITH_TIME.add(WHAT.oneHot("time"));
    for (int t = 2; t <= 20; t++) {
      Vec x = OneHot.encode(fill.nextInt(WHAT.size()), WHAT.size());
      WITH_WHAT.add(x);
      WITH_TIME.add(x);
    }
  }

  @Test
  void lesson01() {
    // a_1 = [0.5 + 0.1 − 0.2, −1 − 0.3 + 0.5] = [0.4, −0.8]
    right("01.1", Vec.of(Math.tanh(0.4), Math.tanh(-0.8)));
    hint("01.1", "pre-activation", Vec.of(0.4, -0.8));
    hint("01.1", "bias", Vec.of(Math.tanh(0.4), Math.tanh(-1.3)));
    Rnn rnn = Rnn.of(W01);
    long first = -1;                                              // the clue experiment, stepped by hand
    Vec ha = Vec.zeros(3), hb = Vec.zeros(3);
    for (int t = 1; t <= 20 && first < 0; t++) {
      ha = rnn.cell().step(WITH_WHAT.get(t - 1), ha).h();
      hb = rnn.cell().step(WITH_TIME.get(t - 1), hb).h();
      if (ha.minus(hb).norm() < 1e-3) first = t;
    }
    assertTrue(first > 1);
    right("01.2", first, rnn, WITH_WHAT, WITH_TIME);
    hint("01.2", "count from 1", first - 1, rnn, WITH_WHAT, WITH_TIME);
    Rnn scaled = Rnn.of(new RnnWeights(W01.wx(), W01.wh().scale(3), W01.b()));
    right("01.3", 3.0, scaled, rnn, WITH_WHAT, WITH_TIME);
    hint("01.3", "try a larger s", 1.0, rnn, rnn, WITH_WHAT, WITH_TIME);
    hint("01.3", "not the lesson's with W_h multiplied by 2.0", 2.0, scaled, rnn, WITH_WHAT, WITH_TIME);
    right("01.4", 'B');
    hint("01.4", "small but not zero", 'A');
  }

  // ------------------------------------------------------------------------- 02 --

  @Test
  void lesson02() {
    right("02.1", 0.0001048576);                                  // 0.4^10
    hint("02.1", "W_h alone", 0.0009765625);
    hint("02.1", "tanh' alone", 0.1073741824);
    hint("02.1", "adds the factors", 4.0);
    right("02.2", Vec.of(3, 4));                                  // [6, 8]·5/10
    hint("02.2", "by value", Vec.of(5, 5));
    hint("02.2", "norm 1", Vec.of(0.6, 0.8));
    // An RNN in tanh's linear range (x = 0), W_h = 1.5·I: ‖∂L/∂h_t‖ = 1.5^d, first above 1000 at d = 18.
    Rnn linear = Rnn.of(new RnnWeights(Matrix.zeros(2, 1), Matrix.identity(2).scale(1.5), Vec.zeros(2)));
    GradientFlow.Profile p = GradientFlow.hiddenGradientNorms("RNN", linear, gated.model.Sequences.zeros(25, 1));
    long d = (long) Math.ceil(Math.log(1000) / Math.log(1.5));
    right("02.3", d, p);
    hint("02.3", "last distance at or below", d - 1, p);
    assertTrue(Lesson02.hasBurst(List.of(1.0, 2.0, 81.0)));
    assertFalse(Lesson02.hasBurst(List.of(1.0, 2.0, 79.0)));
    assertFalse(Lesson02.hasBurst(List.of(50.0, 2.0, 3.0)), "a large first epoch is not a burst");
    Trainer.History<RnnWeights> h = tinyRun();
    char outcome = Lesson02.hasBurst(h.gradientNorm()) ? 'A' : 'B';
    right("02.4", outcome, h);
    hint("02.4", "the run says", outcome == 'A' ? 'B' : 'A', h);
    right("02.5", 'C');
    hint("02.5", "cannot rank", 'A');
  }

  private static Trainer.History<RnnWeights> tinyRun() {
    Vocabulary v = Vocabulary.of("cat", "mat", "rat");
    List<Example> data = List.of(Example.labelled(v.encode("cat mat rat"), 0), Example.labelled(v.encode("mat mat cat"), 1));
    Random r = new Random(3);
    return Trainer.builder().epochs(3).batchSize(2).seed(1).sgd(0.1).build()
        .fit(Classifier.of(Rnn.of(RnnWeights.random(3, 3, r)), 2, r), data, List.of());
  }

  // ------------------------------------------------------------------------- 03 --

  private static final int UNITS = 2, INPUTS = 3;
  private static final LstmWeights BASE = LstmWeights.random(UNITS, INPUTS, new Random(11));
  private static final LstmWeights BELT = BASE
      .withGate(LstmGate.FORGET, new GateWeights(Matrix.zeros(UNITS, UNITS + INPUTS), Vec.fill(UNITS, 20)))
      .withGate(LstmGate.INPUT, new GateWeights(Matrix.zeros(UNITS, UNITS + INPUTS), Vec.fill(UNITS, -20)));
  private static final List<Vec> XS = new ArrayList<>();
  private static final Vec C0 = Vec.of(0.8, -0.5);

  static {
    Random rnd = new Random(5);
    for (int t = 0; t < 20; t++) XS.add(Matrix.uniform(1, INPUTS, 2.0, rnd).row(0));
  }

  /** L = u·h_T after C_1 is set to c (and h_1 to o_1 ⊙ tanh(c)), by running the rest of the sequence. */
  private static double lossFromC1(Lstm lstm, Lstm.LstmTrace trace, Vec c) {
    Vec h = trace.step(0).o().hadamard(c.map(Math::tanh));
    Vec hT = lstm.forward(XS.subList(1, XS.size()), h, c).last().h();
    return hT.sum() / Math.sqrt(hT.size());
  }

  @Test
  void lesson03() {
    right("03.1", 0.8 * Math.pow(0.5, 5), BELT, XS, C0);
    hint("03.1", "four steps", 0.8 * Math.pow(0.5, 4), BELT, XS, C0);
    // 03.2 by finite differences: ‖∂L/∂C_1‖ (19 steps back) against ‖∂L/∂C_20‖ = ‖u ⊙ o_20 ⊙ tanh'(C_20)‖.
    Lstm lstm = Lstm.of(Lesson03.withForgetBias(BELT, 3));
    Lstm.LstmTrace trace = lstm.forward(XS, Vec.zeros(UNITS), C0);
    double[] g = new double[UNITS];
    for (int k = 0; k < UNITS; k++) {
      double[] plus = trace.step(0).c().toArray(), minus = trace.step(0).c().toArray();
      plus[k] += 1e-6;
      minus[k] -= 1e-6;
      g[k] = (lossFromC1(lstm, trace, Vec.of(plus)) - lossFromC1(lstm, trace, Vec.of(minus))) / 2e-6;
    }
    LstmStep last = trace.last();
    Vec dLast = last.o().hadamard(last.tanhC().map(t -> 1 - t * t)).scale(1 / Math.sqrt(UNITS));
    double ratio = Vec.of(g).norm() / dLast.norm();
    right("03.2", ratio, BELT, XS, C0);
    hint("03.2", "direct path alone", Lesson03.directPath(BELT, XS, C0, 3), BELT, XS, C0);
    assertEquals(1.0738, Lesson03.left(BELT, XS, C0, 20), 1e-4, "the lesson's belt, as the review measured it");
    right("03.3", 4.0, BELT, XS, C0);
    hint("03.3", "raise b_f", 2.0, BELT, XS, C0);
    hint("03.3", "lower b_f", 20.0, BELT, XS, C0);
    LstmWeights open = BELT.withGate(LstmGate.INPUT, new GateWeights(Matrix.zeros(UNITS, UNITS + INPUTS), Vec.fill(UNITS, 20)));
    Lstm.LstmTrace opened = Lstm.of(open).forward(XS, Vec.zeros(UNITS), C0);
    right("03.4", 'B', opened, C0);
    right("03.4", 'A', Lstm.of(BELT).forward(XS, Vec.zeros(UNITS), C0), C0);
    right("03.5", 'B');
    hint("03.5", "below 1", 'A');
    hint("03.5", "grow with the distance", 'C');
  }

  // ------------------------------------------------------------------------- 04 --

  private static final String[] BOB_DAN = "Bob is a nice person Dan on the other hand is evil".split(" ");
  private static final Vocabulary V04 = Vocabulary.of(new LinkedHashSet<>(List.of(BOB_DAN)).toArray(new String[0]));

  private static HandWiredLstm bobDanWiring() {
    return HandWiredLstm.over(V04, 2).bias(LstmGate.FORGET, 8).bias(LstmGate.INPUT, -8).bias(LstmGate.OUTPUT, 8)
        .on("Bob").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, 3)
        .on("Dan").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, -3)
        .on("nice").input(1, 16).candidate(1, 3)
        .on("evil").input(1, 16).candidate(1, -3);
  }

  @Test
  void lesson04() {
    // z_f = [1·0.5 + 0 + 2·1 + 0, 0 − 0.5 + 1 − 1] = [2.5, −0.5]
    right("04.1", Vec.of(sigmoid(2.5), sigmoid(-0.5)));
    hint("04.1", "pre-activation", Vec.of(2.5, -0.5));
    hint("04.1", "bias", Vec.of(sigmoid(2.5), sigmoid(0.5)));
    LstmWeights bobDan = bobDanWiring().build();
    // "Bob is nice Bob is evil", subject slot: each Bob forgets (σ(−8)) and writes σ(8)·tanh(3); other words keep σ(8).
    double keep = sigmoid(8), write = sigmoid(8) * Math.tanh(3), drop = sigmoid(-8);
    double c = write;                                          // Bob
    c = keep * keep * c;                                       // is, nice
    c = drop * c + write;                                      // Bob
    c = keep * keep * c;                                       // is, evil
    right("04.2", c, bobDan, V04);
    hint("04.2", "wrong sign", -c, bobDan, V04);
    right("04.3", 5.0, bobDanWiring().bias(LstmGate.FORGET, 5).build(), V04);
    hint("04.3", "raise b_f", 3.0, bobDanWiring().bias(LstmGate.FORGET, 3).build(), V04);
    hint("04.3", "forget bias is not 6.0", 6.0, bobDanWiring().bias(LstmGate.FORGET, 5).build(), V04);
    Lstm.LstmTrace kept = Lstm.of(bobDanWiring().on("Dan").forget(1, 0).build()).forward(V04.encode(String.join(" ", BOB_DAN)));
    right("04.4", 'C', kept);
    hint("04.4", "the run says C", 'A', kept);
    right("04.5", 'A');
    hint("04.5", "never reaches 0", 'D');
  }

  // ------------------------------------------------------------------------- 05 --

  private static final String NAVY = "Bob knows swimming He told me over the phone that he had served the navy for four long years";
  private static final Vocabulary V05 = Vocabulary.of(new LinkedHashSet<>(List.of(NAVY.split(" "))).toArray(new String[0]));

  private static HandWiredLstm navyWiring() {
    Random rng = new Random(5);
    HandWiredLstm w = HandWiredLstm.over(V05, 2).bias(LstmGate.FORGET, 8).bias(LstmGate.INPUT, -8).bias(LstmGate.OUTPUT, 8);
    for (String word : V05.words()) w = w.on(word).candidate(0, -3 + 6 * rng.nextDouble()).candidate(1, -3 + 6 * rng.nextDouble());
    return w.on("navy").candidate(0, 3).input(0, 16).on("swimming").candidate(1, 3).input(1, 16);
  }

  @Test
  void lesson05() {
    right("05.1", Vec.of(0.8 - 0.6, 0.2));                      // [1·0.8 + 1·(−0.6), 0.5·0.4 + 0·0.9]
    hint("05.1", "old memory", Vec.of(-0.6, 0));
    double c = 1;
    for (int t = 0; t < 5; t++) c = 0.9 * c + 0.5;
    right("05.2", c);
    hint("05.2", "forget-only", Math.pow(0.9, 5));
    // 05.3 through index arithmetic on the candidate matrix, as the notebook used to: row 0, column H + "navy".
    LstmWeights navy = navyWiring().build();
    double[][] rows = navy.candidate().w().toArray2d();
    rows[0][2 + V05.indexOf("navy")] = -rows[0][2 + V05.indexOf("navy")];
    double expected = Lstm.of(navy.withGate(LstmGate.CANDIDATE, new GateWeights(Matrix.of(rows), navy.candidate().b())))
        .forward(V05.encode(NAVY)).last().c().get(0);
    assertTrue(expected < -0.9);
    right("05.3", expected, navyWiring(), V05, NAVY);
    hint("05.3", "candidate(0, -3)", -expected, navyWiring(), V05, NAVY);
    Lstm.LstmTrace allOpen = Lstm.of(navyWiring().bias(LstmGate.INPUT, 8).build()).forward(V05.encode(NAVY));
    right("05.4", 'B', allOpen);
    right("05.4", 'A', Lstm.of(navy).forward(V05.encode(NAVY)));
    right("05.5", 'B');
    hint("05.5", "erases, it writes nothing", 'C');
    hint("05.5", "towards ±1", 'D');
    // What 05.5's answer says, on the lesson's network: with the input bias at −2 the other words write into the navy
    // unit about 400 times more than at −8 (σ(−2)/σ(−8)), and a smaller forget bias writes nothing more.
    Lstm.LstmTrace open2 = Lstm.of(navyWiring().bias(LstmGate.INPUT, -2).build()).forward(V05.encode(NAVY));
    Lstm.LstmTrace forget4 = Lstm.of(navyWiring().bias(LstmGate.FORGET, 4).build()).forward(V05.encode(NAVY));
    Lstm.LstmTrace lesson = Lstm.of(navy).forward(V05.encode(NAVY));
    assertTrue(largestOtherWrite(open2, V05, NAVY) > 100 * largestOtherWrite(lesson, V05, NAVY));
    assertEquals(largestOtherWrite(lesson, V05, NAVY), largestOtherWrite(forget4, V05, NAVY), 1e-3);
  }

  /** The largest |i_t[0] c̃_t[0]| over every word but "navy": what the other words write into the navy unit. */
  private static double largestOtherWrite(Lstm.LstmTrace trace, Vocabulary v, String text) {
    List<String> words = List.of(text.split(" "));
    double largest = 0;
    for (int t = 0; t < words.size(); t++) {
      if (words.get(t).equals("navy")) continue;
      largest = Math.max(largest, Math.abs(trace.step(t).i().get(0) * trace.step(t).g().get(0)));
    }
    return largest;
  }

  // ------------------------------------------------------------------------- 06 --

  private static final String BRAVE = "Bob single-handedly fought the enemy and died for his country For his contributions brave";
  private static final Vocabulary V06 = Vocabulary.of(new LinkedHashSet<>(List.of(BRAVE.split(" "))).toArray(new String[0]));

  private static HandWiredLstm braveWiring() {
    return HandWiredLstm.over(V06, 2).bias(LstmGate.FORGET, 8).bias(LstmGate.INPUT, -8).bias(LstmGate.OUTPUT, -8)
        .on("Bob").input(0, 16).candidate(0, 3).on("enemy").input(1, 16).candidate(1, 3)
        .on("country").input(1, 16).candidate(1, 3).on("brave").output(0, 16);
  }

  @Test
  void lesson06() {
    right("06.1", Vec.of(0.5 * Math.tanh(1), Math.tanh(-2)));
    hint("06.1", "left out tanh", Vec.of(0.5, -2));
    hint("06.1", "misprint", Vec.of(0.5 + Math.tanh(1), 1 + Math.tanh(-2)));
    right("06.2", 0.5 / Math.tanh(2));
    hint("06.2", "divides by C_t", 0.25);
    LstmWeights brave = braveWiring().build();
    double[][] rows = brave.output().w().toArray2d();          // the old check cell's route: copy unit 0's "brave" weight
    rows[1][2 + V06.indexOf("brave")] = rows[0][2 + V06.indexOf("brave")];
    double expected = Lstm.of(brave.withGate(LstmGate.OUTPUT, new GateWeights(Matrix.of(rows), brave.output().b())))
        .forward(V06.encode(BRAVE)).last().h().get(1);
    right("06.3", expected, braveWiring(), V06, BRAVE);
    hint("06.3", "lesson's value", Lstm.of(brave).forward(V06.encode(BRAVE)).last().h().get(1), braveWiring(), V06, BRAVE);
    right("06.4", 'A', Lstm.of(braveWiring().on("brave").output(0, 8).build()).forward(V06.encode(BRAVE)));
    right("06.4", 'B', Lstm.of(brave).forward(V06.encode(BRAVE)));
    right("06.5", 'B');
    hint("06.5", "tanh(1.99)", 'C');
    hint("06.5", "nothing hides the memory", 'A');
  }

  // ------------------------------------------------------------------------- 07 --

  @Test
  void lesson07() {
    double f = sigmoid(1), i = sigmoid(1), g = Math.tanh(1), o = sigmoid(0);
    double c = f * 1 + i * g;
    right("07.1", o * Math.tanh(c));
    hint("07.1", "that is tanh(C_t)", Math.tanh(c));
    hint("07.1", "that is C_t", c);
    Random rng = new Random(42);
    LstmWeights w0 = LstmWeights.zeros(3, 4);
    double[] flat = new double[w0.count()];
    for (int k = 0; k < flat.length; k++) flat[k] = -1 + 2 * rng.nextDouble();
    LstmWeights w = w0.withArray(flat);
    Vec x = Vec.of(0.5, -1, 0.25, 2), hPrev = Vec.of(0.1, -0.3, 0.5), cPrev = Vec.of(0.4, -0.2, 1.0);
    LstmStep step = LstmCell.of(w).step(x, hPrev, cPrev);     // four separate products: independent of the fused layout
    LstmStep fresh = LstmCell.of(w).step(Vec.of(1, 0, -1, 0.5), hPrev, cPrev);   // 07.2's new input
    right("07.2", fresh.i().get(1), w.toFused(), hPrev, x);
    hint("07.2", "third block", fresh.g().get(1), w.toFused(), hPrev, x);
    hint("07.2", "forget gate", fresh.f().get(1), w.toFused(), hPrev, x);
    hint("07.2", "the table's step", step.i().get(1), w.toFused(), hPrev, x);
    hint("07.3", "push C_t[0] up", x.map(v -> Math.max(-1, Math.min(1, v))), w, hPrev, cPrev);
    Random search = new Random(1);
    Vec positive = null;
    while (positive == null) {
      Vec cand = Vec.of(search.doubles(4, -1, 1).toArray());
      if (LstmCell.of(w).step(cand, hPrev, cPrev).h().get(0) > 0) positive = cand;
    }
    right("07.3", positive, w, hPrev, cPrev);
    hint("07.3", "[−1, 1]", Vec.of(2, 0, 0, 0), w, hPrev, cPrev);
    gated.cell.PytorchLstmWeights torch = w.toPytorch();          // PyTorch's blocks i, f, g, o read as ours, f, g, i, o
    gated.cell.FusedLstmWeights copied = new gated.cell.FusedLstmWeights(torch.weightIh().transpose(),
        torch.weightHh().transpose(), torch.biasIh().plus(torch.biasHh()));
    LstmStep wrongRoles = copied.step(x, hPrev, cPrev);
    right("07.4", 'D', step, wrongRoles);
    hint("07.4", "the run says D", 'S', step, wrongRoles);
    right("07.4", 'S', step, w.toFused().step(x, hPrev, cPrev));
    right("07.5", 'A');
    hint("07.5", "same h_t", 'D');
  }

  // ------------------------------------------------------------------------- 08 --

  private static final Matrix WF2 = Matrix.of(new double[][] {{2, 6, 0, 0}, {-3, 3, 6, 0}});
  private static final Matrix WI2 = Matrix.of(new double[][] {{3, 1, 2, 2}, {-6, 3, 2, 1}});
  private static final Matrix WC2 = Matrix.of(new double[][] {{0, 4, 0, 5}, {-2, 6, 2, 5}});
  private static final Matrix WO2 = Matrix.of(new double[][] {{4, 3, 4, 4}, {-2, 2, 0, 4}});
  private static final Vec BF2 = Vec.of(1, 0), BI2 = Vec.of(0, 3), BC2 = Vec.of(1, 1), BO2 = Vec.of(1, -1);

  /** One LSTM step in plain arithmetic, rows of W on [h; x]: returns {h, c}. */
  private static double[][] plainStep(double[] x, double[] h, double[] c) {
    double[] hx = {h[0], h[1], x[0], x[1]};
    double[] hNew = new double[2], cNew = new double[2];
    for (int k = 0; k < 2; k++) {
      double zf = BF2.get(k), zi = BI2.get(k), zc = BC2.get(k), zo = BO2.get(k);
      for (int j = 0; j < 4; j++) {
        zf += WF2.get(k, j) * hx[j];
        zi += WI2.get(k, j) * hx[j];
        zc += WC2.get(k, j) * hx[j];
        zo += WO2.get(k, j) * hx[j];
      }
      cNew[k] = sigmoid(zf) * c[k] + sigmoid(zi) * Math.tanh(zc);
      hNew[k] = sigmoid(zo) * Math.tanh(cNew[k]);
    }
    return new double[][] {hNew, cNew};
  }

  @Test
  void lesson08() {
    // [0 0 0 1] reads row 3 of E, [2, 0, 2, 4]: z_i[k] = 0.76·(sum of W_i's first four entries of row k) + row k · x + b_k
    right("08.1", Vec.of(14 * 0.76 + 14 + 4, 12 * 0.76 + 28 + 4, 15 * 0.76 + 18 + 2, 20 * 0.76 + 2 + 1));
    hint("08.1", "row 3", Lesson08.zi(2, true));
    hint("08.1", "bias", Lesson08.zi(3, false));
    double[] h2 = {0.4165792, 0.32134238}, c2 = {0.44354576, 1.99999732};
    double t0 = Math.tanh(4 * 0.32134238 + 5 * 2 + 1), t1 = Math.tanh(-2 * 0.4165792 + 6 * 0.32134238 + 5 * 2 + 1);
    right("08.2", Vec.of(0.5 * c2[0] + 0.99999057 * t0, 0.5 * c2[1] + 0.333263 * t1));
    LstmWeights q2 = LstmWeights.builder().forget(WF2, BF2).input(WI2, BI2).candidate(WC2, BC2).output(WO2, BO2).build();
    LstmStep q2Step = LstmCell.of(q2).step(Vec.of(0, 2), Vec.of(h2), Vec.of(c2));
    double[][] first = plainStep(new double[] {0, 2}, h2, c2);
    double[][] second = plainStep(new double[] {1, 0}, first[0], first[1]);
    right("08.3", Vec.of(second[0]), q2, q2Step);
    hint("08.3", "first step's h_t and C_t", Vec.of(plainStep(new double[] {1, 0}, h2, c2)[0]), q2, q2Step);
    LstmStep zeroInput = LstmCell.of(q2).step(Vec.of(0, 0), Vec.of(h2), Vec.of(c2));
    right("08.4", 'F', q2Step, zeroInput);
    hint("08.4", "the run says F", 'O', q2Step, zeroInput);
    right("08.5", 'A');
    hint("08.5", "different embeddings", 'B');
  }

  @Test
  void longVerdictsAreWrappedWithinTheLineWidth() {
    for (Exercise e : BOOK.all()) {
      if (e.kind() != Kind.CHOICE) continue;
      for (char option : new char[] {'A', 'B', 'C', 'D'}) {
        String printed = BOOK.check(e.id(), option).line(e.id());
        for (String l : printed.split("\n")) assertTrue(l.length() <= Verdict.WIDTH, e.id() + " prints a line of " + l.length());
        assertEquals(printed.replace("\n    ", " "), printed.replace("\n    ", " ").replace("\n", " "), "only wrapped, nothing lost");
      }
    }
    assertEquals("✓ Exercise 04.1: right.", Verdict.correct("").line("04.1"));
  }

  @Test
  void wrongAnswersNeverShowTheExpectedValue() {
    String expected = String.format("%.4f", 0.5 / Math.tanh(2));
    for (double wrong : new double[] {0.25, 0.9, -0.5188, 1.0376}) {
      assertFalse(check("06.2", wrong).message().contains(expected), "06.2 leaked its answer");
    }
    String h = String.format("%.4f", Math.tanh(0.4));
    assertFalse(check("01.1", Vec.of(0.4, -0.8)).message().contains(h), "01.1 leaked its answer");
  }
}
