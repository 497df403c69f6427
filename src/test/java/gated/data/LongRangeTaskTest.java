package gated.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.model.OneHot;
import gated.train.Example;
import gated.tensor.Vec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongRangeTaskTest {
  static final LongRangeTask TASK = LongRangeTask.builder().classes(3).gap(7).fillers(5).examples(30).seed(4).build();

  @Test
  void everySequenceHasGapPlusOneOneHotStepsOfSizeKPlusF() {
    List<Example> data = TASK.generate();
    assertEquals(30, data.size());
    assertEquals(8, TASK.length());
    assertEquals(8, TASK.inputSize());
    for (Example ex : data) {
      assertEquals(8, ex.inputs().size());
      for (Vec x : ex.inputs()) {
        assertEquals(8, x.size());
        OneHot.decode(x);                                    // throws unless exactly one 1
      }
    }
  }

  @Test
  void theLabelIsTheFirstTokensClassAndFillersNeverAreCountries() {
    List<Example> data = TASK.generate();
    int[] perClass = new int[3];
    for (Example ex : data) {
      int first = OneHot.decode(ex.inputs().get(0));
      assertEquals(first, ex.label());
      perClass[ex.label()]++;
      for (int t = 1; t < ex.inputs().size(); t++) {
        int k = OneHot.decode(ex.inputs().get(t));
        assertTrue(k >= 3 && k < 8, "filler index " + k);
        assertEquals(null, ex.targets().get(t - 1));          // only the last step has a target
      }
    }
    assertEquals(List.of(10, 10, 10), List.of(perClass[0], perClass[1], perClass[2]));
    assertEquals(1.0 / 3, TASK.chance(), 1e-15);
  }

  @Test
  void theSameSeedGivesTheSameExamplesAndAnotherSeedOtherFillers() {
    assertEquals(TASK.generate(), TASK.generate());
    assertEquals(TASK.generate(), LongRangeTask.builder().classes(3).gap(7).fillers(5).examples(30).seed(4).build()
        .generate());
    assertNotEquals(TASK.generate(), TASK.withSeed(5).generate());
  }

  @Test
  void wordsNameTheCountryFirstAndTheLanguageIsTheClassName() {
    Example ex = TASK.generate().get(0);
    List<String> words = TASK.words(ex);
    assertEquals("France", words.get(0));
    assertTrue(words.get(1).startsWith("filler"));
    assertEquals("French", LongRangeTask.language(ex.label()));
    assertEquals("country9", LongRangeTask.country(9));
    assertEquals(List.of("France", "Italy", "Spain", "filler0", "filler1", "filler2", "filler3", "filler4"),
        TASK.vocabulary().words());
  }

  @Test
  void aGapOfZeroIsJustTheCountry() {
    Example ex = TASK.withGap(0).generate().get(1);
    assertEquals(1, ex.inputs().size());
    assertEquals(1, ex.label());
  }

  @Test
  void badSettingsAreRejectedWithTheirName() {
    var e1 = assertThrows(IllegalArgumentException.class, () -> TASK.withGap(-1));
    assertTrue(e1.getMessage().contains("gap"), e1.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> LongRangeTask.builder().classes(1).build());
    assertTrue(e2.getMessage().contains("classes"), e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> LongRangeTask.builder().fillers(0).build());
    assertTrue(e3.getMessage().contains("fillers"), e3.getMessage());
    var e4 = assertThrows(IllegalArgumentException.class, () -> TASK.withExamples(0));
    assertTrue(e4.getMessage().contains("examples"), e4.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LongRangeTask.country(-1));
    assertThrows(IllegalArgumentException.class, () -> TASK.words(null));
  }
}
