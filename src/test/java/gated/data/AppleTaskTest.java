package gated.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.model.OneHot;
import gated.train.Classifier;
import gated.train.Example;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AppleTaskTest {

  @Test
  void theSeedSentencesAreExamplesOfTheDefaultTask() {
    AppleTask task = AppleTask.of(8, 7);
    List<String> company = Arrays.asList("Apple is something that competitors simply cannot reproduce".split(" "));
    List<String> fruit = Arrays.asList("Apple is something that I like to eat".split(" "));
    assertEquals(0, task.labelOf(company));
    assertEquals(1, task.labelOf(fruit));
    Example ex = task.example(fruit);
    assertEquals(8, ex.inputs().size());
    assertEquals(1, ex.targets().get(0));
    for (int t = 1; t < 8; t++) assertNull(ex.targets().get(t));
    assertEquals(task.vocabulary().indexOf("eat"), OneHot.decode(ex.inputs().get(7)));
    assertEquals(12, task.inputSize());
  }

  @Test
  void examplesAreBalancedSeededAndPutTheDecidingWordAtTheGap() {
    AppleTask task = AppleTask.of(6, 3);
    List<Example> a = task.examples(10, new Random(5));
    List<Example> b = task.examples(10, new Random(5));
    assertEquals(a, b);
    int ones = 0;
    for (int k = 0; k < a.size(); k++) {
      Example ex = a.get(k);
      int label = ex.targets().get(0);
      ones += label;
      assertEquals(k % 2, label);
      String decider = task.vocabulary().word(OneHot.decode(ex.inputs().get(3)));
      assertEquals(AppleTask.DECIDERS.get(label), decider);
      assertEquals("Apple", task.vocabulary().word(OneHot.decode(ex.inputs().get(0))));
      for (int t = 1; t < 6; t++) {
        if (t == 3) continue;
        assertTrue(AppleTask.FILLERS.contains(task.vocabulary().word(OneHot.decode(ex.inputs().get(t)))));
      }
    }
    assertEquals(5, ones);
  }

  @Test
  void aForwardModelsOutputAtStepOneCannotSeeTheLabel() {
    AppleTask task = AppleTask.of(5, 2);
    Random r = new Random(1);
    Classifier<LstmWeights> clf = Classifier.of(new Lstm(LstmWeights.random(4, task.inputSize(), r)), 2, r);
    // Whatever the weights, a forward model's step-1 output is the same for every example: accuracy is 1/2.
    assertEquals(0.5, clf.accuracy(task.examples(20, new Random(2))), 1e-12);
  }

  @Test
  void badSizesAreRejectedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppleTask.of(4, 4));
    assertTrue(e.getMessage().contains("gap 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AppleTask.of(1, 1));
    assertThrows(IllegalArgumentException.class, () -> AppleTask.of(4, 0));
    AppleTask task = AppleTask.of(3, 2);
    assertThrows(IllegalArgumentException.class, () -> task.sentence(2, new Random(0)));
    assertThrows(IllegalArgumentException.class, () -> task.labelOf(List.of("Apple", "eat", "is")));
    assertThrows(IllegalArgumentException.class, () -> task.labelOf(List.of("eat", "is", "eat")));
  }
}
