package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.reaching;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.model.OneHot;
import gated.model.BiLstmWeights;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lesson14Test {
  @Test
  void aSumMergedClassifierCountsTwoDirectionsAndAnHSizedHead() {
    long byHand = 2 * 4 * (3 * (5 + 3) + 3) + (4 * 3 + 4);          // 216 + 16
    assertEquals(232, byHand);
    right(BOOK.check("14.1", byHand));
    wrongWith(BOOK.check("14.1", 216L + (4 * 6 + 4)), "2H numbers");
    wrongWith(BOOK.check("14.1", 108L + 16), "one direction");
    wrongWith(BOOK.check("14.1", 216L), "output layer");
  }

  @Test
  void y2AveragesTheForwardAndTheBackwardStateOfStep2() {
    BiLstmWeights bw = BiLstmWeights.random(3, 4, new Random(5));
    List<Vec> xs = new ArrayList<>();
    Random r = new Random(6);
    for (int t = 0; t < 6; t++) xs.add(OneHot.encode(r.nextInt(4), 4));
    List<Vec> reversed = new ArrayList<>(xs);
    java.util.Collections.reverse(reversed);
    Vec forward2 = Lstm.of(bw.forward()).forward(xs).hs().get(1);
    Vec backward2 = Lstm.of(bw.backward()).forward(reversed).hs().get(xs.size() - 2);
    Vec byHand = forward2.plus(backward2).scale(0.5);
    right(BOOK.check("14.2", byHand, bw, xs));
    wrongWith(BOOK.check("14.2", forward2.plus(Lstm.of(bw.backward()).forward(reversed).hs().get(1)).scale(0.5), bw, xs),
        "index is T − 2");
    wrongWith(BOOK.check("14.2", forward2.plus(backward2), bw, xs), "factor of two");
  }

  @Test
  void theMultiplyPredictionReadsTheRun() {
    right(BOOK.check("14.3", 'A', reaching(4)));
    right(BOOK.check("14.3", 'B', reaching(0)));
    wrongWith(BOOK.check("14.3", 'A', reaching(0)), "the run says B");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("14.4", 'B', 'A', "has not read x_2 yet", 'C', "however long", 'D', "only word read");
  }
}
