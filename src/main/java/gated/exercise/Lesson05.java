package gated.exercise;

import gated.cell.LstmGate;
import gated.exercise.Exercise.Rung;
import gated.model.HandWiredLstm;
import gated.model.Lstm;
import gated.model.Vocabulary;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 05, the input gate and the candidate: the exercises and how their answers are computed. */
final class Lesson05 {
  private Lesson05() {}

  /** Exercise 05.1: C_t = f ⊙ C_{t−1} + i ⊙ C̃_t with these values. */
  static final Vec F = Vec.of(1, 0.5), C_PREV = Vec.of(0.8, 0.4), I = Vec.of(1, 0), C_TILDE = Vec.of(-0.6, 0.9);
  /** Exercise 05.2: C_t = 0.9 C_{t−1} + 1 · 0.5 for 5 steps from C_0 = 1. */
  static final double F2 = 0.9, WRITE = 0.5, C0 = 1;
  static final int STEPS = 5;

  static double recurrence(double f, double write, double c0, int steps) {
    double c = c0;
    for (int t = 1; t <= steps; t++) c = f * c + write;     // C_t = f·C_{t−1} + i·C̃_t with i = 1, C̃ = 0.5
    return c;
  }

  /** The navy network with the candidate at "navy" writing −1 into unit 0, run on the lesson's sentence. */
  static double negatedNavy(Context c) {
    HandWiredLstm wiring = c.get(0, HandWiredLstm.class, "the lesson's wiring");
    Vocabulary vocab = c.get(1, Vocabulary.class, "vocab");
    String text = c.get(2, String.class, "the lesson's sentence text");
    return Lstm.of(wiring.on("navy").candidate(0, -3).build()).forward(vocab.encode(text)).last().c().get(0);
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.vector("05.1", Rung.BY_HAND, "the cell-state update C_t = f ⊙ C_{t−1} + i ⊙ C̃_t by hand",
                c -> F.hadamard(C_PREV).plus(I.hadamard(C_TILDE)), 1e-9)
            .withMistake(c -> I.hadamard(C_TILDE), "you left out f ⊙ C_{t−1}, the part of the old memory that is kept")
            .withMistake(c -> F.hadamard(C_PREV).plus(C_TILDE), "the input gate scales the candidate: add i ⊙ C̃_t, not C̃_t")
            .withMistake(c -> F.hadamard(C_PREV), "you left out the new content i ⊙ C̃_t"),
        Exercise.number("05.2", Rung.BY_HAND, "a memory that is written at every step: five steps of C_t = 0.9 C_{t−1} + 0.5",
                c -> recurrence(F2, WRITE, C0, STEPS), 1e-3)
            .withMistake(c -> recurrence(F2, 0, C0, STEPS), "that is the forget-only cell; now 0.5 is written at every step")
            .withMistake(c -> recurrence(1, WRITE, C0, STEPS), "that adds 0.5 five times but never multiplies by f = 0.9")
            .withMistake(c -> recurrence(F2, WRITE, C0, STEPS - 1), "that is four steps"),
        Exercise.number("05.3", Rung.CODING, "change one weight of a hand-wired network and rerun it", Lesson05::negatedNavy, 1e-6)
            .withMistake(c -> -negatedNavy(c), "that is the lesson's value: set the candidate weight of \"navy\" for unit 0"
                + " to −3 with wiring.on(\"navy\").candidate(0, -3)"),
        Exercise.predictChoice("05.4", Rung.EXPLORATION, "predict, then run: an input gate that is open on every word",
            c -> {
              double navy = c.get(0, Lstm.LstmTrace.class, "the trace of your run").last().c().get(0);
              return Math.abs(navy - 1) < 0.05 ? 'A' : Math.abs(navy) < 1e-3 ? 'C' : 'B';
            }, Map.of(
                'A', "The navy unit ended near +1 as before: only \"navy\" was written",
                'B', "The navy unit ended far from +1: with the gate open every word's proposal was written, and with"
                    + " f ≈ 1 nothing was erased, so C_t[0] is the sum of all of them, not even inside (−1, 1). The"
                    + " candidate only proposes; the input gate is what chooses",
                'C', "The navy unit ended at 0: nothing was written at all")),
        Exercise.choice("05.5", Rung.BY_HAND, "interpret: which change lets the other words write into the navy unit",
            'B', Map.of(
            'A', "A sigmoid candidate would propose values in (0, 1) instead of (−1, 1), but every proposal would still"
                + " be multiplied by the input gate σ(−8) ≈ 0.0003 before it reaches the memory",
            'B', "The input gate is what multiplies every proposal on its way into the memory. With its bias at −2"
                + " it is σ(−2) ≈ 0.12 on the other words, so each of them writes about an eighth of its proposal;"
                + " \"navy\" still opens it fully (−2 + 16)",
            'C', "A smaller forget bias lets the memory fade: that erases, it writes nothing. Every proposal still"
                + " passes through an input gate of about 0.0003",
            'D', "tanh never leaves (−1, 1): larger weights only push the proposals towards ±1, and the input gate"
                + " still lets about 0.0003 of each through")));
  }
}
