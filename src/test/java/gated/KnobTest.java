package gated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnobTest {
  @Test
  void systemPropertyOverridesTheDefault() {
    assertEquals(30, Knob.integer("GATED_TEST_KNOB_UNSET", 30));
    System.setProperty("GATED_TEST_KNOB", "7");
    try {
      assertEquals(7, Knob.integer("GATED_TEST_KNOB", 30));
      assertEquals(7.0, Knob.real("GATED_TEST_KNOB", 1.5));
      System.setProperty("GATED_TEST_KNOB", "seven");
      assertThrows(IllegalArgumentException.class, () -> Knob.integer("GATED_TEST_KNOB", 30));
    } finally {
      System.clearProperty("GATED_TEST_KNOB");
    }
  }
}
