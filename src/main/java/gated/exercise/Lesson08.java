package gated.exercise;

import gated.cell.Activations;
import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 08, the worked exercises: the exercises and how their answers are computed. */
final class Lesson08 {
  private Lesson08() {}

  /** Question 1's embedding E (one row per word, counted from 0), W_i, b_i and h_{t−1}. */
  static final Matrix E = Matrix.of(new double[][] {{1, 1, 3, 4}, {2, 3, 3, 4}, {4, 1, 1, 0}, {2, 0, 2, 4}});
  static final Matrix W_I = Matrix.of(new double[][] {
      {6, 4, 3, 1, 5, 6, 2, 0}, {0, 0, 6, 6, 1, 3, 3, 5}, {6, 4, 2, 3, 4, 5, 1, 2}, {6, 6, 2, 6, 1, 4, 0, 0}});
  static final Vec B_I = Vec.of(4, 4, 2, 1), H_PREV = Vec.fill(4, 0.76);
  /** Exercise 08.1 reads the word [0 0 0 1]: row 3 of E. */
  static final int WORD = 3;
  /** Question 2's candidate weights and state, for exercise 08.2; its given gates. */
  static final Matrix W_C = Matrix.of(new double[][] {{0, 4, 0, 5}, {-2, 6, 2, 5}});
  static final Vec B_C = Vec.of(1, 1), H2 = Vec.of(0.4165792, 0.32134238), C2 = Vec.of(0.44354576, 1.99999732),
      X2 = Vec.of(0, 2), I_GIVEN = Vec.of(0.99999057, 0.333263), F_GIVEN = Vec.of(0.5, 0.5);
  /** Exercise 08.3's second input. */
  static final Vec X_NEXT = Vec.of(1, 0);

  static Vec zi(int row, boolean bias) {
    Vec z = W_I.times(H_PREV.concat(E.row(row)));
    return bias ? z.plus(B_I) : z;
  }

  static Vec cTilde() {
    return Activations.tanh(W_C.times(H2.concat(X2)).plus(B_C));
  }

  static LstmStep second(Context c, boolean fromThisStep) {
    LstmWeights q2 = c.get(0, LstmWeights.class, "Question 2's weights q2");
    LstmStep first = c.get(1, LstmStep.class, "Question 2's step q2Step");
    return fromThisStep ? LstmCell.of(q2).step(X_NEXT, first.h(), first.c()) : LstmCell.of(q2).step(X_NEXT, first.hPrev(), first.cPrev());
  }

  /** The gate (F, I, O or C for the candidate) that is the same in both steps, or N when every one changed. */
  static char unchanged(LstmStep a, LstmStep b) {
    if (a.f().closeTo(b.f(), 1e-12)) return 'F';
    if (a.i().closeTo(b.i(), 1e-12)) return 'I';
    if (a.o().closeTo(b.o(), 1e-12)) return 'O';
    if (a.g().closeTo(b.g(), 1e-12)) return 'C';
    return 'N';
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.vector("08.1", Rung.BY_HAND, "Question 1's input-gate pre-activations for another word", c -> zi(WORD, true), 1e-9)
            .withMistake(c -> zi(WORD - 1, true), "[0 0 0 1] picks row 3 of E, the last row (rows count from 0); you"
                + " used row 2")
            .withMistake(c -> zi(WORD, false), "you left out the bias b_i")
            .withMistake(c -> Activations.sigmoid(zi(WORD, true)), "that is i_t = σ(z_i); the question asks for z_i"),
        Exercise.vector("08.2", Rung.BY_HAND, "Question 2's cell state with other gate values",
                c -> F_GIVEN.hadamard(C2).plus(I_GIVEN.hadamard(cTilde())), 1e-4)
            .withMistake(c -> I_GIVEN.hadamard(cTilde()), "you left out f ⊙ C_{t−1}")
            .withMistake(c -> F_GIVEN.hadamard(C2).plus(cTilde()), "the input gate scales the candidate: i ⊙ C̃_t"),
        Exercise.vector("08.3", Rung.CODING, "run Question 2's network for a second step", c -> second(c, true).h(), 1e-6)
            .withMistake(c -> second(c, false).h(), "the second step starts from the first step's h_t and C_t, not from"
                + " h_{t−1} and C_{t−1} again")
            .withMistake(c -> second(c, true).c(), "that is C_{t+1}; the question asks for h_{t+1}"),
        Exercise.predictChoice("08.4", Rung.EXPLORATION, "predict, then run: which gate ignores the input's second entry?",
            c -> unchanged(c.get(0, LstmStep.class, "Question 2's step q2Step"), c.get(1, LstmStep.class, "the step of your run")),
            Map.of(
                'F', "The forget gate did not move: the last column of W_f, the one that multiplies x_t[1], is all"
                    + " zeros, so that entry of the input cannot reach f_t",
                'I', "The input gate did not move: then W_i's last column would have to be zero, and it is [2, 1]",
                'O', "The output gate did not move: then W_o's last column would have to be zero, and it is [4, 4]",
                'C', "The candidate did not move: then W_C's last column would have to be zero, and it is [5, 5]",
                'N', "Every gate moved: check that your step changed only x_t")),
        Exercise.choice("08.5", Rung.BY_HAND, "interpret a saturated gate: why another word gives the same h_t", 'A', Map.of(
            'A', "Every pre-activation of the input gate is far above 10 for either word, so σ(z) = 1 to many"
                + " digits and C_t = C_{t−1} + 1 either way; a saturated gate no longer tells inputs apart",
            'B', "Rows 1 and 3 of E are [2, 3, 3, 4] and [2, 0, 2, 4], different embeddings",
            'C', "h_t = o_t ⊙ tanh(C_t) and C_t = f ⊙ C_{t−1} + i ⊙ C̃_t, so it depends on i_t whenever i_t changes",
            'D', "The forget gate is given as 1 in both, but that keeps C_{t−1}; it does not explain why i_t is"
                + " the same")));
  }
}
