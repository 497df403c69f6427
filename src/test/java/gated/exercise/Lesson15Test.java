package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.ending;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.data.DepthTask;
import gated.model.Lstm;
import gated.model.StackedLstmWeights;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lesson15Test {
  @Test
  void aStackRunsInLayersPlusStepsMinusOneRounds() {
    for (int l = 1; l <= 4; l++) for (int t = 1; t <= 6; t++) assertEquals(l + t - 1, Lesson15.rounds(l, t), l + "×" + t);
    right(BOOK.check("15.1", 3L + 10 - 1));
    wrongWith(BOOK.check("15.1", 30L), "one after another");
    wrongWith(BOOK.check("15.1", 10L), "must wait for layer 1");
    wrongWith(BOOK.check("15.1", 3L), "must wait for its step");
  }

  @Test
  void theThirdLayerReadsTheSecondLayersStates() {
    List<Vec> xs = DepthTask.parity(8).example(new int[] {1, 0, 1, 1, 0, 1, 0, 0}).inputs();
    StackedLstmWeights three = StackedLstmWeights.random(3, 3, 2, new Random(11));
    List<Vec> h = xs;
    for (int l = 0; l < 3; l++) h = Lstm.of(three.layers().get(l)).forward(h).hs();
    Vec byHand = h.get(h.size() - 1);
    right(BOOK.check("15.2", byHand, xs));
    StackedLstmWeights two = StackedLstmWeights.random(2, 3, 2, new Random(11));
    List<Vec> h2 = xs;
    for (int l = 0; l < 2; l++) h2 = Lstm.of(two.layers().get(l)).forward(h2).hs();
    wrongWith(BOOK.check("15.2", h2.get(h2.size() - 1), xs), "2-layer stack");
  }

  @Test
  void theDepthPredictionReadsBothRuns() {
    right(BOOK.check("15.3", 'A', ending(0.95), ending(0.92)));
    right(BOOK.check("15.3", 'B', ending(0.5), ending(0.92)));
    right(BOOK.check("15.3", 'C', ending(1.0), ending(0.51)));
    right(BOOK.check("15.3", 'D', ending(0.4), ending(0.55)));
    wrongWith(BOOK.check("15.3", 'B', ending(0.4), ending(0.55)), "the run says D");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("15.4", 'B', 'A', "this task and size", 'C', "not the depth", 'D', "not whether it learns");
  }
}
