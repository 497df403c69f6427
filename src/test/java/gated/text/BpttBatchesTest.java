package gated.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BpttBatchesTest {

  @Test
  void rowsAreContiguousStreamsAndTargetsAreShiftedByOne() {
    int[] ids = new int[23];
    for (int k = 0; k < ids.length; k++) ids[k] = k;
    BpttBatches b = BpttBatches.of(ids, 2, 5);
    assertEquals(11, b.streamLength());                        // (23 − 1) / 2
    assertEquals(2, b.count());                                // 11 / 5
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, b.inputs(0)[0]);
    assertArrayEquals(new int[] {11, 12, 13, 14, 15}, b.inputs(0)[1]);
    assertArrayEquals(new int[] {5, 6, 7, 8, 9}, b.inputs(1)[0]);      // row 0 of batch 1 continues row 0 of batch 0
    assertArrayEquals(new int[] {17, 18, 19, 20, 21}, b.targets(1)[1]);
    assertEquals(16, b.position(1, 1, 0));
  }

  @Test
  void tooShortTextsAndBadIndicesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BpttBatches.of(new int[10], 4, 5));
    BpttBatches b = BpttBatches.of(new int[30], 2, 5);
    assertThrows(IllegalArgumentException.class, () -> b.inputs(b.count()));
    assertThrows(IllegalArgumentException.class, () -> b.position(0, 2, 0));
  }
}
