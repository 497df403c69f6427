package gated.text;

import gated.internal.Checks;

/**
 * The two baselines a character model must beat, counted on the training text and scored on other
 * text in bits per character:
 * <ul>
 *   <li><b>unigram</b>: p(c) = (count(c) + α) / (n + αV), ignoring what came before;
 *   <li><b>bigram</b>: p(c | previous b) = (count(b c) + α) / (count(b) + αV), one character of memory.
 * </ul>
 * α = 1 (add-one or Laplace smoothing) keeps a pair never seen in training from getting probability 0,
 * which would make the held-out loss infinite.
 */
public final class NGramBaseline {
  private final int order;
  private final int vocabulary;
  private final double[][] logProb;   // [previous or 0][next], natural log

  private NGramBaseline(int order, int vocabulary, double[][] logProb) {
    this.order = order;
    this.vocabulary = vocabulary;
    this.logProb = logProb;
  }

  /** Counts single characters (add-α smoothing). */
  public static NGramBaseline unigram(int[] train, int vocabularySize, double alpha) {
    check(train, vocabularySize, alpha);
    double[] counts = new double[vocabularySize];
    for (int id : train) counts[id]++;
    double[][] lp = new double[1][vocabularySize];
    double total = train.length + alpha * vocabularySize;
    for (int c = 0; c < vocabularySize; c++) lp[0][c] = Math.log((counts[c] + alpha) / total);
    return new NGramBaseline(1, vocabularySize, lp);
  }

  /** Counts pairs of neighbouring characters (add-α smoothing). */
  public static NGramBaseline bigram(int[] train, int vocabularySize, double alpha) {
    check(train, vocabularySize, alpha);
    double[][] counts = new double[vocabularySize][vocabularySize];
    for (int k = 1; k < train.length; k++) counts[train[k - 1]][train[k]]++;
    double[][] lp = new double[vocabularySize][vocabularySize];
    for (int b = 0; b < vocabularySize; b++) {
      double row = 0;
      for (double v : counts[b]) row += v;
      for (int c = 0; c < vocabularySize; c++) lp[b][c] = Math.log((counts[b][c] + alpha) / (row + alpha * vocabularySize));
    }
    return new NGramBaseline(2, vocabularySize, lp);
  }

  /** 1 for the unigram, 2 for the bigram. */
  public int order() {
    return order;
  }

  /** p(next | previous); the unigram ignores {@code previous}. */
  public double probability(int previous, int next) {
    return Math.exp(logProb[order == 1 ? 0 : previous][next]);
  }

  /**
   * The mean of −log₂ p(c_k | c_{k−1}) over k = 1 … n−1: every character but the first is predicted,
   * as the recurrent model predicts every character after the first.
   */
  public double bitsPerChar(int[] text) {
    Checks.notNull("n-gram baseline", "text", text);
    if (text.length < 2) throw new IllegalArgumentException("n-gram baseline: needs at least 2 characters, got " + text.length);
    double nats = 0;
    for (int k = 1; k < text.length; k++) {
      if (text[k] < 0 || text[k] >= vocabulary || text[k - 1] < 0 || text[k - 1] >= vocabulary) {
        throw new IllegalArgumentException("n-gram baseline: character index at position " + k + " is outside 0.."
            + (vocabulary - 1));
      }
      nats -= logProb[order == 1 ? 0 : text[k - 1]][text[k]];
    }
    return Bits.fromNats(nats / (text.length - 1));
  }

  private static void check(int[] train, int vocabularySize, double alpha) {
    Checks.notNull("n-gram baseline", "training text", train);
    Checks.positive("n-gram baseline", "vocabulary size", vocabularySize);
    Checks.positive("n-gram baseline", "smoothing α", alpha);
    for (int k = 0; k < train.length; k++) {
      if (train[k] < 0 || train[k] >= vocabularySize) {
        throw new IllegalArgumentException("n-gram baseline: character index " + train[k] + " at position " + k
            + " is outside 0.." + (vocabularySize - 1));
      }
    }
  }
}
