package gated.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.exercise.Exercise.Kind;
import gated.exercise.Exercise.Rung;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notebooks 10 to 16: each has a full ladder, a prediction and an interpretation, and no exercise repeats another. */
class LessonLaddersTest {
  @Test
  void everyNotebookHasTheThreeRungsAPredictionAndAnInterpretation() {
    for (int n = 10; n <= 16; n++) {
      String notebook = String.valueOf(n);
      List<Exercise> ex = CourseExercises.book().ofNotebook(notebook);
      assertFalse(ex.isEmpty(), "notebook " + notebook + " has no exercises in the book");
      Set<Rung> rungs = EnumSet.noneOf(Rung.class);
      ex.forEach(e -> rungs.add(e.rung()));
      assertEquals(EnumSet.allOf(Rung.class), rungs, "notebook " + notebook + ": the ladder " + ex);
      assertTrue(ex.stream().anyMatch(e -> e.kind() == Kind.PREDICTION), "notebook " + notebook + " has no prediction");
      assertTrue(ex.stream().anyMatch(e -> e.kind() == Kind.CHOICE), "notebook " + notebook + " has no interpretation");
      for (int k = 0; k < ex.size(); k++) assertEquals(notebook + "." + (k + 1), ex.get(k).id(), "ids in order");
    }
  }

  @Test
  void noTwoExercisesPractiseTheSameThing() {
    Set<String> seen = new HashSet<>();
    for (Exercise e : CourseExercises.book().all()) {
      assertTrue(seen.add(e.practises().toLowerCase()), "two exercises practise '" + e.practises() + "'");
    }
  }
}
