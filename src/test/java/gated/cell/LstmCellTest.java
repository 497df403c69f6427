package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.model.Embedding;
import gated.model.OneHot;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LstmCellTest {

  /** Seed 003, Question 1: the data printed in the handout. */
  static final Matrix Q1_EMBEDDING = Matrix.of(new double[][] {{1, 1, 3, 4}, {2, 3, 3, 4}, {4, 1, 1, 0}, {2, 0, 2, 4}});
  static final Matrix Q1_W_I = Matrix.of(new double[][] {
      {6, 4, 3, 1, 5, 6, 2, 0}, {0, 0, 6, 6, 1, 3, 3, 5}, {6, 4, 2, 3, 4, 5, 1, 2}, {6, 6, 2, 6, 1, 4, 0, 0}});
  static final Vec Q1_B_I = Vec.of(4, 4, 2, 1);
  static final Vec Q1_H_PREV = Vec.fill(4, 0.76);
  static final Vec Q1_C_PREV = Vec.of(1, 1, 1, 0.99);
  static final Vec ONES = Vec.fill(4, 1);

  @Nested
  class Seed003Question1 {
    final Vec x = new Embedding(Q1_EMBEDDING).viaOneHot(Vec.of(0, 1, 0, 0));
    final Vec zi = Q1_W_I.times(Q1_H_PREV.concat(x)).plus(Q1_B_I);
    final Vec i = Activations.sigmoid(zi);

    @Test
    void embeddingIsRowTwoOfTheMatrixAsPrinted() {
      assertEquals(Vec.of(2, 3, 3, 4), x);
      assertEquals(new Embedding(Q1_EMBEDDING).lookup(1), x);
      assertEquals(1, OneHot.decode(Vec.of(0, 1, 0, 0)));
    }

    @Test
    void inputGateIsOneEverywhereNotThePrintedValues() {
      assertTrue(zi.closeTo(Vec.of(48.64, 53.12, 47.4, 30.2), 1e-12), zi.toString());
      assertTrue(i.closeTo(ONES, 1e-12), i.toString());
      Vec printed = Vec.of(0.017, 0.980, 0.003, 0);
      assertTrue(!i.closeTo(printed, 0.5), "every printed I_t entry but the second is far from σ(z)");
      // All weights, inputs and biases are ≥ 0, so σ(z) ≥ 0.5: 0.017 cannot come from a sigmoid.
      assertTrue(Q1_W_I.toArray2d()[0][0] >= 0 && zi.max() > 0);
    }

    @Test
    void printedInputGateIsCloseToASoftmaxOfTheSamePreActivations() {
      Vec softmax = Activations.softmax(zi);
      assertTrue(softmax.closeTo(Vec.of(0.0111701819, 0.9855973436, 0.0032324744, 1.0956e-10), 1e-9), softmax.toString());
      Vec printed = Vec.of(0.017, 0.980, 0.003, 0);
      // Entries 3 and 4 agree to the printed 3 decimals; entries 1 and 2 are off by about 0.006.
      assertEquals(printed.get(2), softmax.get(2), 0.0005);
      assertEquals(printed.get(3), softmax.get(3), 0.0005);
      assertEquals(0.0058, Math.abs(printed.get(0) - softmax.get(0)), 0.0002);
      assertEquals(0.0056, Math.abs(printed.get(1) - softmax.get(1)), 0.0002);
      assertEquals(1.0, printed.sum(), 1e-12, "the printed values sum to 1, the signature of a softmax");
    }

    @Test
    void correctCellAndHiddenState() {
      LstmCell cell = givenGates(Vec.fill(4, 1e9), Q1_W_I, Q1_B_I, Vec.fill(4, 1e9));
      // f = 1 and o = 1 (as given) come from huge biases; c̃ = 1 as given.
      LstmStep s = cell.step(x, Q1_H_PREV, Q1_C_PREV);
      assertTrue(s.i().closeTo(i, 0), s.i().toString());
      assertTrue(s.c().closeTo(Vec.of(2, 2, 2, 1.99), 1e-12), s.c().toString());
      assertTrue(s.h().closeTo(Vec.of(0.96402758008, 0.96402758008, 0.96402758008, 0.96331421861), 1e-10), s.h().toString());
    }

    @Test
    void printedCellAndHiddenStateFollowFromThePrintedInputGate() {
      Vec printedI = Vec.of(0.017, 0.980, 0.003, 0);
      Vec c = ONES.hadamard(Q1_C_PREV).plus(printedI.hadamard(ONES));          // C_t = f ⊙ C_{t-1} + I ⊙ C̃
      assertTrue(c.closeTo(Vec.of(1.017, 1.98, 1.003, 0.99), 1e-12), c.toString());
      Vec h = ONES.hadamard(Activations.tanh(c));
      assertTrue(h.closeTo(Vec.of(0.769, 0.963, 0.763, 0.757), 0.0005), h.toString());
    }

    @Test
    void theTypoHEqualsOPlusTanhCGivesADifferentNumber() {
      Vec c = Vec.of(2, 2, 2, 1.99);
      Vec product = ONES.hadamard(Activations.tanh(c));
      Vec sum = ONES.plus(Activations.tanh(c));
      assertTrue(sum.closeTo(Vec.of(1.96402758, 1.96402758, 1.96402758, 1.96331422), 1e-8));
      assertEquals(1.0, sum.minus(product).get(0), 1e-12);
    }

    /** A cell whose f and o are pinned by huge biases, c̃ = 1 likewise, and i from the handout's W_i. */
    private LstmCell givenGates(Vec fBias, Matrix wi, Vec bi, Vec oBias) {
      Matrix zero = Matrix.zeros(4, 8);
      return new LstmCell(LstmWeights.builder().forget(zero, fBias).input(wi, bi).candidate(zero, Vec.fill(4, 1e9))
          .output(zero, oBias).build());
    }
  }

  @Nested
  class Seed003Question2 {
    final Vec hPrev = Vec.of(0.4165792, 0.32134238);
    final Vec cPrev = Vec.of(0.44354576, 1.99999732);
    final Vec x = Vec.of(0, 2);
    final LstmWeights statement = LstmWeights.builder()
        .forget(Matrix.of(new double[][] {{2, 6, 0, 0}, {-3, 3, 6, 0}}), Vec.of(1, 0))
        .input(Matrix.of(new double[][] {{3, 1, 2, 2}, {-6, 3, 2, 1}}), Vec.of(0, 3))
        .candidate(Matrix.of(new double[][] {{0, 4, 0, 5}, {-2, 6, 2, 5}}), Vec.of(1, 1))
        .output(Matrix.of(new double[][] {{4, 3, 4, 4}, {-2, 2, 0, 4}}), Vec.of(1, -1))
        .build();
    final Vec givenF = Vec.of(0.33209835, 0.9014788);
    final Vec givenI = Vec.of(0.99999057, 0.333263);
    final Vec givenO = Vec.of(0.33333224, 0.99998962);

    @Test
    void theStatementsWeightsCannotProduceItsGateValues() {
      LstmStep s = new LstmCell(statement).step(x, hPrev, cPrev);
      assertTrue(s.f().closeTo(Vec.of(0.97727301, 0.42905434), 1e-8), s.f().toString());
      assertTrue(s.i().closeTo(Vec.of(0.99620807, 0.96966216), 1e-8), s.i().toString());
      assertTrue(s.o().closeTo(Vec.of(0.99999111, 0.99889800), 1e-8), s.o().toString());
      assertTrue(s.f().minus(givenF).norm() > 0.5 && s.i().minus(givenI).norm() > 0.5 && s.o().minus(givenO).norm() > 0.5);
    }

    @Test
    void candidateIsOneEitherWay() {
      LstmStep s = new LstmCell(statement).step(x, hPrev, cPrev);
      assertTrue(s.zg().closeTo(Vec.of(12.28536952, 12.09489588), 1e-7), s.zg().toString());
      assertTrue(s.g().closeTo(Vec.of(1, 1), 1e-10));
      Matrix solutionWc = Matrix.of(new double[][] {{3, 4, 0, 5}, {2, 6, 2, 5}});
      Vec printedZ = solutionWc.times(hPrev.concat(x)).plus(Vec.of(1, 1));
      assertTrue(printedZ.closeTo(Vec.of(13.53510712, 13.76121268), 1e-7), printedZ.toString());
      // With the handout's rounded h_{t-1} = [0.4166, 0.3213] the first entry is 13.535, printed (truncated) as 13.53.
      Vec rounded = solutionWc.times(Vec.of(0.4166, 0.3213, 0, 2)).plus(Vec.of(1, 1));
      assertEquals(13.535, rounded.get(0), 1e-9, "13.53 comes from the solution's W_c, not the statement's (12.285)");
      assertTrue(Math.abs(printedZ.get(1) - 13.75) > 0.01, "13.75 is a slip: the value rounds to 13.76");
      // The slip is reproduced if h_{t-1}[1] = 0.3213 is read as 0.32:
      assertEquals(13.7532, 2 * 0.4166 + 6 * 0.32 + 11, 1e-9);
    }

    @Test
    void finishedWithTheGivenGateValues() {
      Vec g = Activations.tanh(statement.candidate().w().times(hPrev.concat(x)).plus(statement.candidate().b()));
      Vec c = givenF.hadamard(cPrev).plus(givenI.hadamard(g));
      Vec h = givenO.hadamard(Activations.tanh(c));
      assertTrue(c.closeTo(Vec.of(1.147291385, 2.136218184), 1e-8), c.toString());
      assertTrue(h.closeTo(Vec.of(0.2722840346, 0.9724781137), 1e-8), h.toString());
    }

    @Test
    void finishedWithGatesRecomputedFromTheStatementsWeights() {
      LstmStep s = new LstmCell(statement).step(x, hPrev, cPrev);
      assertTrue(s.c().closeTo(Vec.of(1.4296733644, 1.8277696905), 1e-8), s.c().toString());
      assertTrue(s.h().closeTo(Vec.of(0.8915917137, 0.9485609538), 1e-8), s.h().toString());
    }

    @Test
    void whatThePrintedSolutionComputed() {
      // C_t: the line writes i = [0.4999, 0.3333], which would give 0.6472, not the printed 1.1469.
      assertEquals(0.6472, 0.3321 * 0.4435 + 0.4999, 0.0001);
      // The printed 1.1469 is 0.0004 below the value with the given i = 0.99999057 (1.1473).
      assertEquals(1.1473, givenF.get(0) * cPrev.get(0) + givenI.get(0), 0.00005);
      assertEquals(2.1362, givenF.get(1) * cPrev.get(1) + givenI.get(1), 0.00005);
      // h_t: the line writes o = [0.3321, 0.9015] (the forget values); that gives 0.2712, not the printed 0.2723.
      assertEquals(0.2712, 0.3321 * Math.tanh(1.1469), 0.0001);
      // The printed 0.2723 is the given output gate value: 0.33333224 · tanh(1.147291) = 0.2723.
      assertEquals(0.2723, givenO.get(0) * Math.tanh(1.147291385), 0.00005);
      // The printed 0.9719 is not reproduced: the given o gives 0.9725; tanh(2.1263), a transposed 2.1363, gives 0.9719.
      assertEquals(0.9725, givenO.get(1) * Math.tanh(2.136218184), 0.00005);
      assertEquals(0.9719, Math.tanh(2.1263), 0.00005);
    }
  }

  @Nested
  class Properties {
    final Random r = new Random(11);
    final Vec x = Fixtures.randomVec(4, r);
    final Vec hPrev = Fixtures.randomVec(3, r);
    final Vec cPrev = Fixtures.randomVec(3, r);

    private LstmCell pinned(double forgetBias, double inputBias) {
      LstmWeights w = LstmWeights.random(3, 4, r);
      Matrix zero = Matrix.zeros(3, 7);
      return new LstmCell(w.withGate(LstmGate.FORGET, new GateWeights(zero, Vec.fill(3, forgetBias)))
          .withGate(LstmGate.INPUT, new GateWeights(zero, Vec.fill(3, inputBias))));
    }

    @Test
    void withForgetOneAndInputZeroTheCellStatePassesThroughUnchanged() {
      LstmStep s = pinned(1000, -1000).step(x, hPrev, cPrev);   // σ(1000) = 1, σ(−1000) = 0 exactly
      assertEquals(Vec.fill(3, 1), s.f());
      assertEquals(Vec.fill(3, 0), s.i());
      assertEquals(cPrev, s.c());
    }

    @Test
    void withForgetZeroTheOldCellStateIsForgottenCompletely() {
      LstmStep s = pinned(-1000, 0).step(x, hPrev, cPrev);
      assertEquals(Vec.fill(3, 0), s.f());
      assertTrue(s.c().closeTo(s.i().hadamard(s.g()), 0), "c_t = i ⊙ c̃ only");
    }

    @Test
    void theStepRecordHoldsConsistentValues() {
      LstmStep s = LstmCell.of(LstmWeights.random(3, 4, r)).step(x, hPrev, cPrev);
      assertEquals(Activations.sigmoid(s.zf()), s.f());
      assertEquals(Activations.tanh(s.zg()), s.candidate());
      assertEquals(s.o().hadamard(s.tanhC()), s.h());
      assertEquals(3, s.h().size());
      assertEquals(s.c().size(), s.h().size(), "C_t and h_t are vectors of the same size");
    }

    @Test
    void oneCellStepBackwardMatchesFiniteDifferences() {
      LstmCell cell = LstmCell.of(LstmWeights.random(3, 4, r));
      Vec rh = Fixtures.randomVec(3, r), rc = Fixtures.randomVec(3, r);
      LstmCell.Grad g = cell.backward(cell.step(x, hPrev, cPrev), rh, rc);
      GradientCheck.Result res = GradientCheck.check(cell.weights(), g.dWeights(), w -> {
        LstmStep s = new LstmCell(w).step(x, hPrev, cPrev);
        return s.h().dot(rh) + s.c().dot(rc);
      });
      assertTrue(res.passed(), res.toString());
    }
  }
}
