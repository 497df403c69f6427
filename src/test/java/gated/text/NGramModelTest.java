package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NGramModelTest {

  @Test
  void byHandOnATinyText() {
    // "abab a" over {a, b, space}: a=0, b=1, ␣=2.  Text: a b a b ␣ a  (6 characters)
    int[] text = {0, 1, 0, 1, 2, 0};
    NGramModel m = NGramModel.wittenBell(text, 3, 2);
    // Unigram: c(a) = 3, N = 6, d = 3 kinds: p(a) = (3 + 3·⅓) / (6 + 3) = 4/9.
    assertEquals(4.0 / 9, m.probability(new int[] {0}, 0, 0), 1e-15);
    // After "a": followed by b twice, 2 times in all, 1 kind. p(b | a) = (2 + 1·p(b)) / (2 + 1), p(b) = (2 + 1)/9 = 1/3.
    assertEquals((2 + 1.0 / 3) / 3, m.probability(new int[] {0, 1}, 0, 1), 1e-15);
    // After "b": a once, ␣ once (2 in all, 2 kinds). p(␣ | b) = (1 + 2·p(␣)) / (2 + 2), p(␣) = (1 + 1)/9.
    assertEquals((1 + 2 * 2.0 / 9) / 4, m.probability(new int[] {1, 2}, 0, 1), 1e-15);
    // After "␣": a once, 1 kind. p(b | ␣) = (0 + 1·p(b)) / (1 + 1): an unseen pair keeps a share of the unigram.
    assertEquals((1.0 / 3) / 2, m.probability(new int[] {2, 1}, 0, 1), 1e-15);
    // "from" limits the context: at the start of a stream only the unigram is left.
    assertEquals(1.0 / 3, m.probability(new int[] {0, 1}, 1, 1), 1e-15);
  }

  @Test
  void everyContextGivesADistribution() {
    Random r = new Random(2);
    int v = 5;
    int[] train = new int[3000];
    for (int k = 0; k < train.length; k++) train[k] = k > 0 && r.nextDouble() < 0.6 ? (train[k - 1] + 1) % v : r.nextInt(v);
    for (int order = 1; order <= 5; order++) {
      NGramModel m = NGramModel.wittenBell(train, v, order);
      for (int trial = 0; trial < 50; trial++) {
        int[] context = new int[order + 2];
        for (int k = 0; k < context.length; k++) context[k] = r.nextInt(v);
        double sum = 0;
        for (int w = 0; w < v; w++) {
          context[context.length - 1] = w;
          double p = m.probability(context, 0, context.length - 1);
          assertTrue(p > 0, "never 0");
          sum += p;
        }
        assertEquals(1, sum, 1e-12, "order " + order);
      }
    }
  }

  /**
   * The review of notebook 17 computed interpolated Witten–Bell n-grams in plain Python (its own code) on the first
   * 8193 held-out characters, every character predicted from the ones before it: 3-gram 2.517, 5-gram 1.764 bits.
   */
  @Test
  void agreesWithAnIndependentComputationOnTheKingJamesText() {
    TextCorpus c = TextCorpus.kjvNewTestament();
    TextCorpus.Split s = c.split(10_000, 10);
    CharVocabulary v = CharVocabulary.of(c.text());
    int[] train = v.encode(s.train());
    int[] window = Arrays.copyOf(v.encode(s.heldOut()), 8193);
    assertEquals(2.517, NGramModel.wittenBell(train, v.size(), 3).bitsPerChar(window), 5e-4);
    assertEquals(1.764, NGramModel.wittenBell(train, v.size(), 5).bitsPerChar(window), 5e-4);
    // Scored on the lesson's batches (8 streams, each from its own start) the numbers hardly move.
    BpttBatches batches = BpttBatches.of(window, 8, 64);
    double three = Evaluation.bitsPerChar(NGramModel.wittenBell(train, v.size(), 3), batches);
    assertEquals(2.517, three, 0.02);
  }

  @Test
  void badInputIsNamed() {
    assertThrows(IllegalArgumentException.class, () -> NGramModel.wittenBell(new int[] {0, 3}, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> NGramModel.wittenBell(new int[] {0, 1}, 3, 0));
    assertThrows(IllegalArgumentException.class, () -> NGramModel.wittenBell(new int[] {0, 1}, 100, 10));
    NGramModel m = NGramModel.wittenBell(new int[] {0, 1, 2}, 3, 2);
    assertThrows(IllegalArgumentException.class, () -> m.probability(new int[] {0, 5}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.probability(new int[] {0, 1}, 0, 2));
  }
}
