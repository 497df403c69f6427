package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
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
    double bias = 2.5;
    double sum = 0;
    for (Example e : probe) {
      List<LstmStep> steps = Lesson11.untrainedLstm(6, bias).forward(e.inputs()).steps();
      double largest = 0;
      for (int k = 0; k < 8; k++) {
        double product = 1;
        for (int t = 1; t < steps.size(); t++) product *= steps.get(t).f().get(k);   // steps 2 … T
        largest = Math.max(largest, product);
      }
      sum += largest;
    }
    double byHand = Math.log10(sum / probe.size());
    assertEquals(byHand, Lesson11.logRoad(probe, bias), 1e-12);
    right(BOOK.check("11.2", byHand, bias, probe));
    wrongWith(BOOK.check("11.2", 10 * Math.log10(1 / (1 + Math.exp(-bias))), bias, probe), "σ(b)^(T−1)");
    wrongWith(BOOK.check("11.2", Math.pow(10, byHand), bias, probe), "road itself");
    wrongWith(BOOK.check("11.2", Lesson11.logRoad(probe, 0), bias, probe), "too small");
  }

  @Test
  void adamsFirstStepHardlyDependsOnTheGradientsSize() {
    double small = Lesson11.firstAdamStep(-0.004 / 1000), large = Lesson11.firstAdamStep(-0.004);
    double g = 0.004, eps = 1e-8;                                  // each step is α·|g| / (|g| + ε) after one step
    assertEquals((g / 1000 / (g / 1000 + eps)) / (g / (g + eps)), small / large, 1e-9);
    right(BOOK.check("11.3", 'B'));
    wrongWith(BOOK.check("11.3", 'A'), "the run says B");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("11.4", 'B', 'A', "another start", 'C', "is a guess", 'D', "copy term");
  }

  @Test
  void theLessonsUntrainedLstmStartsItsForgetGatesNearSigmaOfTheBias() {
    Lstm lstm = Lesson11.untrainedLstm(6, 2);
    assertEquals(Vec.fill(8, 2.0), lstm.weights().forget().b());
  }
}
