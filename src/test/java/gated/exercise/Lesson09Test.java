package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmCell;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.model.DenseWeights;
import gated.model.Lstm;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.ClassifierWeights;
import gated.train.Example;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Notebook 09's exercises against hand-worked values and finite differences, never against their own code. */
class Lesson09Test {
  private static final ExerciseBook BOOK = CourseExercises.book();

  /** The lesson's 6-step example: an LSTM (H = 3, X = 4) with a 3-class output layer, a target at every step. */
  private static final Random R = new Random(7);
  private static final Classifier<LstmWeights> CLF = Classifier.of(Lstm.of(LstmWeights.random(3, 4, R)), 3, R);
  private static final Example EX = example(R);

  private static Example example(Random r) {
    List<Vec> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      xs.add(Vec.of(r.doubles(4, -1, 1).toArray()));
      ys.add(r.nextInt(3));
    }
    return Example.tagged(xs, ys);
  }

  @Test
  void theLadderIsComplete() {
    List<Exercise> ex = BOOK.ofNotebook("09");
    assertEquals(List.of("09.1", "09.2", "09.3", "09.4", "09.5"), ex.stream().map(Exercise::id).toList());
    for (Rung rung : Rung.values()) assertTrue(ex.stream().anyMatch(e -> e.rung() == rung), "no " + rung);
    assertTrue(ex.stream().anyMatch(e -> e.kind() == Exercise.Kind.PREDICTION));
    assertTrue(ex.stream().anyMatch(e -> e.kind() == Exercise.Kind.CHOICE));
  }

  @Test
  void oneUnitByHand() {
    double c = 0.9 * 2 + 0.5 * 0.6;                                      // c_t = f c_{t−1} + i g = 2.1
    double tanh = Math.tanh(c);
    double dc = 1 + 0.5 * 0.8 * (1 - tanh * tanh);                       // δc = δc_next + δh o (1 − tanh² c_t)
    double expected = dc * 0.9;                                          // δc_{t−1} = δc f
    assertTrue(BOOK.check("09.1", expected).isCorrect());
    assertTrue(BOOK.check("09.1", Math.round(expected * 1e4) / 1e4).isCorrect(), "4 decimals are enough");
    assertTrue(BOOK.check("09.1", 0.9).message().contains("only the path from step t+1"));
    assertTrue(BOOK.check("09.1", dc).message().contains("that is δc"));
    assertTrue(BOOK.check("09.1", dc * 2).message().contains("δf"));
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("09.1", Double.NaN).status());
  }

  /** Σ_t cross-entropy, with the second part started from a fixed (h, c): what truncated BPTT differentiates. */
  private static double truncatedLoss(LstmWeights w, DenseWeights head, Example ex, Vec h0, Vec c0) {
    Lstm lstm = Lstm.of(w);
    List<Vec> hs = new ArrayList<>(lstm.forward(ex.inputs().subList(0, 3)).hs());
    hs.addAll(lstm.forward(ex.inputs().subList(3, 6), h0, c0).hs());
    double loss = 0;
    for (int t = 0; t < 6; t++) loss += Loss.softmaxCrossEntropy(head.apply(hs.get(t)), ex.targets().get(t)).value();
    return loss;
  }

  @Test
  void truncatedBpttAgainstFiniteDifferences() {
    LstmWeights w = (LstmWeights) CLF.encoder().weights();
    Lstm.LstmTrace first = Lstm.of(w).forward(EX.inputs().subList(0, 3));
    Vec h0 = first.last().h(), c0 = first.last().c();                  // values only: held fixed below
    double[] theta = w.toArray();
    double[] numeric = new double[theta.length];
    double eps = 1e-6;
    for (int k = 0; k < theta.length; k++) {
      double keep = theta[k];
      theta[k] = keep + eps;
      double plus = truncatedLoss(w.withArray(theta), CLF.head(), EX, h0, c0);
      theta[k] = keep - eps;
      double minus = truncatedLoss(w.withArray(theta), CLF.head(), EX, h0, c0);
      theta[k] = keep;
      numeric[k] = (plus - minus) / (2 * eps);
    }
    LstmWeights full = CLF.lossAndGradient(EX).gradient().encoder();
    LstmWeights truncated = w.withArray(numeric);
    double expected = truncated.plusScaled(full, -1).norm() / full.norm();
    assertTrue(expected > 0.01, "the cut makes a visible difference: " + expected);
    Verdict v = BOOK.check("09.2", expected, CLF, EX);
    assertTrue(v.isCorrect(), v.message());                              // finite differences agree to ~1e-9
    assertTrue(BOOK.check("09.2", 0.0, CLF, EX).message().contains("still flows back"));
    assertFalse(BOOK.check("09.2", expected * 1.1, CLF, EX).isCorrect());
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("09.2", expected, CLF));
  }

  /** The lesson's bptt loop, with either path cut: relative difference to the full gradient. */
  private static double cut(boolean keepCell, boolean keepH) {
    Lstm lstm = (Lstm) CLF.encoder();
    Lstm.LstmTrace trace = lstm.forward(EX.inputs());
    LstmCell cell = lstm.cell();
    LstmWeights dW = lstm.weights().zerosLike();
    Vec dhNext = Vec.zeros(3), dcNext = Vec.zeros(3);
    for (int t = 5; t >= 0; t--) {
      Vec h = trace.step(t).h();
      Vec dOut = CLF.head().backward(h, Loss.softmaxCrossEntropy(CLF.head().apply(h), EX.targets().get(t)).gradient()).dh();
      LstmCell.Grad g = cell.backward(trace.step(t), dOut.plus(dhNext), dcNext);
      dW = dW.plusScaled(g.dWeights(), 1);
      dhNext = keepH ? g.dhPrev() : Vec.zeros(3);
      dcNext = keepCell ? g.dcPrev() : Vec.zeros(3);
    }
    LstmWeights full = CLF.lossAndGradient(EX).gradient().encoder();
    return dW.plusScaled(full, -1).norm() / full.norm();
  }

  @Test
  void predictWhichCutMattersThenRun() {
    assertEquals(0, cut(true, true), 1e-12);
    double cellCut = cut(false, true), hCut = cut(true, false);
    assertTrue(cellCut > 2 * hCut, cellCut + " vs " + hCut);             // what the lesson's run shows
    assertTrue(BOOK.check("09.3", 'A', cellCut, hCut).isCorrect());
    Verdict wrong = BOOK.check("09.3", 'B', cellCut, hCut);
    assertFalse(wrong.isCorrect());
    assertTrue(wrong.message().contains("the run says A"), wrong.message());
    assertTrue(BOOK.check("09.3", 'B', 0.1, 0.3).isCorrect());
    assertTrue(BOOK.check("09.3", 'C', 0.2, 0.3).isCorrect());
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("09.3", '?', cellCut, hCut).status());
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("09.3", 'A', Double.NaN, hCut));
    assertTrue(BOOK.check("09.4", 'B').isCorrect());
    for (char wrongOption : new char[] {'A', 'C', 'D'}) assertFalse(BOOK.check("09.4", wrongOption).isCorrect());
  }

  @Test
  void theStepOfAFiniteDifferenceTradesCurvatureAgainstRounding() {
    double coarse = Lesson09.worstFiniteDifferenceError(CLF, EX, 1e-2), finer = Lesson09.worstFiniteDifferenceError(CLF, EX, 1e-3);
    double ratio = coarse / finer;
    assertTrue(ratio > 50 && ratio < 200, "large steps: the error falls as ε² (" + ratio + ")");
    double tiny = Lesson09.worstFiniteDifferenceError(CLF, EX, 1e-9), small = Lesson09.worstFiniteDifferenceError(CLF, EX, 1e-7);
    assertTrue(tiny > 3 * small, "tiny steps: rounding grows as 1/ε (" + tiny + " vs " + small + ")");
    Verdict right = BOOK.check("09.5", 1e-5, CLF, EX);
    assertTrue(right.isCorrect(), right.message());
    assertTrue(BOOK.check("09.5", 1e-2, CLF, EX).message().contains("a smaller ε does better"));
    assertTrue(BOOK.check("09.5", 1e-9, CLF, EX).message().contains("a larger ε does better"));
    assertTrue(BOOK.check("09.5", 0.0, CLF, EX).message().contains("small positive"));
    assertTrue(BOOK.check("09.5", 2.0, CLF, EX).message().contains("small positive"));
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("09.5", Double.NaN, CLF, EX).status());
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("09.5", 1e-5, CLF));
  }

  @Test
  void noVerdictShowsTheExpectedValue() {
    double expected = Lesson09.oneUnit().dcPrev().get(0);
    for (double given : new double[] {0.9, -expected, 2 * expected, expected + 0.01}) {
      String line = BOOK.check("09.1", given).line("09.1");
      assertFalse(line.contains(String.format("%.4f", expected)), line);
      assertFalse(line.contains(String.format("%.3f", expected)), line);
    }
  }
}
