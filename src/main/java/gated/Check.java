package gated;

import gated.tensor.Format;
import gated.tensor.Vec;

/**
 * Assertions for notebooks. {@code close}, {@code equal} and {@code isTrue} print a ✓ line and throw
 * {@link IllegalStateException} on a mismatch, so a changed number fails the notebook tests.
 * {@code answer} is for exercises: it prints whether the student's answer is right and never throws.
 * Every method returns nothing, so a check cell shows only its printed line under any kernel.
 */
public final class Check {
  private Check() {}

  /** |actual − expected| ≤ tol, or throw. */
  public static void close(String what, double actual, double expected, double tol) {
    if (!(Math.abs(actual - expected) <= tol)) {
      throw new IllegalStateException("check failed: " + what + " = " + actual + " but expected " + expected + " ± " + tol);
    }
    System.out.println("✓ " + what + " = " + Format.number(actual, decimals(tol)));
  }

  /** Every entry within tol, or throw. */
  public static void close(String what, Vec actual, Vec expected, double tol) {
    if (actual == null || !actual.closeTo(expected, tol)) {
      throw new IllegalStateException("check failed: " + what + " = " + actual + " but expected " + expected + " ± " + tol);
    }
    System.out.println("✓ " + what + " = " + actual.toString(decimals(tol)));
  }

  /** actual == expected, or throw. */
  public static void equal(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException("check failed: " + what + " = " + actual + " but expected " + expected);
    }
    System.out.println("✓ " + what + " = " + actual);
  }

  /** condition holds, or throw. */
  public static void isTrue(String what, boolean condition) {
    if (!condition) throw new IllegalStateException("check failed: " + what);
    System.out.println("✓ " + what);
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

  private static int decimals(double tol) {
    if (!(tol > 0)) return 6;
    return Math.max(0, Math.min(10, (int) Math.ceil(-Math.log10(tol))));
  }
}
