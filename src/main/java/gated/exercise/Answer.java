package gated.exercise;

import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a student's answer against an expected value that the library computes and never prints.
 * A right answer gets one ✓ line, a wrong one a hint (the sign? a factor of two? nats or bits?),
 * an unanswered one (NaN, null, −1, "") a reminder. Nothing here throws on a wrong answer: exercises
 * are for trying.
 */
public final class Answer {
  private Answer() {}

  /** A number, right within {@code tol}; the hints compare it with common slips. */
  public static boolean number(String exercise, double given, double expected, double tol, Map<Double, String> slips) {
    if (Double.isNaN(given)) {
      say("… " + exercise + ": not answered yet");
      return false;
    }
    if (Math.abs(given - expected) <= tol) {
      say("✓ " + exercise + ": correct");
      return true;
    }
    String hint = "not right yet";
    if (slips != null) {
      for (Map.Entry<Double, String> e : slips.entrySet()) {
        if (Math.abs(given - e.getKey()) <= Math.max(tol, 1e-9)) {
          hint = e.getValue();
          break;
        }
      }
    }
    if (hint.equals("not right yet")) {
      if (Math.abs(given + expected) <= tol && expected != 0) hint = "the size is right but the sign is not";
      else if (Math.abs(given - 2 * expected) <= tol || Math.abs(2 * given - expected) <= tol) {
        hint = "off by a factor of two";
      } else if (Math.abs(given - expected) <= 100 * tol) hint = "close, but not within " + tol + ": check your rounding";
    }
    say("✗ " + exercise + ": " + given + " is " + hint);
    return false;
  }

  /** A number with no particular slips to recognise. */
  public static boolean number(String exercise, double given, double expected, double tol) {
    return number(exercise, given, expected, tol, Map.of());
  }

  /** A whole number; −1 means not answered yet. */
  public static boolean whole(String exercise, long given, long expected, Map<Long, String> slips) {
    if (given == -1) {
      say("… " + exercise + ": not answered yet");
      return false;
    }
    if (given == expected) {
      say("✓ " + exercise + ": correct");
      return true;
    }
    String hint = slips == null ? null : slips.get(given);
    say("✗ " + exercise + ": " + given + " is " + (hint == null ? "not right yet" : hint));
    return false;
  }

  /** A vector, compared entry by entry; the hint says whether the size, the sign or the scale is off. */
  public static boolean vector(String exercise, Vec given, Vec expected, double tol) {
    if (given == null) {
      say("… " + exercise + ": not answered yet");
      return false;
    }
    if (given.size() != expected.size()) {
      say("✗ " + exercise + ": your vector has " + given.size() + " entries; it needs " + expected.size());
      return false;
    }
    if (given.closeTo(expected, tol)) {
      say("✓ " + exercise + ": correct");
      return true;
    }
    String hint = given.closeTo(expected.scale(-1), tol) ? "the sign is flipped"
        : given.closeTo(expected.scale(2), tol) || given.scale(2).closeTo(expected, tol) ? "off by a factor of two"
        : "not right yet";
    say("✗ " + exercise + ": " + hint);
    return false;
  }

  /**
   * A multiple choice: {@code options} maps each letter to why it is right (for the correct one) or
   * why it is not; the student sees the explanation of the option they chose.
   */
  public static boolean choice(String exercise, String given, String correct, Map<String, String> options) {
    if (given == null || given.isBlank()) {
      say("… " + exercise + ": not answered yet (choose one of " + String.join(", ", options.keySet()) + ")");
      return false;
    }
    String g = given.trim().toLowerCase();
    if (!options.containsKey(g)) {
      say("✗ " + exercise + ": \"" + given + "\" is not one of " + String.join(", ", options.keySet()));
      return false;
    }
    boolean ok = g.equals(correct);
    say((ok ? "✓ " : "✗ ") + exercise + ": (" + g + ") " + options.get(g));
    return ok;
  }

  /** Prints a message in lines of at most 100 characters, continuation lines indented by two spaces. */
  static void say(String message) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : message.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > 100) {
        out.append(line).append('\n');
        line = new StringBuilder("  ");
      }
      if (line.length() > 0 && !line.toString().equals("  ")) line.append(' ');
      line.append(word);
    }
    out.append(line);
    System.out.println(out);
  }

  /** Options in the order given, for {@link #choice}. */
  public static Map<String, String> options(String... letterThenExplanation) {
    if (letterThenExplanation.length % 2 != 0) throw new IllegalArgumentException("options: give letter, explanation pairs");
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < letterThenExplanation.length; k += 2) m.put(letterThenExplanation[k], letterThenExplanation[k + 1]);
    return m;
  }

  /**
   * A prediction made before a run: it is only recorded (any prediction is allowed), and printed
   * beside the outcome later by {@link #compare}.
   */
  public static boolean record(String exercise, String prediction, List<String> allowed) {
    if (prediction == null || prediction.isBlank()) {
      say("… " + exercise + ": no prediction yet (one of " + String.join(", ", allowed) + ")");
      return false;
    }
    if (!allowed.contains(prediction.trim().toLowerCase())) {
      say("✗ " + exercise + ": \"" + prediction + "\" is not one of " + String.join(", ", allowed));
      return false;
    }
    say("recorded: " + exercise + " prediction \"" + prediction.trim().toLowerCase() + "\"");
    return true;
  }

  /** The outcome of the run beside the prediction. */
  public static void compare(String exercise, String prediction, String outcome, String detail) {
    String p = prediction == null ? "" : prediction.trim().toLowerCase();
    List<String> parts = new ArrayList<>();
    parts.add("the run says \"" + outcome + "\" (" + detail + ")");
    if (p.isEmpty()) parts.add("you made no prediction");
    else parts.add(p.equals(outcome) ? "as you predicted" : "you predicted \"" + p + "\"");
    say(exercise + ": " + String.join("; ", parts));
  }
}
