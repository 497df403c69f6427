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
  void assertionsPrintNothingWhenTheyHold() {
    assertEquals("", printed(() -> Check.close("h", Math.tanh(2), 0.9640, 1e-4)));
    assertEquals("", printed(() -> Check.close("v", Vec.of(1, 2), Vec.of(1, 2.00001), 1e-4)));
    assertEquals("", printed(() -> Check.equal("n", 21, 21)));
    assertEquals("", printed(() -> Check.isTrue("always", true)));
  }

  @Test
  void failuresThrowAndSayWhatWasFoundAndExpected() {
    String m = assertThrows(IllegalStateException.class, () -> Check.close("h", 1.0, 2.0, 1e-9)).getMessage();
    assertTrue(m.startsWith("CHECK FAILED: h: 1.0 but the lesson expects 2.0"), m);
    assertTrue(m.contains("off by -1.0"), m);
    m = assertThrows(IllegalStateException.class, () -> Check.close("v", Vec.of(1, 2), Vec.of(1, 3), 1e-9)).getMessage();
    assertTrue(m.startsWith("CHECK FAILED: v: "), m);
    assertTrue(m.contains("entry 1 is 2.0, expected 3.0"), m);
    m = assertThrows(IllegalStateException.class, () -> Check.close("v", Vec.of(1, 2), Vec.of(1, 2, 3), 1e-9)).getMessage();
    assertTrue(m.contains("has 2 entries but the lesson expects 3"), m);
    m = assertThrows(IllegalStateException.class, () -> Check.close("v", (Vec) null, Vec.of(1), 0)).getMessage();
    assertTrue(m.contains("null but the lesson expects"), m);
    assertThrows(IllegalStateException.class, () -> Check.close("nan", Double.NaN, 0, 1));
    assertThrows(IllegalStateException.class, () -> Check.close("nan entry", Vec.of(Double.NaN), Vec.of(0), 1));
    m = assertThrows(IllegalStateException.class, () -> Check.equal("n", 21, 24)).getMessage();
    assertEquals("CHECK FAILED: n: 21 but the lesson expects 24", m);
    m = assertThrows(IllegalStateException.class, () -> Check.isTrue("never", false)).getMessage();
    assertEquals("CHECK FAILED: never: this is false", m);
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
