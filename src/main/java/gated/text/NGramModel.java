package gated.text;

import gated.internal.Checks;
import java.util.Arrays;

/**
 * A count-based character model of order n (an n-gram model): the next character is predicted from the
 * n − 1 characters before it, by counting on the training text, with interpolated Witten–Bell smoothing.
 * For a context h (the last k characters) and a next character w:
 *
 * <pre>
 *   p_k(w | h) = (c(h w) + d(h) · p_{k−1}(w | h′)) / (c(h) + d(h))      if h was seen in training
 *   p_k(w | h) = p_{k−1}(w | h′)                                          otherwise
 *   p_{−1}(w) = 1 / V
 * </pre>
 *
 * where h′ is h without its first character, c(h w) counts h followed by w, c(h) counts h followed by
 * anything, and d(h) is the number of different characters seen after h. A context seen often with few
 * different followers trusts its own counts; one followed by many different characters leans on the
 * shorter context. No character ever gets probability 0.
 *
 * <p>The counts are kept as sorted arrays of keys (the characters of an n-gram written as a number in
 * base V), looked up by binary search.
 */
public final class NGramModel {
  private final int order;
  private final int vocabulary;
  private final long[][] gramKeys;      // [k]: sorted keys of the (k+1)-grams seen, k = 0 … n−1
  private final int[][] gramCounts;     // [k]: how often each was seen
  private final long[][] contextKeys;   // [k]: sorted keys of the k-character contexts seen (k = 0: the empty one)
  private final int[][] contextTotals;  // c(h)
  private final int[][] contextKinds;   // d(h)

  private NGramModel(int order, int vocabulary, long[][] gramKeys, int[][] gramCounts, long[][] contextKeys,
      int[][] contextTotals, int[][] contextKinds) {
    this.order = order;
    this.vocabulary = vocabulary;
    this.gramKeys = gramKeys;
    this.gramCounts = gramCounts;
    this.contextKeys = contextKeys;
    this.contextTotals = contextTotals;
    this.contextKinds = contextKinds;
  }

  /** Counts every k-gram of {@code train} for k = 1 … {@code order}, characters as indices 0 … V−1. */
  public static NGramModel wittenBell(int[] train, int vocabularySize, int order) {
    String op = "n-gram model";
    Checks.notNull(op, "training text", train);
    Checks.positive(op, "vocabulary size", vocabularySize);
    Checks.positive(op, "order n", order);
    if (Math.pow(vocabularySize, order) >= 0x1p62) {
      throw new IllegalArgumentException("n-gram model: V^n = " + vocabularySize + "^" + order
          + " is too large to number the n-grams; use a smaller order");
    }
    if (train.length < order) {
      throw new IllegalArgumentException("n-gram model: " + train.length + " training characters are fewer than the order "
          + order);
    }
    for (int k = 0; k < train.length; k++) {
      if (train[k] < 0 || train[k] >= vocabularySize) {
        throw new IllegalArgumentException("n-gram model: character index " + train[k] + " at position " + k
            + " is outside 0.." + (vocabularySize - 1));
      }
    }
    long[][] gk = new long[order][];
    int[][] gc = new int[order][];
    long[][] ck = new long[order][];
    int[][] ct = new int[order][];
    int[][] cd = new int[order][];
    for (int k = 0; k < order; k++) {                        // (k+1)-grams, contexts of k characters
      long[] keys = new long[train.length - k];
      for (int end = k; end < train.length; end++) keys[end - k] = key(train, end - k, end + 1, vocabularySize);
      Arrays.sort(keys);
      int unique = 0;
      for (int j = 0; j < keys.length; j++) if (j == 0 || keys[j] != keys[j - 1]) unique++;
      gk[k] = new long[unique];
      gc[k] = new int[unique];
      int u = -1;
      for (int j = 0; j < keys.length; j++) {
        if (j == 0 || keys[j] != keys[j - 1]) gk[k][++u] = keys[j];
        gc[k][u]++;
      }
      int contexts = 0;                                      // the gram keys are sorted, so their contexts are too
      for (int j = 0; j < unique; j++) if (j == 0 || gk[k][j] / vocabularySize != gk[k][j - 1] / vocabularySize) contexts++;
      ck[k] = new long[contexts];
      ct[k] = new int[contexts];
      cd[k] = new int[contexts];
      int c = -1;
      for (int j = 0; j < unique; j++) {
        long context = gk[k][j] / vocabularySize;
        if (j == 0 || context != gk[k][j - 1] / vocabularySize) ck[k][++c] = context;
        ct[k][c] += gc[k][j];
        cd[k][c]++;
      }
    }
    return new NGramModel(order, vocabularySize, gk, gc, ck, ct, cd);
  }

  /** The characters text[from … to−1] as one number in base V. */
  private static long key(int[] text, int from, int to, int v) {
    long k = 0;
    for (int j = from; j < to; j++) k = k * v + text[j];
    return k;
  }

  /** n: the model predicts from the n − 1 characters before. */
  public int order() {
    return order;
  }

  /** V. */
  public int vocabularySize() {
    return vocabulary;
  }

  /**
   * p(next | the characters before it): {@code text[from … at−1]} are the characters before (at most the last
   * n − 1 of them are used; fewer near the start of a text), {@code text[at]} is the one predicted.
   */
  public double probability(int[] text, int from, int at) {
    Checks.notNull("n-gram model", "text", text);
    if (from < 0 || at < from || at >= text.length) {
      throw new IllegalArgumentException("n-gram model: positions from = " + from + ", at = " + at + " do not lie in a text of "
          + text.length + " characters");
    }
    int next = text[at];
    checkIndex(next, at);
    int longest = Math.min(order - 1, at - from);
    double p = 1.0 / vocabulary;
    for (int k = 0; k <= longest; k++) {                     // contexts of 0, 1, … characters, shortest first
      for (int j = at - k; j < at; j++) checkIndex(text[j], j);
      long context = key(text, at - k, at, vocabulary);
      int c = Arrays.binarySearch(contextKeys[k], context);
      if (c < 0) break;                                       // unseen: so is every longer context ending in it
      int g = Arrays.binarySearch(gramKeys[k], context * vocabulary + next);
      double count = g < 0 ? 0 : gramCounts[k][g];
      double kinds = contextKinds[k][c];
      p = (count + kinds * p) / (contextTotals[k][c] + kinds);
    }
    return p;
  }

  /**
   * The mean of −log₂ p(c_k | the characters before it) over k = 1 … n−1 of {@code text}: every character but the
   * first is predicted, from at most the n − 1 characters before it.
   */
  public double bitsPerChar(int[] text) {
    Checks.notNull("n-gram model", "text", text);
    if (text.length < 2) throw new IllegalArgumentException("n-gram model: needs at least 2 characters, got " + text.length);
    double nats = 0;
    for (int k = 1; k < text.length; k++) nats -= Math.log(probability(text, 0, k));
    return Bits.fromNats(nats / (text.length - 1));
  }

  private void checkIndex(int id, int position) {
    if (id < 0 || id >= vocabulary) {
      throw new IllegalArgumentException("n-gram model: character index " + id + " at position " + position
          + " is outside 0.." + (vocabulary - 1));
    }
  }
}
