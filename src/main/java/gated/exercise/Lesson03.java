package gated.exercise;

import gated.cell.GateWeights;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Lstm;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.GradientFlow;
import java.util.List;
import java.util.Map;

/** Notebook 03, the LSTM idea: the exercises and how their answers are computed. */
final class Lesson03 {
  private Lesson03() {}

  /** Exercise 03.1: the belt with the forget bias 0 (f = 0.5), five steps. */
  static final int STEPS = 5;
  /** Exercise 03.2: the forget bias 3; exercise 03.3's window for the gradient left after 19 steps. */
  static final double BIAS = 3, LOW = 0.5, HIGH = 0.95;
  static final int BACK = 19;

  /** The lesson's belt LSTM with the forget gate's weights zero and its bias b (both units). */
  static LstmWeights withForgetBias(LstmWeights belt, double b) {
    int h = belt.hiddenSize(), cols = belt.forget().w().cols();
    return belt.withGate(LstmGate.FORGET, new GateWeights(Matrix.zeros(h, cols), Vec.fill(h, b)));
  }

  /** ‖∂L/∂C_t‖ / ‖∂L/∂C_T‖ at d = 19, on the run from (0, C_0), for the belt with forget bias b. */
  static double left(LstmWeights belt, List<Vec> xs, Vec c0, double b) {
    Lstm lstm = Lstm.of(withForgetBias(belt, b));
    GradientFlow.Profile p = GradientFlow.cellGradientNorms("LSTM", lstm, xs, Vec.zeros(c0.size()), c0);
    return p.at(BACK) / p.at(0);
  }

  /** Π f over the same 19 steps, the mean over units: the direct path alone. */
  static double directPath(LstmWeights belt, List<Vec> xs, Vec c0, double b) {
    Lstm.LstmTrace t = Lstm.of(withForgetBias(belt, b)).forward(xs, Vec.zeros(c0.size()), c0);
    return GradientFlow.forgetGateProducts("Π f", t).at(BACK);
  }

  static LstmWeights belt(Context c) {
    return c.get(0, LstmWeights.class, "the lesson's belt weights belt");
  }

  @SuppressWarnings("unchecked")
  static List<Vec> inputs(Context c) {
    return (List<Vec>) c.get(1, List.class, "the lesson's inputs xs");
  }

  static Vec c0(Context c) {
    return c.get(2, Vec.class, "the lesson's C_0, c0");
  }

  /** C_5[0] of the halving belt, as the library computes it. */
  static double halved(Context c, int steps) {
    return Lstm.of(withForgetBias(belt(c), 0)).forward(inputs(c).subList(0, steps), Vec.zeros(c0(c).size()), c0(c))
        .last().c().get(0);
  }

  /** The largest |C_t[k] − C_0[k]| of a run. */
  static double drift(Lstm.LstmTrace t, Vec c0) {
    double d = 0;
    for (LstmStep s : t.steps()) d = Math.max(d, s.c().minus(c0).map(Math::abs).max());
    return d;
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("03.1", Rung.BY_HAND, "a memory under a forget gate of 0.5: five halvings",
                c -> halved(c, STEPS), 1e-6)
            .withMistake(c -> halved(c, STEPS - 1), "that is four steps; five steps are five halvings")
            .withMistake(c -> halved(c, STEPS + 1), "that is six steps; five steps are five halvings")
            .withMistake(c -> halved(c, 1), "that is one step; the gate halves the memory at every step"),
        Exercise.number("03.2", Rung.CODING, "measure the total gradient along the belt for a forget bias of 3",
                c -> left(belt(c), inputs(c), c0(c), BIAS), 1e-4)
            .withMistake(c -> directPath(belt(c), inputs(c), c0(c), BIAS), "that is Π f, the direct path alone; the"
                + " question asks for the total gradient, GradientFlow.cellGradientNorms from the run's C_0")
            .withMistake(c -> left(belt(c), inputs(c), c0(c), 20), "that is the lesson's belt with bias 20; set the"
                + " forget bias to 3"),
        Exercise.rule("03.3", Rung.EXPLORATION, "explore: a forget bias that keeps between half and 95 % of the gradient",
            (given, c) -> {
              double b = ((Number) given).doubleValue();
              double kept = left(belt(c), inputs(c), c0(c), b);
              String at = String.format("With b_f = %s, %.3f of the gradient is left 19 steps back", b, kept);
              if (kept < LOW) return Verdict.wrong(at + ": below half, raise b_f");
              if (kept > HIGH) return Verdict.wrong(at + ": above 95 %, lower b_f");
              return Verdict.correct(at + ". σ(b_f) is the forget gate; over 19 steps its product decides most of what"
                  + " arrives, so a gate a little below 1 already loses a large part");
            }),
        Exercise.predictChoice("03.4", Rung.CODING, "predict, then run: what an open input gate does to the belt",
            c -> {
              double d = drift(c.get(0, Lstm.LstmTrace.class, "the trace of your run"), c.get(1, Vec.class, "the lesson's c0"));
              return d < 1e-6 ? 'A' : d > 0.1 ? 'B' : 'C';
            }, Map.of(
                'A', "C_t stayed where it was: nothing was written. That happens when i_t ≈ 0, not when the input gate"
                    + " is open",
                'B', "C_t moved far from C_0: with f ≈ 1 nothing is erased, and with i ≈ 1 every step adds its whole"
                    + " candidate C̃_t, so the belt sums the candidates up. Keeping needs f ≈ 1 and i ≈ 0",
                'C', "A small drift, between 10⁻⁶ and 0.1: the candidate must have stayed close to 0 at every step")),
        Exercise.choice("03.5", Rung.EXPLORATION,
            "interpret the gradient left along the belt: 1.07 against Π f = 1.000000, and 1.000000 with W_o^h = 0", 'B',
            Map.of(
                'A', "Every forget gate is a sigmoid's output, below 1; here it is σ(20), a hair below 1, and Π f printed"
                    + " 1.000000 with or without W_o^h",
                'B', "The direct path C_t → C_{t+1} → … scales the gradient by Π f ≈ 1. Cutting W_o^h removed the extra"
                    + " 7 % exactly, so it came through the output gate's reading of h_{t-1}: C_{T−1} makes h_{T−1},"
                    + " which o_T reads, and o_T shapes h_T. It joins one step back; the belt then carries both unchanged",
                'C', "If every output gate added 7 %, the ratio would grow with the distance; it moved by less than 1 %"
                    + " from 1 to 19 steps back",
                'D', "Π f is only the direct path; the total gradient that BPTT computes adds every path, and"
                    + " cutting the second one (W_o^h = 0) gives Π f back, as the lesson measured")));
  }
}
