package gated.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.model.OneHot;
import gated.train.Example;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DepthTaskTest {

  @Test
  void runningParityComposesXor() {
    assertArrayEquals(new int[] {1, 1, 0, 1, 1}, DepthTask.runningParity(new int[] {1, 0, 1, 1, 0}));
    assertThrows(IllegalArgumentException.class, () -> DepthTask.runningParity(new int[] {0, 2}));
  }

  @Test
  void everyStepTagsEachStepAndFinalParityOnlyTheLast() {
    int[] bits = {1, 1, 0, 1};
    Example tagged = DepthTask.parity(4).example(bits);
    assertEquals(List.of(1, 0, 0, 1), tagged.targets());
    assertEquals(1, OneHot.decode(tagged.inputs().get(0)));
    assertEquals(0, OneHot.decode(tagged.inputs().get(2)));
    Example last = DepthTask.finalParity(4).example(bits);
    for (int t = 0; t < 3; t++) assertNull(last.targets().get(t));
    assertEquals(1, last.label());
  }

  @Test
  void examplesAreSeeded() {
    DepthTask task = DepthTask.parity(6);
    assertEquals(task.examples(8, new Random(3)), task.examples(8, new Random(3)));
    assertEquals(2, task.inputSize());
    assertThrows(IllegalArgumentException.class, () -> task.example(new int[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> DepthTask.parity(0));
  }
}
