package gated.text;

import gated.internal.Checks;
import java.util.function.Function;

/**
 * A simple, countable property of each character position in a text, to compare with what a hidden
 * unit does. Value k describes the text up to and including character k, which is what the state
 * after reading character k can know.
 *
 * @param name what is measured
 * @param values maps a text to one number per character
 */
public record TextProperty(String name, Function<String, double[]> values) {

  public TextProperty {
    Checks.notNull("text property", "name", name);
    Checks.notNull("text property", "values", values);
  }

  /** One number per character of {@code text}. */
  public double[] of(String text) {
    double[] v = values.apply(text);
    if (v == null || v.length != text.length()) {
      throw new IllegalArgumentException("text property '" + name + "': gave " + (v == null ? "null" : v.length + " values")
          + " for " + text.length() + " characters");
    }
    return v;
  }

  /** The column of the character: 0 for the first character of a line, 1 for the next, …; a line end counts as the last column. */
  public static TextProperty positionInLine() {
    return new TextProperty("position in the line", text -> {
      double[] v = new double[text.length()];
      int col = 0;
      for (int k = 0; k < text.length(); k++) {
        v[k] = col;
        col = text.charAt(k) == '\n' ? 0 : col + 1;
      }
      return v;
    });
  }

  /** 1 from an opening to its closing character (both included), 0 elsewhere; e.g. '(' and ')'. */
  public static TextProperty inside(char open, char close) {
    return new TextProperty("inside " + open + "…" + close, text -> {
      double[] v = new double[text.length()];
      int depth = 0;
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (c == open) depth++;
        v[k] = depth > 0 ? 1 : 0;
        if (c == close && depth > 0) depth--;
      }
      return v;
    });
  }

  /** 1 for a letter, 0 for anything else (space, punctuation, digit, line end). */
  public static TextProperty isLetter() {
    return new TextProperty("is a letter", text -> {
      double[] v = new double[text.length()];
      for (int k = 0; k < text.length(); k++) v[k] = Character.isLetter(text.charAt(k)) ? 1 : 0;
      return v;
    });
  }

  /** How many letters of the current word have been read: 1 for its first letter, 0 outside words. */
  public static TextProperty positionInWord() {
    return new TextProperty("position in the word", text -> {
      double[] v = new double[text.length()];
      int n = 0;
      for (int k = 0; k < text.length(); k++) {
        n = Character.isLetter(text.charAt(k)) ? n + 1 : 0;
        v[k] = n;
      }
      return v;
    });
  }

  /**
   * Characters read since the last digit (0 on a digit): in the course's corpus the only numbers are
   * verse and chapter numbers, so this is the position in the verse.
   */
  public static TextProperty sinceNumber() {
    return new TextProperty("characters since a number", text -> {
      double[] v = new double[text.length()];
      int n = 0;
      for (int k = 0; k < text.length(); k++) {
        n = Character.isDigit(text.charAt(k)) ? 0 : n + 1;
        v[k] = n;
      }
      return v;
    });
  }

  /** 1 for a capital letter, 0 for anything else. */
  public static TextProperty isCapital() {
    return new TextProperty("is a capital letter", text -> {
      double[] v = new double[text.length()];
      for (int k = 0; k < text.length(); k++) v[k] = Character.isUpperCase(text.charAt(k)) ? 1 : 0;
      return v;
    });
  }

  /** 1 on the characters of a verse number (the digits that start a verse), 0 elsewhere. */
  public static TextProperty isDigit() {
    return new TextProperty("is a digit", text -> {
      double[] v = new double[text.length()];
      for (int k = 0; k < text.length(); k++) v[k] = Character.isDigit(text.charAt(k)) ? 1 : 0;
      return v;
    });
  }
}
