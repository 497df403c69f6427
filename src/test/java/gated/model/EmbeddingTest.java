package gated.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
  @Test
  void aOneHotRowTimesTheTableIsTheLookup() {
    Embedding e = new Embedding(Matrix.uniform(6, 3, 1, new Random(2)));
    for (int k = 0; k < 6; k++) assertEquals(e.lookup(k), e.viaOneHot(OneHot.encode(k, 6)));
    assertEquals(18, e.count());
  }

  @Test
  void vocabularyEncodesSeed000sSentences() {
    Vocabulary v = Vocabulary.of("cat", "mat", "rat");
    assertEquals(List.of(Vec.of(0, 1, 0), Vec.of(0, 1, 0), Vec.of(1, 0, 0)), v.encode("mat mat cat"));
    assertEquals(2, OneHot.decode(v.oneHot("rat")));
    assertThrows(IllegalArgumentException.class, () -> v.encode("cat dog"));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of("cat", "cat"));
    assertThrows(IllegalArgumentException.class, () -> OneHot.decode(Vec.of(1, 1, 0)));
  }
}
