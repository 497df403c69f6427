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

  /** A printed line is broken at a space before it grows past this many characters (the course's output width). */
  static final int WIDTH = 100;

  /**
   * What a notebook prints: "✓ Exercise 04.1: right.", "✗ Exercise 04.1: …", "… Exercise 04.1: …". A long
   * explanation continues on further lines, each indented by two spaces and none longer than {@link #WIDTH}
   * characters (unless a single word is).
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

  private static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder("  ");
      }
      if (line.length() > 0 && !line.toString().equals("  ")) line.append(' ');
      line.append(word);
    }
    return out.append(line).toString();
  }
}
