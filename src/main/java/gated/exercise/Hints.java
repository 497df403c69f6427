package gated.exercise;

import gated.tensor.Format;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generic hints for a wrong answer: they say what kind of wrong it is (sign, size, factor of two,
 * order, rounding, which entries) and never print the expected value.
 */
final class Hints {
  private Hints() {}

  static boolean close(double a, double b, double tol) {
    return Math.abs(a - b) <= tol;
  }

  /** What is wrong with a number; {@code tol} is the exercise's tolerance. */
  static String number(double given, double expected, double tol) {
    if (!Double.isFinite(given)) return given + " is not a number you can check; compute a finite value";
    if (expected != 0 && close(-given, expected, tol)) return "right size, wrong sign";
    if (expected != 0 && (close(given, 2 * expected, 2 * tol) || close(2 * given, expected, 2 * tol))) {
      return "off by a factor of two";
    }
    if (expected != 0 && close(given, 100 * expected, 100 * tol)) return "this looks like a percentage; give a fraction";
    double relative = Math.abs(given - expected) / Math.max(Math.abs(expected), 1e-300);
    if (relative < 0.02) {
      return "close, but not within ±" + Format.number(tol, decimals(tol)) + "; keep more decimals in the intermediate steps";
    }
    return given > expected ? "not right yet: too large" : "not right yet: too small";
  }

  /** What is wrong with a whole number. */
  static String count(long given, long expected) {
    if (expected != 0 && (given == 2 * expected || 2 * given == expected)) return "off by a factor of two";
    long diff = given - expected;
    if (Math.abs(diff) <= 3) return "very close: off by " + Math.abs(diff) + (diff > 0 ? " (too many)" : " (too few)");
    return given > expected ? "not right yet: too large" : "not right yet: too small";
  }

  /** What is wrong with a vector: its size, its sign, its order, or which entries. */
  static String vector(Vec given, Vec expected, double tol) {
    if (given.size() != expected.size()) {
      return "your vector has " + given.size() + " entries; the answer has " + expected.size();
    }
    if (!given.isFinite()) return "your vector holds NaN or infinity";
    if (given.scale(-1).closeTo(expected, tol)) return "right size, wrong sign in every entry";
    if (given.scale(0.5).closeTo(expected, tol) || given.scale(2).closeTo(expected, tol)) {
      return "every entry is off by a factor of two";
    }
    double[] g = given.toArray();
    double[] e = expected.toArray();
    if (g.length > 1 && reversed(given).closeTo(expected, tol)) return "the right numbers in reverse order";
    double[] gs = g.clone();
    double[] es = e.clone();
    Arrays.sort(gs);
    Arrays.sort(es);
    if (g.length > 1 && Vec.of(gs).closeTo(Vec.of(es), tol)) return "the right numbers in the wrong order";
    List<Integer> right = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (int k = 0; k < g.length; k++) {
      if (close(g[k], e[k], tol)) right.add(k);
      else wrong.add(k + (g[k] > e[k] ? " (too large)" : " (too small)"));
    }
    if (right.isEmpty()) return "no entry is right yet: entry " + String.join(", entry ", wrong);
    String ok = right.size() == 1 ? "entry " + right.get(0) + " is right" : "entries " + join(right) + " are right";
    return ok + "; not yet: entry " + String.join(", entry ", wrong);
  }

  private static Vec reversed(Vec v) {
    double[] a = v.toArray();
    double[] r = new double[a.length];
    for (int k = 0; k < a.length; k++) r[k] = a[a.length - 1 - k];
    return Vec.of(r);
  }

  private static String join(List<Integer> ks) {
    return ks.size() == 1 ? "" + ks.get(0) : ks.subList(0, ks.size() - 1).toString().replaceAll("[\\[\\]]", "") + " and "
        + ks.get(ks.size() - 1);
  }

  static int decimals(double tol) {
    if (!(tol > 0)) return 6;
    return Math.max(0, Math.min(10, (int) Math.ceil(-Math.log10(tol))));
  }
}
