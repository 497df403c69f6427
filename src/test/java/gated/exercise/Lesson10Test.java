package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.cell.GruCell;
import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.model.OneHot;
import gated.tensor.Vec;
import gated.train.GradientFlow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lesson10Test {
  /** The lesson's draw 1: 40 one-hot tokens over 4, from random seed 7. */
  static List<Vec> drawOne() {
    Random data = new Random(7);
    List<Vec> xs = new ArrayList<>();
    for (int t = 0; t < 40; t++) xs.add(OneHot.encode(data.nextInt(4), 4));
    return xs;
  }

  /** ‖∂L/∂h_t‖ at distance d by central finite differences: L = u·h_T, the GRU run on from a perturbed h_t. */
  static double finiteDifferenceNorm(GruWeights w, List<Vec> xs, int d) {
    GruCell cell = GruCell.of(w);
    int t = xs.size() - d;                       // h_t is the state after x_1 … x_t
    Vec h = Vec.zeros(8);
    for (int k = 0; k < t; k++) h = cell.step(xs.get(k), h).h();
    double eps = 1e-6, sum = 0;
    for (int j = 0; j < 8; j++) {
      double[] plus = h.toArray(), minus = h.toArray();
      plus[j] += eps;
      minus[j] -= eps;
      double g = (loss(cell, xs, t, Vec.of(plus)) - loss(cell, xs, t, Vec.of(minus))) / (2 * eps);
      sum += g * g;
    }
    return Math.sqrt(sum);
  }

  private static double loss(GruCell cell, List<Vec> xs, int t, Vec h) {
    for (int k = t; k < xs.size(); k++) h = cell.step(xs.get(k), h).h();
    return h.sum() / Math.sqrt(8);
  }

  static GruWeights withUpdateBias(double bz) {
    GruWeights w = GruWeights.random(8, 4, new Random(1));
    return new GruWeights(w.reset(), new RowGateWeights(w.update().wx(), w.update().wh(), Vec.fill(8, bz)), w.candidate());
  }

  @Test
  void theDirectRoadIsTheLargerUnitsProduct() {
    double expected = Math.max(0.9 * 0.8 * 0.7, 0.5 * 0.6 * 0.9);
    right(BOOK.check("10.1", expected));
    wrongWith(BOOK.check("10.1", (0.504 + 0.27) / 2), "mean over the units");
    wrongWith(BOOK.check("10.1", 0.504 * 0.27), "multiplied the two units together");
    wrongWith(BOOK.check("10.1", 0.27), "smaller unit");
    wrongWith(BOOK.check("10.1", 0.774), "not the sum");
  }

  @Test
  void theGruRatioAgreesWithFiniteDifferences() {
    List<Vec> xs = drawOne();
    double byDifferences = Math.log10(finiteDifferenceNorm(withUpdateBias(2), xs, 30)
        / finiteDifferenceNorm(withUpdateBias(0), xs, 30));
    double library = Lesson10.logRatio(xs, 2);
    assertEquals(byDifferences, library, 1e-3);
    right(BOOK.check("10.2", byDifferences, xs));
    wrongWith(BOOK.check("10.2", -library, xs), "wrong sign");
    wrongWith(BOOK.check("10.2", library * Math.log(10), xs), "natural logarithm");
    wrongWith(BOOK.check("10.2", Math.pow(10, library), xs), "ratio itself");
  }

  @Test
  void thePredictionIsJudgedByTheStudentsDraw() {
    List<Double> base = Collections.nCopies(40, 1e-9);
    GradientFlow.Profile l0 = new GradientFlow.Profile("b_f = 0", base);
    for (double ratio : new double[] {5000, 50, 0.5}) {
      GradientFlow.Profile l1 = new GradientFlow.Profile("b_f = 1", Collections.nCopies(40, 1e-9 * ratio));
      char happened = ratio > 1000 ? 'A' : ratio > 1 ? 'B' : 'C';
      right(BOOK.check("10.3", happened, l0, l1));
      char other = happened == 'A' ? 'C' : 'A';
      wrongWith(BOOK.check("10.3", other, l0, l1), "the run says " + happened);
    }
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("10.4", 'B', 'A', "went both ways", 'C', "both sides of 1", 'D', "above 1 in some draws");
  }
}
