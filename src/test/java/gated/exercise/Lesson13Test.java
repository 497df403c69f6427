package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.Activations;
import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.tensor.Vec;
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
  void aClosedResetGateReachesTheCandidateButNotTheUpdateGate() {
    GruWeights gw = GruWeights.random(2, 3, new Random(3));
    Vec x = Lesson13.mat(), hPrev = Vec.of(0.5, -0.3);
    RowGateWeights wz = gw.update(), wh = gw.candidate();
    Vec z = Activations.sigmoid(x.times(wz.wx()).plus(hPrev.times(wz.wh())).plus(wz.b()));
    Vec candidate = Activations.tanh(x.times(wh.wx()).plus(wh.b()));       // R ≈ 0: the old state does not enter
    Vec byHand = z.hadamard(hPrev).plus(Vec.fill(2, 1).minus(z).hadamard(candidate));
    assertTrue(byHand.closeTo(GruCell.of(Lesson13.resetClosedWeights(gw)).step(x, hPrev).h(), 1e-9));
    assertTrue(z.closeTo(GruCell.of(gw).step(x, hPrev).z(), 1e-15), "Z_t does not read R_t");
    right(BOOK.check("13.2", 'B', gw, x, hPrev));
    wrongWith(BOOK.check("13.2", 'C', gw, x, hPrev), "the run says B");
  }

  @Test
  void aLargeUpdateBiasCopiesTheStateUpToOneMinusZ() {
    GruWeights gw = GruWeights.random(2, 3, new Random(3));
    Vec x = Lesson13.mat(), hPrev = Vec.of(0.5, -0.3);
    double bias = 6;
    GruWeights keep = new GruWeights(gw.reset(), new RowGateWeights(gw.update().wx(), gw.update().wh(), Vec.fill(2, bias)),
        gw.candidate());
    GruStep step = GruCell.of(keep).step(x, hPrev);
    double byHand = 0;                                   // (1 − Z_t)·|H̃_t − H_{t-1}|, the largest over the units
    for (int k = 0; k < 2; k++) {
      byHand = Math.max(byHand, (1 - step.z().get(k)) * Math.abs(step.hTilde().get(k) - hPrev.get(k)));
    }
    assertEquals(byHand, Lesson13.copyError(bias, gw, x, hPrev), 1e-15);
    right(BOOK.check("13.3", byHand, bias, gw, x, hPrev));
    wrongWith(BOOK.check("13.3", 1 / (1 + Math.exp(bias)), bias, gw, x, hPrev), "1 − Z_t");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("13.4", 'B', 'A', "weighs the old state", 'C', "sigmoids", 'D', "has a reset gate");
  }
}
