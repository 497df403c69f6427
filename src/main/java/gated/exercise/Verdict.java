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

  /** The line a notebook prints: "✓ Exercise 04.1: right.", "✗ Exercise 04.1: …", "… Exercise 04.1: …". */
  public String line(String id) {
    String mark = switch (status) {
      case CORRECT -> "✓";
      case WRONG -> "✗";
      case UNANSWERED -> "…";
    };
    String text = message.endsWith(".") || message.endsWith("?") || message.endsWith("!") ? message : message + ".";
    return mark + " Exercise " + id + ": " + text;
  }
}
