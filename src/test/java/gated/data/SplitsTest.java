package gated.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.train.Example;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitsTest {
  @Test
  void unseenTestSetsShareNoSequenceWithTraining() {
    DepthTask parity = DepthTask.parity(6);                                      // 2^6 = 64 possible sequences
    List<Example> train = parity.examples(40, new Random(1));
    List<Example> test = Splits.unseen(parity.examples(200, new Random(2)), train, 10);
    assertEquals(10, test.size());
    for (Example e : test) assertFalse(train.stream().anyMatch(t -> t.inputs().equals(e.inputs())));
  }

  @Test
  void aSmallSpaceIsCoveredByTheTrainingDrawsAndSaysSo() {
    LongRangeTask gap2 = LongRangeTask.builder().classes(2).fillers(4).gap(2).examples(200).seed(1).build();
    List<Example> train = gap2.generate();
    assertTrue(Splits.distinctInputs(train) <= 32, "2 countries × 4² filler patterns");
    assertEquals(32, Splits.distinctInputs(gap2.withExamples(2000).generate()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.unseen(gap2.withSeed(2).generate(), gap2.withExamples(2000).generate(), 1));
    assertTrue(e.getMessage().contains("0 of the 200 candidates"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Splits.unseen(train, train, 0));
  }
}
