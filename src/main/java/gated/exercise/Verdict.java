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

  /**
   * {@link #line} broken at spaces into lines of at most {@code width} characters (a word longer than that
   * stays whole), every line after the first indented by two spaces: what a notebook prints, so that an
   * explanation of several sentences stays readable and within the course's output width.
   */
  public String wrapped(String id, int width) {
    if (width < 20) throw new IllegalArgumentException("verdict: a width of " + width + " characters is too narrow");
    StringBuilder out = new StringBuilder();
    StringBuilder current = new StringBuilder();
    for (String word : line(id).split(" ")) {
      if (word.isEmpty()) continue;
      boolean fresh = current.length() == 0 || current.toString().equals("  ");
      if (!fresh && current.length() + 1 + word.length() > width) {
        out.append(current).append('\n');
        current = new StringBuilder("  ");
        fresh = true;
      }
      if (!fresh) current.append(' ');
      current.append(word);
    }
    return out.append(current).toString();
  }
}
