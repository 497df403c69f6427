package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the tests of the lessons' exercise classes. */
final class LessonExerciseFixtures {
  private LessonExerciseFixtures() {}

  static final ExerciseBook BOOK = CourseExercises.book();

  /** A history whose test accuracy first reaches 0.99 after {@code epochs} epochs (0: never, over 5 epochs). */
  static Trainer.History<?> reaching(int epochs) {
    List<Double> acc = new ArrayList<>();
    int n = epochs == 0 ? 5 : epochs;
    for (int e = 1; e <= n; e++) acc.add(epochs != 0 && e == epochs ? 1.0 : 0.5);
    return new Trainer.History<>(null, acc, acc, acc, acc, "");
  }

  /** A history whose last test accuracy is {@code last}. */
  static Trainer.History<?> ending(double last) {
    List<Double> acc = List.of(0.5, last);
    return new Trainer.History<>(null, acc, acc, acc, acc, "");
  }

  /**
   * A multiple choice: {@code correct} is judged right, and each other option gets its own explanation;
   * {@code hints} alternates option letters and a phrase its explanation must contain.
   */
  static void choiceExplains(String id, char correct, Object... hints) {
    right(BOOK.check(id, correct));
    for (int k = 0; k < hints.length; k += 2) wrongWith(BOOK.check(id, (char) (Character) hints[k]), (String) hints[k + 1]);
  }

  static void right(Verdict v) {
    assertTrue(v.isCorrect(), v.line("x"));
  }

  static void wrongWith(Verdict v, String hint) {
    assertFalse(v.isCorrect(), v.line("x"));
    assertTrue(v.message().contains(hint), "expected the hint '" + hint + "', got: " + v.message());
  }
}
