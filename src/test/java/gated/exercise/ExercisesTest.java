package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.exercise.Exercise.Rung;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExercisesTest {

  // A small book of its own, so these tests do not depend on the course's exercises.
  private static final ExerciseBook BOOK = ExerciseBook.of(List.of(
      Exercise.vector("04.1", Rung.BY_HAND, "f ⊙ C", c -> Vec.of(4, 5, 6).hadamard(Vec.of(0.5, 0, 1)), 1e-9)
          .withMistake(c -> Vec.of(4, 5, 6).plus(Vec.of(0.5, 0, 1)), "that is f + C; the gate multiplies entry by entry"),
      Exercise.number("06.2", Rung.BY_HAND, "solve h = o·tanh(C) for o", c -> 0.5 / Math.tanh(2), 1e-4)
          .withMistake(c -> 0.5 / 2, "that divides by C_t; h_t = o_t ⊙ tanh(C_t)"),
      Exercise.count("04.2", Rung.BY_HAND, "forget-gate size", c -> 5L * 15 + 5)
          .withMistake(c -> 5L * 15, "you left out the biases"),
      Exercise.number("04.4", Rung.CODING, "scale a lesson vector", c -> c.get(0, Vec.class, "the vector v").sum() * 2, 1e-9),
      Exercise.choice("11.3", Rung.EXPLORATION, "read a sweep", 'B', Map.of(
          'A', "the forget bias alone does not decide it", 'B', "the sweep shows exactly this", 'C', "no run showed that")),
      Exercise.predictNumber("11.2", Rung.EXPLORATION, "predict an accuracy", 0.1, "at chance an RNN gets 0.5"),
      Exercise.predictChoice("11.5", Rung.EXPLORATION, "which cell wins", c -> c.number(0, "LSTM accuracy")
          >= c.number(1, "RNN accuracy") ? 'L' : 'R', Map.of('L', "the LSTM kept the clue", 'R', "the RNN did better here")),
      Exercise.rule("11.6", Rung.EXPLORATION, "the LSTM is at least as good as the RNN at your gap", (given, c) ->
          c.number(0, "LSTM accuracy") + 1e-12 >= c.number(1, "RNN accuracy")
              ? Verdict.correct("at any gap the LSTM did at least as well")
              : Verdict.wrong("at your gap the RNN did better: look at the forget bias"))));

  private static String line(Verdict v) {
    return v.line("x");
  }

  @Test
  void aRightAnswerIsConfirmedWithoutEchoingTheValue() {
    Verdict v = BOOK.check("04.1", Vec.of(2, 0, 6));
    assertTrue(v.isCorrect());
    assertEquals("✓ Exercise 04.1: right.", v.line("04.1"));
    assertTrue(BOOK.check("06.2", 0.5 / Math.tanh(2) + 5e-5).isCorrect());
    assertTrue(BOOK.check("04.2", 80L).isCorrect());
    assertTrue(BOOK.check("04.2", 80).isCorrect(), "an int is a whole number too");
  }

  @Test
  void placeholdersMeanNotAnsweredYet() {
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("04.1", null).status());
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("06.2", Double.NaN).status());
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("04.2", -1L).status());
    assertEquals(Verdict.Status.UNANSWERED, BOOK.check("11.3", '?').status());
    assertEquals("… Exercise 04.1: not answered yet.", BOOK.check("04.1", null).line("04.1"));
  }

  @Test
  void wrongAnswersGetAHintAndNeverTheAnswer() {
    double expected = 0.5 / Math.tanh(2);
    String[] hints = {
        line(BOOK.check("06.2", -expected)),
        line(BOOK.check("06.2", 2 * expected)),
        line(BOOK.check("06.2", expected * 1.01)),
        line(BOOK.check("06.2", 0.9)),
        line(BOOK.check("06.2", 0.25)),
    };
    assertTrue(hints[0].contains("wrong sign"), hints[0]);
    assertTrue(hints[1].contains("factor of two"), hints[1]);
    assertTrue(hints[2].contains("more decimals"), hints[2]);
    assertTrue(hints[3].contains("too large"), hints[3]);
    assertTrue(hints[4].contains("divides by C_t"), hints[4]);
    for (String h : hints) {
      assertTrue(h.startsWith("✗ "), h);
      assertFalse(h.contains("0.518") || h.contains("0.519"), "the answer leaked: " + h);
    }
  }

  @Test
  void vectorHintsSaySizeOrderAndWhichEntries() {
    assertTrue(line(BOOK.check("04.1", Vec.of(2, 0))).contains("2 entries; the answer has 3"));
    assertTrue(line(BOOK.check("04.1", Vec.of(6, 0, 2))).contains("reverse order"));
    assertTrue(line(BOOK.check("04.1", Vec.of(0, 2, 6))).contains("wrong order"));
    assertTrue(line(BOOK.check("04.1", Vec.of(-2, 0, -6))).contains("wrong sign"));
    assertTrue(line(BOOK.check("04.1", Vec.of(4.5, 5, 7))).contains("f + C"));
    String some = line(BOOK.check("04.1", Vec.of(2, 1, 6)));
    assertTrue(some.contains("entries 0 and 2 are right") && some.contains("entry 1 (too large)"), some);
  }

  @Test
  void countsNameKnownSlips() {
    assertTrue(line(BOOK.check("04.2", 75L)).contains("left out the biases"));
    assertTrue(line(BOOK.check("04.2", 81L)).contains("off by 1"));
    assertTrue(line(BOOK.check("04.2", 160L)).contains("factor of two"));
  }

  @Test
  void lessonObjectsAreCheckedByTypeAndPosition() {
    assertTrue(BOOK.check("04.4", 12.0, Vec.of(1, 2, 3)).isCorrect());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> BOOK.check("04.4", 12.0));
    assertTrue(missing.getMessage().contains("needs the vector v"), missing.getMessage());
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> BOOK.check("04.4", 12.0, "v"));
    assertTrue(wrongType.getMessage().contains("should be the vector v"), wrongType.getMessage());
  }

  @Test
  void choicesExplainEveryOption() {
    Verdict right = BOOK.check("11.3", 'b');
    assertTrue(right.isCorrect() && right.message().contains("exactly this"), right.message());
    Verdict wrong = BOOK.check("11.3", 'C');
    assertFalse(wrong.isCorrect());
    assertTrue(wrong.message().contains("no run showed that"), wrong.message());
    assertTrue(line(BOOK.check("11.3", 'Z')).contains("not one of the options"));
  }

  @Test
  void predictionsAreComparedWithTheRun() {
    assertTrue(BOOK.compare("11.2", 0.55, 0.5).isCorrect());
    Verdict off = BOOK.compare("11.2", 0.9, 0.5);
    assertFalse(off.isCorrect());
    assertTrue(off.message().contains("at chance"), off.message());
    assertEquals(Verdict.Status.UNANSWERED, BOOK.compare("11.2", Double.NaN, 0.5).status());
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("11.2", 0.5), "a numeric prediction needs compare");
    assertTrue(BOOK.check("11.5", 'L', 0.9, 0.5).isCorrect());
    Verdict rWins = BOOK.check("11.5", 'L', 0.5, 0.9);
    assertFalse(rWins.isCorrect());
    assertTrue(rWins.message().contains("the run says R"), rWins.message());
  }

  @Test
  void rulesJudgeWhateverTheKnobsWere() {
    assertTrue(BOOK.check("11.6", 'Y', 1.0, 0.5).isCorrect());
    assertFalse(BOOK.check("11.6", 'Y', 0.5, 0.6).isCorrect());
  }

  @Test
  void authoringMistakesAreLoud() {
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("04.9", 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> Exercise.number("4.1", Rung.BY_HAND, "x", c -> 1.0, 1e-9), "ids look like NN.k");
    assertThrows(IllegalArgumentException.class, () -> ExerciseBook.of(List.of(
        Exercise.count("01.1", Rung.BY_HAND, "x", c -> 1L), Exercise.count("01.1", Rung.BY_HAND, "y", c -> 2L))));
    assertThrows(IllegalArgumentException.class, () -> Exercise.choice("01.2", Rung.BY_HAND, "x", 'D',
        Map.of('A', "a", 'B', "b")), "the right option must be one of the options");
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("04.1", 3.0), "a vector exercise refuses a number");
  }
}
