package gated.exercise;

import gated.internal.Checks;

/**
 * How an answer was judged: {@code status} and one line for the student, which never contains the
 * expected value.
 */
public record Verdict(Status status, String message) {
  public enum Status { UNANSWERED, CORRECT, WRONG }

  public Verdict {
    Checks.notNull("verdict", "status", status);
    Checks.notNull("verdict", "message", message);
  }

  public static Verdict unanswered() {
    return new Verdict(Status.UNANSWERED, "not answered yet");
  }

  public static Verdict correct(String why) {
    return new Verdict(Status.CORRECT, why.isEmpty() ? "right" : "right. " + why);
  }

  public static Verdict wrong(String hint) {
    return new Verdict(Status.WRONG, hint);
  }

  public boolean isCorrect() {
    return status == Status.CORRECT;
  }

  /** Printed lines are at most this long; a longer verdict goes on over indented lines. */
  public static final int WIDTH = 100;

  /**
   * What a notebook prints: "✓ Exercise 04.1: right.", "✗ Exercise 04.1: …", "… Exercise 04.1: …"; an explanation
   * too long for one line of {@link #WIDTH} characters goes on over lines indented by four spaces.
   */
  public String line(String id) {
    String mark = switch (status) {
      case CORRECT -> "✓";
      case WRONG -> "✗";
      case UNANSWERED -> "…";
    };
    String text = message.endsWith(".") || message.endsWith("?") || message.endsWith("!") ? message : message + ".";
    return wrap(mark + " Exercise " + id + ": " + text);
  }

  /** Breaks at spaces so that no line is longer than {@link #WIDTH}; a single longer word stays whole. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append("    ");
      }
      if (line.length() > 0 && !line.toString().isBlank()) line.append(' ');
      line.append(word);
    }
    return out.append(line).toString();
  }
}
