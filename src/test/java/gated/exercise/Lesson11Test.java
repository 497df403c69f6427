package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.reaching;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.cell.LstmStep;
import gated.data.LongRangeTask;
import gated.model.Lstm;
import gated.tensor.Vec;
import gated.train.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

class Lesson11Test {
  @Test
  void adamsFirstStepIsAboutTheLearningRateInTheGradientsOppositeDirection() {
    double g = -0.004, alpha = 0.003, eps = 1e-8;
    double m = 0.1 * g, v = 0.001 * g * g;                           // (1 − β₁)g, (1 − β₂)g²
    double mHat = m / (1 - 0.9), vHat = v / (1 - 0.999);            // bias correction after one step
    double byHand = -alpha * mHat / (Math.sqrt(vHat) + eps);
    assertEquals(byHand, Lesson11.firstAdamStep(g), 1e-15);
    right(BOOK.check("11.1", byHand));
    right(BOOK.check("11.1", 0.003));                                 // within the tolerance: α·g/|g|
    wrongWith(BOOK.check("11.1", -0.003), "wrong sign");
    wrongWith(BOOK.check("11.1", alpha * 0.004), "gradient descent's step");
    wrongWith(BOOK.check("11.1", -alpha * m / Math.sqrt(v)), "bias correction");
  }

  @Test
  void theRoadIsTheLargestUnitsProductOfForgetGatesAveragedOverTheProbe() {
    List<Example> probe = LongRangeTask.builder().classes(2).fillers(4).gap(10).examples(20).seed(3).build().generate();
    double sum = 0;
    for (Example e : probe) {
      List<LstmStep> steps = Lesson11.untrainedLstm(6, 2).forward(e.inputs()).steps();
      double largest = 0;
      for (int k = 0; k < 8; k++) {
        double product = 1;
        for (int t = 1; t < steps.size(); t++) product *= steps.get(t).f().get(k);   // steps 2 … T
        largest = Math.max(largest, product);
      }
      sum += largest;
    }
    double byHand = Math.log10(sum / probe.size());
    assertEquals(byHand, Lesson11.logRoad(probe, 2), 1e-12);
    right(BOOK.check("11.2", byHand, probe));
    wrongWith(BOOK.check("11.2", Lesson11.logRoad(probe, 1), probe), "b_f = 1");
    wrongWith(BOOK.check("11.2", 40 * Math.log10(1 / (1 + Math.exp(-2))), probe), "σ(2)^40");
    wrongWith(BOOK.check("11.2", Math.pow(10, byHand), probe), "road itself");
  }

  @Test
  void theGapPredictionReadsBothRuns() {
    right(BOOK.check("11.3", 'A', reaching(3), reaching(8)));
    right(BOOK.check("11.3", 'B', reaching(8), reaching(8)));
    right(BOOK.check("11.3", 'C', reaching(9), reaching(8)));
    right(BOOK.check("11.3", 'D', reaching(0), reaching(8)));
    right(BOOK.check("11.3", 'A', reaching(4), reaching(0)));        // the far run never got there
    wrongWith(BOOK.check("11.3", 'A', reaching(9), reaching(8)), "the run says C");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("11.4", 'B', 'A', "not 'cannot learn'", 'C', "unseen", 'D', "more than 10 epochs");
  }

  @Test
  void theLessonsUntrainedLstmStartsItsForgetGatesNearSigmaOfTheBias() {
    Lstm lstm = Lesson11.untrainedLstm(6, 2);
    assertEquals(Vec.fill(8, 2.0), lstm.weights().forget().b());
  }
}
