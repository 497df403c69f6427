package gated.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress lines, driven by a fake clock: how often they print and what they say. */
class ProgressTest {
  long now;

  Progress progress(int total, ByteArrayOutputStream bytes) {
    now = 0;
    return new Progress(total, () -> now).to(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  @Test
  void inPlaceUpdatesAtMostOncePerSecondAndEndsWithASummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = progress(1000, bytes).label("LSTM");
    for (int s = 0; s < 1000; s++) {
      now += 10_000_000L;                       // 10 ms per minibatch: 10 s in all
      p.step(2.0 - s / 1000.0);
    }
    p.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(p.updates() >= 10 && p.updates() <= 11, "updates: " + p.updates());
    assertEquals(p.updates() + 1, text.chars().filter(c -> c == '\r').count());
    assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line in the end: " + text);
    String[] parts = text.split("\r");
    assertTrue(parts[1].startsWith("LSTM  update 1/1000 (0%)  loss 2.000  100 updates/s  ETA 10.0 s"), parts[1]);
    assertTrue(parts[6].contains("update 501/1000 (50%)  loss 1.550") && parts[6].contains("ETA 5.0 s"), parts[6]);
    String last = parts[parts.length - 1];
    assertTrue(last.startsWith("LSTM  1000 updates in 10 s (100 updates/s), last loss 1.050"), last);
    assertTrue(last.endsWith("\n"));
  }

  @Test
  void linesModePrintsANewLineEveryTenSecondsByDefault() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = progress(0, bytes).lines().lossName("bits/char");
    for (int s = 0; s < 600; s++) {
      now += 100_000_000L;                      // 0.1 s per step: 60 s
      p.step(1.5);
    }
    p.finish();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(p.updates() + 1, lines.length);
    assertTrue(p.updates() >= 6 && p.updates() <= 7, "updates: " + p.updates());
    assertTrue(lines[1].startsWith("update 101  bits/char 1.500  10.0 updates/s"), lines[1]);
    assertTrue(!lines[1].contains("ETA") && !lines[1].contains("%"), "no total, no ETA: " + lines[1]);
    assertTrue(lines[lines.length - 1].startsWith("600 updates in 1 min 0 s"), lines[lines.length - 1]);
  }

  @Test
  void aNoteFollowsTheLossOnEveryLineFromWhenItIsSet() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = progress(0, bytes).lines().every(1).lossName("bits/char");
    now = 1;
    p.step(3);
    p.note("held-out 2.500");
    now = 2_000_000_000L;
    p.step(2);
    p.finish();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length, String.join("|", lines));
    assertTrue(!lines[0].contains("held-out"), lines[0]);
    assertTrue(lines[1].startsWith("update 2  bits/char 2.000  held-out 2.500  "), lines[1]);
    assertTrue(lines[2].endsWith("last bits/char 2.000, held-out 2.500"), lines[2]);
  }

  /** The loss shown is the mean since the previous update, not one noisy minibatch. */
  @Test
  void showsTheMeanLossSinceThePreviousUpdate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = progress(4, bytes).every(2);
    now = 1;
    p.step(10);                                 // printed at once: 10
    now = 1_000_000_000L;
    p.step(1);
    now = 2_000_000_001L;
    p.step(3);                                  // printed: mean of 1 and 3
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("loss 10.0") && text.contains("loss 2.000"), text);
    p.finish();
    assertThrows(IllegalStateException.class, () -> p.step(1));
  }

  @Test
  void durationsReadLikeAPerson() {
    assertEquals("4.2 s", Progress.duration(4.2));
    assertEquals("42 s", Progress.duration(42.2));
    assertEquals("1 min 30 s", Progress.duration(90));
    assertEquals("2 h 5 min", Progress.duration(7500));
    assertEquals("NaN", Progress.number(Double.NaN));
  }

  @Test
  void hugeNumbersAreWrittenWithAnExponent() {
    assertEquals("1.00e+308", Progress.number(1e308));
    assertEquals("9999999", Progress.number(9999999));
    assertEquals("123", Progress.number(123.4));
  }
}
