package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NGramBaselineTest {

  @Test
  void unigramByHand() {
    int[] train = {0, 0, 0, 1};                                 // counts 3, 1; with α = 1: p = 4/6, 2/6
    NGramBaseline u = NGramBaseline.unigram(train, 2, 1);
    assertEquals(4.0 / 6, u.probability(1, 0), 1e-12);
    double expected = -(Math.log(4.0 / 6) + Math.log(2.0 / 6)) / 2 / Math.log(2);   // predicts 0 then 1
    assertEquals(expected, u.bitsPerChar(new int[] {1, 0, 1}), 1e-12);
  }

  @Test
  void bigramByHand() {
    int[] train = {0, 1, 0, 1, 1};                             // pairs 01, 10, 01, 11
    NGramBaseline b = NGramBaseline.bigram(train, 2, 1);
    assertEquals((2 + 1) / (2 + 2.0), b.probability(0, 1), 1e-12);   // after 0: 1 twice, 0 never
    assertEquals((1 + 1) / (2 + 2.0), b.probability(1, 0), 1e-12);
    assertEquals(1.0, b.probability(1, 0) + b.probability(1, 1), 1e-12);
  }

  @Test
  void aUniformUnigramCostsLog2VBits() {
    int[] train = {0, 1, 2, 3};
    assertEquals(2.0, NGramBaseline.unigram(train, 4, 1).bitsPerChar(new int[] {3, 2, 1, 0, 0}), 1e-12);
    assertEquals(2.0, Bits.uniform(4), 1e-12);
  }

  @Test
  void onRealTextTheBigramBeatsTheUnigramOnHeldOutText() {
    TextCorpus c = TextCorpus.kjvNewTestament();
    TextCorpus.Split s = c.split(10_000, 10);
    CharVocabulary v = CharVocabulary.of(c.text());
    int[] train = v.encode(s.train()), held = v.encode(s.heldOut());
    double uni = NGramBaseline.unigram(train, v.size(), 1).bitsPerChar(held);
    double bi = NGramBaseline.bigram(train, v.size(), 1).bitsPerChar(held);
    assertTrue(bi < uni - 0.5, "bigram " + bi + " vs unigram " + uni);
    assertTrue(uni < Bits.uniform(v.size()), "the unigram beats the uniform model");
  }

  @Test
  void indicesOutsideTheVocabularyAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> NGramBaseline.unigram(new int[] {0, 2}, 2, 1));
    NGramBaseline b = NGramBaseline.bigram(new int[] {0, 1}, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> b.bitsPerChar(new int[] {0, 5}));
  }
}
