package gated.exercise;

import gated.tensor.Vec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The check cells of the notebooks. Each prints one line: ✓ right, ✗ with a hint, or … not answered
 * yet. It never prints the expected value and never throws for a wrong answer (a wrong id, or a missing
 * lesson object, is a clear error).
 *
 * <pre>
 *   Exercises.check("04.1", answer1);
 *   Exercises.check("04.4", answer4, bobDan);
 *   Exercises.compare("11.2", prediction2, accuracy2);
 * </pre>
 *
 * For the course's own tests: when the environment variable {@code COURSE_ANSWER_LOG} names a file,
 * every correct answer's id and value are appended to it, so the student handouts can be scanned for
 * leaked answers.
 */
public final class Exercises {
  private Exercises() {}

  public static void check(String id, double given, Object... lessonObjects) {
    report(id, CourseExercises.book().check(id, given, lessonObjects), given);
  }

  public static void check(String id, long given, Object... lessonObjects) {
    report(id, CourseExercises.book().check(id, given, lessonObjects), given);
  }

  public static void check(String id, Vec given, Object... lessonObjects) {
    report(id, CourseExercises.book().check(id, given, lessonObjects), given);
  }

  /**
   * A multiple-choice answer: one letter, e.g. 'B'; '?' means not answered yet. For a prediction made as a
   * choice, pass the run's results after it: {@code Exercises.check("11.2", prediction2, lstmAcc, rnnAcc)}.
   */
  public static void check(String id, char given, Object... lessonObjects) {
    report(id, CourseExercises.book().check(id, given, lessonObjects), null);
  }

  /** Predict, then run: a numeric prediction against the number the run gave. */
  public static void compare(String id, double prediction, double outcome, Object... lessonObjects) {
    report(id, CourseExercises.book().compare(id, prediction, outcome, lessonObjects), null);
  }


  private static void report(String id, Verdict v, Object value) {
    System.out.println(v.line(id));
    if (v.isCorrect() && value != null) log(id, value);
  }

  private static void log(String id, Object value) {
    String file = System.getenv("COURSE_ANSWER_LOG");
    if (file == null || file.isBlank()) return;
    String shown = value instanceof Vec v ? v.toString(6) : String.valueOf(value);
    double tol = CourseExercises.book().get(id).tolerance();
    try {
      Files.writeString(Path.of(file), id + "\t" + shown + "\t" + tol + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("exercises: cannot append to COURSE_ANSWER_LOG " + file + ": " + e.getMessage(), e);
    }
  }
}
