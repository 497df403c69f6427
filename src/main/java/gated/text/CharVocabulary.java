package gated.text;

import gated.internal.Checks;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The characters of a text, each with an index 0 … V−1 in code-point order: the model's input is the
 * one-hot vector of a character's index and its output is a probability for every index.
 */
public final class CharVocabulary {
  private final char[] chars;
  private final int[] index;        // index[c] for c < 65536, −1 if c is not in the vocabulary

  private CharVocabulary(char[] chars) {
    this.chars = chars;
    this.index = new int[Character.MAX_VALUE + 1];
    Arrays.fill(index, -1);
    for (int k = 0; k < chars.length; k++) index[chars[k]] = k;
  }

  /** Every distinct character of {@code text}, sorted. */
  public static CharVocabulary of(String text) {
    Checks.notNull("character vocabulary", "text", text);
    if (text.isEmpty()) throw new IllegalArgumentException("character vocabulary: the text is empty");
    TreeSet<Character> seen = new TreeSet<>();
    for (int k = 0; k < text.length(); k++) seen.add(text.charAt(k));
    char[] c = new char[seen.size()];
    int k = 0;
    for (char ch : seen) c[k++] = ch;
    return new CharVocabulary(c);
  }

  /** V, the number of distinct characters. */
  public int size() {
    return chars.length;
  }

  public char charAt(int index) {
    if (index < 0 || index >= chars.length) {
      throw new IllegalArgumentException("character vocabulary: index " + index + " is outside 0.." + (chars.length - 1));
    }
    return chars[index];
  }

  public boolean contains(char c) {
    return index[c] >= 0;
  }

  public int indexOf(char c) {
    int k = index[c];
    if (k < 0) {
      throw new IllegalArgumentException("character vocabulary: " + describe(c) + " is not one of the " + size()
          + " characters of the training text");
    }
    return k;
  }

  /** The index of every character of {@code text}. */
  public int[] encode(String text) {
    Checks.notNull("character vocabulary", "text", text);
    int[] ids = new int[text.length()];
    for (int k = 0; k < ids.length; k++) ids[k] = indexOf(text.charAt(k));
    return ids;
  }

  public String decode(int[] ids) {
    Checks.notNull("character vocabulary", "indices", ids);
    StringBuilder s = new StringBuilder(ids.length);
    for (int id : ids) s.append(charAt(id));
    return s.toString();
  }

  /** The characters in index order, with the line end shown as ⏎ and the space as ␣. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (char c : chars) s.append(c == '\n' ? '⏎' : c == ' ' ? '␣' : c);
    return s.toString();
  }

  /** A character as a reader sees it: 'a', '⏎' (line end), '␣' (space), or U+xxxx. */
  public static String describe(char c) {
    if (c == '\n') return "'⏎' (line end)";
    if (c == ' ') return "'␣' (space)";
    if (Character.isISOControl(c)) return String.format("U+%04X", (int) c);
    return "'" + c + "'";
  }
}
