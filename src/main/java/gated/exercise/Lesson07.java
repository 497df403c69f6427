package gated.exercise;

import gated.cell.Activations;
import gated.cell.FusedLstmWeights;
import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 07, one full step and the fused weights: the exercises and how their answers are computed. */
final class Lesson07 {
  private Lesson07() {}

  /** Exercise 07.1: a one-unit LSTM, weights on [h_{t−1}; x_t], h_{t−1} = 0, c_{t−1} = 1, x_t = 1. */
  static final LstmWeights ONE = LstmWeights.builder()
      .forget(Matrix.of(1, 2, 0.5, 1), Vec.of(0)).input(Matrix.of(1, 2, 0, 1), Vec.of(0))
      .candidate(Matrix.of(1, 2, 1, 1), Vec.of(0)).output(Matrix.of(1, 2, 0, 0), Vec.of(0)).build();
  static final Vec H_PREV = Vec.of(0), C_PREV = Vec.of(1), X = Vec.of(1);

  /** Exercise 07.2: a new input, not the table's, run from the table's h_{t−1}. */
  static final Vec X_NEW = Vec.of(1, 0, -1, 0.5);

  static LstmStep step1() {
    return LstmCell.of(ONE).step(X, H_PREV, C_PREV);
  }

  /**
   * Block k (0 … 3, in the order f, g, i, o) of z = x·W_x + h·W_h + b for the input {@link #X_NEW} (or the table's
   * x when {@code tableInput}), entry 1, through σ (or tanh for g).
   */
  static double block(Context c, int k, boolean activate) {
    return block(c, k, activate, false);
  }

  static double block(Context c, int k, boolean activate, boolean tableInput) {
    FusedLstmWeights fused = c.get(0, FusedLstmWeights.class, "the lesson's fused weights fused");
    Vec h = c.get(1, Vec.class, "the lesson's hPrev");
    Vec x = tableInput ? c.get(2, Vec.class, "the lesson's x") : X_NEW;
    int hidden = fused.wh().rows();
    Vec z = x.times(fused.wx()).plus(h.times(fused.wh())).plus(fused.b()).slice(k * hidden, (k + 1) * hidden);
    if (!activate) return z.get(1);
    return k == 1 ? Activations.tanh(z).get(1) : Activations.sigmoid(z).get(1);
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("07.1", Rung.BY_HAND, "one full LSTM step by hand, one unit", c -> step1().h().get(0), 1e-4)
            .withMistake(c -> step1().tanhC().get(0), "that is tanh(C_t); h_t = o_t tanh(C_t), and o_t = σ(0) = 0.5")
            .withMistake(c -> step1().o().get(0) * step1().c().get(0), "you left out tanh: h_t = o_t tanh(C_t)")
            .withMistake(c -> step1().c().get(0), "that is C_t; one more line: h_t = o_t tanh(C_t)"),
        Exercise.number("07.2", Rung.CODING, "cut the input gate out of the fused pre-activations (block order f, g, i, o)"
                + " for a new input", c -> block(c, 2, true), 1e-9)
            .withMistake(c -> block(c, 2, true, true), "that is i_t[1] of the table's step, for the lesson's x; run the"
                + " fused product on the new input Vec.of(1, 0, -1, 0.5)")
            .withMistake(c -> block(c, 2, false), "that is z_i[1]; apply σ")
            .withMistake(c -> block(c, 1, false), "that block is the candidate's z: the order is f, g, i, o, so the"
                + " input gate is the third block")
            .withMistake(c -> block(c, 1, true), "that is the candidate C̃_t[1], from the second block: the order is"
                + " f, g, i, o, so the input gate is the third block")
            .withMistake(c -> Activations.sigmoid(block(c, 1, false)), "that block is the candidate's: the order is"
                + " f, g, i, o, so the input gate is the third block")
            .withMistake(c -> block(c, 0, true), "that is the forget gate, the first block; the input gate is the third"),
        Exercise.rule("07.3", Rung.EXPLORATION, "explore: an input that makes h_t[0] positive", (given, c) -> {
          if (!(given instanceof Vec x)) throw new IllegalArgumentException("exercise 07.3 asks for a Vec, e.g. Vec.of(0.1, 0.2, 0.3, 0.4)");
          LstmWeights w = c.get(0, LstmWeights.class, "the lesson's weights w");
          Vec h = c.get(1, Vec.class, "hPrev"), cPrev = c.get(2, Vec.class, "cPrev");
          if (x.size() != w.inputSize()) return Verdict.wrong("x_t has " + w.inputSize() + " entries; yours has " + x.size());
          if (x.map(Math::abs).max() > 1) return Verdict.wrong("keep every entry of x_t in [−1, 1]");
          LstmStep s = LstmCell.of(w).step(x, h, cPrev);
          String at = String.format("With your x_t, h_t[0] = %.4f (o = %.3f, tanh(C_t[0]) = %.3f)", s.h().get(0),
              s.o().get(0), s.tanhC().get(0));
          return s.h().get(0) > 0
              ? Verdict.correct(at + ": since o_t > 0, h_t[0] has the sign of C_t[0]; you moved C_t[0] above 0 through"
                  + " f, i and the candidate")
              : Verdict.wrong(at + ": h_t[0] has the sign of C_t[0] (o_t is always positive); push C_t[0] up");
        }),
        Exercise.predictChoice("07.4", Rung.CODING,
            "predict, then run: PyTorch's weights read in our block order without reordering",
            c -> {
              LstmStep ours = c.get(0, LstmStep.class, "the lesson's step"), copied = c.get(1, LstmStep.class, "your step");
              return copied.h().closeTo(ours.h(), 1e-12) ? 'S' : 'D';
            }, Map.of(
                'S', "h_t came out the same: that could only happen if the two block orders were the same",
                'D', "h_t came out different: read in the order f, g, i, o, PyTorch's input-gate block acts as our"
                    + " forget gate, its forget block as our candidate and its candidate block as our input gate. The"
                    + " numbers are all there, in the wrong roles")),
        Exercise.choice("07.5", Rung.BY_HAND, "interpret a timing: why a fused step can be faster or slower in plain Java",
            'A', Map.of(
                'A', "Both do exactly the same multiplications and additions; what differs is the bookkeeping"
                    + " (building [h; x], the number of loops, the order in which memory is read), and its cost"
                    + " depends on the size, the JVM and the machine",
                'B', "Neither version skips anything; a zero weight is multiplied like any other",
                'C', "The fused matrices hold exactly the same 4H(H + X) weights and 4H biases",
                'D', "The lesson checks that both give the same h_t to 10⁻⁹; the difference is only in time")));
  }
}
