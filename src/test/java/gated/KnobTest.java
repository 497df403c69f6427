package gated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnobTest {
  @Test
  void systemPropertyOverridesTheDefault() {
    assertEquals(30, Knob.integer("GATED_TEST_KNOB_UNSET", 30, 1, 100));
    System.setProperty("GATED_TEST_KNOB", "7");
    try {
      assertEquals(7, Knob.integer("GATED_TEST_KNOB", 30, 1, 100));
      assertEquals(7.0, Knob.real("GATED_TEST_KNOB", 1.5, 0.5, 10));
      System.setProperty("GATED_TEST_KNOB", "seven");
      assertThrows(IllegalArgumentException.class, () -> Knob.integer("GATED_TEST_KNOB", 30, 1, 100));
    } finally {
      System.clearProperty("GATED_TEST_KNOB");
    }
  }

  @Test
  void aValueOutsideTheRangeIsRefusedWithTheRangeInTheMessage() {
    System.setProperty("GATED_TEST_KNOB", "500");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Knob.integer("GATED_TEST_KNOB", 30, 1, 100));
      assertTrue(e.getMessage().contains("GATED_TEST_KNOB = 500") && e.getMessage().contains("1..100"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Knob.real("GATED_TEST_KNOB", 1, 0, 10));
      assertEquals(500, Knob.integer("GATED_TEST_KNOB", 30, 1, 500), "the bounds are inclusive");
    } finally {
      System.clearProperty("GATED_TEST_KNOB");
    }
  }

  @Test
  void aDefaultOutsideItsOwnRangeIsAnAuthoringError() {
    assertThrows(IllegalArgumentException.class, () -> Knob.integer("GATED_TEST_KNOB_UNSET", 0, 1, 100));
    assertThrows(IllegalArgumentException.class, () -> Knob.integer("GATED_TEST_KNOB_UNSET", 5, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Knob.real("GATED_TEST_KNOB_UNSET", 0.5, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> Knob.real("GATED_TEST_KNOB_UNSET", 1, 1, Double.NaN));
  }
}
