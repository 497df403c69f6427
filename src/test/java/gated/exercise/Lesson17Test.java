package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.exercise.Exercise.Rung;
import gated.text.UnitSearch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Notebook 17's exercises against hand-worked values and small planted examples. */
class Lesson17Test {
  private static final ExerciseBook BOOK = CourseExercises.book();

  @Test
  void theLadderIsComplete() {
    List<Exercise> ex = BOOK.ofNotebook("17");
    assertEquals(List.of("17.1", "17.2", "17.3", "17.4", "17.5"), ex.stream().map(Exercise::id).toList());
    for (Rung rung : Rung.values()) assertTrue(ex.stream().anyMatch(e -> e.rung() == rung), "no " + rung);
  }

  @Test
  void wherePiecesOfTheTextStartByHand() {
    // 1,000,000 characters before the last one, 16 streams of 62,500; row 3 starts at 3·62,500; minibatch 10 is 10·32 in.
    assertTrue(BOOK.check("17.1", 187_820L).isCorrect());
    assertTrue(BOOK.check("17.1", 10L * 16 * 32 + 3 * 32).message().contains("consecutive pieces"));
    assertTrue(BOOK.check("17.1", 3L * 62_500 + 9 * 32).message().contains("eleventh"));
    assertTrue(BOOK.check("17.1", 187_821L).message().contains("first target"));
    assertTrue(BOOK.check("17.1", 3L * 62_496 + 320).message().contains("leftover"));
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("17.1", -1L).status());
  }

  @Test
  void theRunDecidesThePrediction() {
    assertTrue(BOOK.check("17.2", 'B', 3.0, 3.1, 2.5, 2.51).isCorrect());
    assertTrue(BOOK.check("17.2", 'A', 3.0, 3.1, 2.5, 2.6).isCorrect());
    assertTrue(BOOK.check("17.2", 'C', 3.0, 3.01, 2.5, 2.6).isCorrect());
    assertTrue(BOOK.check("17.2", 'D', 3.0, 3.01, 2.5, 2.49).isCorrect());
    Verdict wrong = BOOK.check("17.2", 'A', 3.0, 3.1, 2.5, 2.51);
    assertTrue(wrong.message().contains("the run says B"), wrong.message());
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("17.2", 'A', 3.0, Double.NaN, 2.5, 2.51));
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("17.2", 'A', 3.0, 3.1));
    assertTrue(BOOK.check("17.3", 'B').isCorrect());
    for (char wrongOption : new char[] {'A', 'C', 'D'}) assertFalse(BOOK.check("17.3", wrongOption).isCorrect());
  }

  /** Text "aBcD…" with h unit 1 planted to follow the capitals negatively, and a c unit that follows them exactly. */
  private static UnitSearch.States planted() {
    String text = "aBcDeFgHiJ";
    double[][] h = new double[text.length()][], c = new double[text.length()][];
    for (int k = 0; k < text.length(); k++) {
      boolean capital = Character.isUpperCase(text.charAt(k));
      h[k] = new double[] {Math.sin(k), capital ? -1 + 0.1 * Math.cos(k) : 0.2 * Math.sin(3 * k)};
      c[k] = new double[] {capital ? 1 : 0, 0.5};
    }
    return new UnitSearch.States(text, h, c);
  }

  /** Pearson's r written out, independently of UnitSearch. */
  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0, mb = 0;
    for (int k = 0; k < n; k++) {
      ma += a[k] / n;
      mb += b[k] / n;
    }
    double sab = 0, saa = 0, sbb = 0;
    for (int k = 0; k < n; k++) {
      sab += (a[k] - ma) * (b[k] - mb);
      saa += (a[k] - ma) * (a[k] - ma);
      sbb += (b[k] - mb) * (b[k] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  @Test
  void theCapitalLetterUnitOfH() {
    UnitSearch.States s = planted();
    double[] capital = new double[10];
    double[] unit1 = new double[10];
    for (int k = 0; k < 10; k++) {
      capital[k] = k % 2;
      unit1[k] = s.h()[k][1];
    }
    double r = pearson(unit1, capital);
    assertTrue(r < -0.9, "planted: " + r);
    assertTrue(BOOK.check("17.4", r, s).isCorrect());
    assertTrue(BOOK.check("17.4", -r, s).message().contains("with its sign"));
    assertTrue(BOOK.check("17.4", 1.0, s).message().contains("units of h only"));
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("17.4", r));
  }

  @Test
  void chanceCorrelationsAreJudgedByTheirSize() {
    int n = 4000;
    Random text = new Random(1);
    StringBuilder sb = new StringBuilder();
    double[][] h = new double[n][16], c = new double[n][16];
    for (int k = 0; k < n; k++) {
      sb.append((char) ('a' + text.nextInt(26)));
      for (int u = 0; u < 16; u++) {
        h[k][u] = text.nextGaussian();
        c[k][u] = k > 0 ? 0.9 * c[k - 1][u] + text.nextGaussian() : 0;   // autocorrelated, like a cell state
      }
    }
    UnitSearch.States s = new UnitSearch.States(sb.toString(), h, c);
    for (int seed = 0; seed < 20; seed++) {
      Random coin = new Random(seed);
      double[] noise = new double[n];
      for (int k = 0; k < n; k++) noise[k] = coin.nextInt(2);
      double r = Lesson17.largestChanceCorrelation(s, noise);
      double byHand = 0;
      for (int u = 0; u < 16; u++) {
        double[] hu = new double[n], cu = new double[n];
        for (int k = 0; k < n; k++) {
          hu[k] = h[k][u];
          cu[k] = c[k][u];
        }
        byHand = Math.max(byHand, Math.max(Math.abs(pearson(hu, noise)), Math.abs(pearson(cu, noise))));
      }
      assertEquals(byHand, r, 1e-12);
      Verdict v = BOOK.check("17.5", r, noise, s);
      assertTrue(v.isCorrect(), seed + ": " + v.message());
      assertTrue(BOOK.check("17.5", -r, noise, s).message().contains("without the sign"));
      assertTrue(BOOK.check("17.5", r + 0.01, noise, s).message().contains("not the largest"));
    }
    double[] notNoise = new double[n];                                    // follows h unit 0: far more than chance
    for (int k = 0; k < n; k++) notNoise[k] = h[k][0] > 0 ? 1 : 0;
    Verdict planted = BOOK.check("17.5", Lesson17.largestChanceCorrelation(s, notNoise), notNoise, s);
    assertFalse(planted.isCorrect());
    assertTrue(planted.message().contains("more than chance"), planted.message());
    assertTrue(BOOK.check("17.5", 0.1, new double[3], s).message().contains("one per character"));
    assertTrue(BOOK.check("17.5", 0.1, new double[n], s).message().contains("never changes"));
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("17.5", Double.NaN, notNoise, s).status());
  }
}
