package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.reaching;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.Activations;
import gated.cell.GruCell;
import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.tensor.Vec;
import gated.train.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lesson13Test {
  @Test
  void theStepInterpolatesWithZWeighingTheOldState() {
    double byHand = 0.25 * 0.8 + 0.75 * -0.4;                       // −0.1
    assertEquals(byHand, Lesson13.oneUnitStep(), 1e-12);
    right(BOOK.check("13.1", byHand));
    wrongWith(BOOK.check("13.1", 0.75 * 0.8 + 0.25 * -0.4), "other convention");
    wrongWith(BOOK.check("13.1", 0.25 * 0.8), "only the kept part");
    wrongWith(BOOK.check("13.1", 0.75 * -0.4), "only the written part");
  }

  @Test
  void aClosedResetGateHidesTheOldStateFromTheCandidateOnly() {
    GruWeights gw = GruWeights.random(2, 3, new Random(3));
    Vec x = Lesson13.mat(), hPrev = Vec.of(0.5, -0.3);
    RowGateWeights wz = gw.update(), wh = gw.candidate();
    Vec z = Activations.sigmoid(x.times(wz.wx()).plus(hPrev.times(wz.wh())).plus(wz.b()));
    Vec candidate = Activations.tanh(x.times(wh.wx()).plus(wh.b()));       // R ≈ 0: the old state does not enter
    Vec byHand = z.hadamard(hPrev).plus(Vec.fill(2, 1).minus(z).hadamard(candidate));
    assertTrue(byHand.closeTo(Lesson13.resetClosed(gw, x, hPrev), 1e-9));
    right(BOOK.check("13.2", byHand, gw, x, hPrev));
    wrongWith(BOOK.check("13.2", GruCell.of(gw).step(x, hPrev).h(), gw, x, hPrev), "lesson's H_t");
  }

  @Test
  void theOwnStartIsPlacedAmongTheLessonsRuns() {
    Map<String, Trainer.History<?>> runs = new LinkedHashMap<>();
    runs.put("GRU, b_z = 0", reaching(0));
    runs.put("GRU, b_z = 1", reaching(15));
    runs.put("GRU, b_z = 3", reaching(8));
    right(BOOK.check("13.3", 'A', reaching(8), runs));
    right(BOOK.check("13.3", 'B', reaching(12), runs));
    right(BOOK.check("13.3", 'C', reaching(16), runs));
    right(BOOK.check("13.3", 'D', reaching(0), runs));
    wrongWith(BOOK.check("13.3", 'B', reaching(16), runs), "the run says C");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("13.4", 'B', 'A', "weighs the old state", 'C', "sigmoids", 'D', "has a reset gate");
  }
}
