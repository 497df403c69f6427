package gated.text;

import gated.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A text to learn from, with where it comes from and under which licence.
 *
 * <p>{@link #kjvNewTestament()} is the corpus shipped with the course: the New Testament of the King
 * James Version (1611), 990,221 characters, public domain in most countries (in the United Kingdom
 * the translation is under Crown letters patent). See {@code kjv-new-testament.NOTICE.txt} beside it.
 *
 * @param name a short name for printing
 * @param text the characters
 * @param source where the text comes from
 * @param licence the terms it may be used under
 */
public record TextCorpus(String name, String text, String source, String licence) {

  private static final String KJV = "kjv-new-testament.txt";

  public TextCorpus {
    Checks.notNull("text corpus", "name", name);
    Checks.notNull("text corpus", "text", text);
    Checks.notNull("text corpus", "source", source);
    Checks.notNull("text corpus", "licence", licence);
    if (text.length() < 2) {
      throw new IllegalArgumentException("text corpus '" + name + "': needs at least 2 characters to predict one from "
          + "another, got " + text.length());
    }
  }

  /** Any text, e.g. one you typed in, with its source and licence stated. */
  public static TextCorpus of(String name, String text, String source, String licence) {
    return new TextCorpus(name, text, source, licence);
  }

  /** The New Testament of the King James Version, Matthew 1:1 to Revelation 22:21, wrapped at 72 columns. */
  public static TextCorpus kjvNewTestament() {
    return new TextCorpus("King James Version, New Testament", resource(KJV),
        "the King James Version (Authorized Version, 1611), as printed by the `bible` program of Debian's "
            + "bible-kjv and bible-kjv-text 4.38 packages (the Bible Retrieval System, Chip Chapin 1989)",
        "public domain in most countries; in the United Kingdom it is held under Crown letters patent, "
            + "a right outside copyright");
  }

  public int length() {
    return text.length();
  }

  /**
   * Cuts the text into blocks of about {@code blockSize} characters (each ending at a line end) and
   * keeps every {@code every}-th block apart as held-out text, so that the held-out text comes from
   * all over the corpus rather than from its last book only.
   *
   * @return the training text (the other blocks, in order) and the held-out text
   */
  public Split split(int blockSize, int every) {
    Checks.positive("corpus split", "block size", blockSize);
    if (every < 2) throw new IllegalArgumentException("corpus split: every must be at least 2 (1 would hold out everything), got " + every);
    StringBuilder train = new StringBuilder();
    StringBuilder heldOut = new StringBuilder();
    int start = 0;
    int block = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + blockSize);
      int newline = text.indexOf('\n', end - 1);                 // end the block at a line end
      end = newline < 0 ? text.length() : newline + 1;
      ((block % every == every - 1) ? heldOut : train).append(text, start, end);
      start = end;
      block++;
    }
    if (heldOut.length() == 0 || train.length() == 0) {
      throw new IllegalArgumentException("corpus split: " + text.length() + " characters in blocks of " + blockSize
          + " give " + block + " blocks, too few to hold out every " + every + "-th");
    }
    return new Split(train.toString(), heldOut.toString());
  }

  /** The training text and the held-out text, which the model never trains on. */
  public record Split(String train, String heldOut) {}

  private static String resource(String file) {
    try (InputStream in = TextCorpus.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("text corpus: " + file + " is missing from the library jar; rebuild it with "
            + "./course test (or mvn package)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("text corpus: could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
