package gated.text;

/**
 * Units of a language model's loss. The cross-entropy −ln p(next character) is measured in nats
 * (natural logarithm); divided by ln 2 it is in bits, and its mean over a text is the model's
 * <em>bits per character</em>: how many yes/no questions, on average, the model still needs to
 * pin down the next character. The perplexity 2^bits = e^nats is the number of equally likely
 * characters that would leave the same uncertainty.
 */
public final class Bits {
  private Bits() {}

  /** nats / ln 2. */
  public static double fromNats(double nats) {
    return nats / Math.log(2);
  }

  /** 2^bits: the perplexity of a model with this many bits per character. */
  public static double perplexity(double bitsPerChar) {
    return Math.pow(2, bitsPerChar);
  }

  /** log₂ V: the bits per character of a model that gives all V characters the same probability. */
  public static double uniform(int vocabularySize) {
    if (vocabularySize < 1) throw new IllegalArgumentException("uniform model: needs at least 1 character, got " + vocabularySize);
    return Math.log(vocabularySize) / Math.log(2);
  }
}
