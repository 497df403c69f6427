package gated;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.tensor.Vec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckTest {

  private static String printed(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void assertionsPrintATickOrThrow() {
    assertEquals("✓ h = 0.9640\n", printed(() -> Check.close("h", Math.tanh(2), 0.9640, 1e-4)));
    assertThrows(IllegalStateException.class, () -> Check.close("h", 1.0, 2.0, 1e-9));
    assertThrows(IllegalStateException.class, () -> Check.close("v", Vec.of(1, 2), Vec.of(1, 3), 1e-9));
    assertThrows(IllegalStateException.class, () -> Check.equal("n", 21, 24));
    assertThrows(IllegalStateException.class, () -> Check.isTrue("never", false));
    assertEquals("✓ n = 21\n", printed(() -> Check.equal("n", 21, 21)));
  }

  @Test
  void exerciseAnswersAreReportedAndNeverThrow() {
    assertEquals("… Exercise 1: not answered yet\n", printed(() -> Check.answer("Exercise 1", Double.NaN, 2, 1e-3)));
    assertEquals("✓ Exercise 1: correct\n", printed(() -> Check.answer("Exercise 1", 2.0004, 2, 1e-3)));
    assertTrue(printed(() -> Check.answer("Exercise 1", 3, 2, 1e-3)).startsWith("✗ Exercise 1: 3.0 is not right yet"));
    assertEquals("… Exercise 2: not answered yet\n", printed(() -> Check.answer("Exercise 2", (Vec) null, Vec.of(1), 0)));
    assertEquals("✓ Exercise 3: correct\n", printed(() -> Check.answer("Exercise 3", 24, 24)));
    assertDoesNotThrow(() -> printed(() -> Check.answer("Exercise 3", 23, 24)));
  }
}
