package gated;

import gated.tensor.Format;
import gated.tensor.Vec;

/**
 * Assertions for notebooks. {@code close}, {@code equal} and {@code isTrue} print <b>nothing</b> when the
 * claim holds, so a lesson's output stays readable; when it does not hold they throw an
 * {@link IllegalStateException} whose message starts with "CHECK FAILED" and names the claim, the value
 * found, the value expected and how far apart they are, so a changed number fails the notebook tests loudly.
 * A cell that wants the student to see a number prints it itself.
 *
 * <p>{@code answer} is for exercises: it prints whether the student's answer is right and never throws.
 * Every method returns nothing, so a check cell shows no stray value under any kernel.
 */
public final class Check {
  private Check() {}

  /** |actual − expected| ≤ tol, or throw. Silent when it holds. */
  public static void close(String what, double actual, double expected, double tol) {
    if (!(Math.abs(actual - expected) <= tol)) {
      throw failed(what, Double.toString(actual) + " but the lesson expects " + expected + " ± " + tol
          + (Double.isFinite(actual) ? " (off by " + Format.number(actual - expected, decimals(tol) + 1) + ")" : ""));
    }
  }

  /** Every entry within tol, or throw naming the first entry that is not. Silent when it holds. */
  public static void close(String what, Vec actual, Vec expected, double tol) {
    if (expected == null) throw new IllegalArgumentException("Check.close: the expected vector for '" + what + "' is null");
    if (actual == null) throw failed(what, "null but the lesson expects " + expected.toString(digits(tol)));
    if (actual.size() != expected.size()) {
      throw failed(what, actual.toString(digits(tol)) + " has " + actual.size() + " entries but the lesson expects "
          + expected.size() + ": " + expected.toString(digits(tol)));
    }
    for (int k = 0; k < actual.size(); k++) {
      if (!(Math.abs(actual.get(k) - expected.get(k)) <= tol)) {
        throw failed(what, actual.toString(digits(tol)) + " but the lesson expects " + expected.toString(digits(tol))
            + " ± " + tol + " (entry " + k + " is " + actual.get(k) + ", expected " + expected.get(k) + ")");
      }
    }
  }

  /** actual == expected, or throw. Silent when it holds. */
  public static void equal(String what, long actual, long expected) {
    if (actual != expected) throw failed(what, actual + " but the lesson expects " + expected);
  }

  /** condition holds, or throw. Silent when it holds. */
  public static void isTrue(String what, boolean condition) {
    if (!condition) throw failed(what, "this is false");
  }

  /** An exercise answer: prints ✓ or what is wrong; NaN means "not answered yet". */
  public static void answer(String exercise, double given, double expected, double tol) {
    if (Double.isNaN(given)) {
      System.out.println("… " + exercise + ": not answered yet");
      return;
    }
    boolean ok = Math.abs(given - expected) <= tol;
    System.out.println(ok ? "✓ " + exercise + ": correct" : "✗ " + exercise + ": " + given + " is not right yet (tolerance "
        + tol + ")");
  }

  /** An exercise answer given as a vector; null means "not answered yet". */
  public static void answer(String exercise, Vec given, Vec expected, double tol) {
    if (given == null) {
      System.out.println("… " + exercise + ": not answered yet");
      return;
    }
    boolean ok = given.closeTo(expected, tol);
    System.out.println(ok ? "✓ " + exercise + ": correct" : "✗ " + exercise + ": " + given + " is not right yet (tolerance "
        + tol + ")");
  }

  /** An exercise answer that is a whole number; a negative answer means "not answered yet". */
  public static void answer(String exercise, long given, long expected) {
    if (given < 0) {
      System.out.println("… " + exercise + ": not answered yet");
      return;
    }
    boolean ok = given == expected;
    System.out.println(ok ? "✓ " + exercise + ": correct" : "✗ " + exercise + ": " + given + " is not right yet");
  }

  private static IllegalStateException failed(String what, String detail) {
    return new IllegalStateException("CHECK FAILED: " + what + ": " + detail);
  }

  /** Decimals that show a difference of size tol. */
  private static int decimals(double tol) {
    if (!(tol > 0)) return 6;
    return Math.max(0, Math.min(10, (int) Math.ceil(-Math.log10(tol))));
  }

  /** Decimals for printing vectors in a failure message: enough to see the difference, at least 4. */
  private static int digits(double tol) {
    return Math.max(4, decimals(tol) + 1);
  }
}
