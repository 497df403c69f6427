package gated.exercise;

import gated.cell.Activations;
import gated.exercise.Exercise.Rung;
import gated.model.HandWiredLstm;
import gated.model.Lstm;
import gated.model.Vocabulary;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 06, the output gate: the exercises and how their answers are computed. */
final class Lesson06 {
  private Lesson06() {}

  /** Exercise 06.1: h_t = o_t ⊙ tanh(C_t). */
  static final Vec C = Vec.of(1, -2), O = Vec.of(0.5, 1);
  /** Exercise 06.2: one unit holds C_t = 2; which o_t gives h_t = 0.5? */
  static final double C_ONE = 2, H_WANTED = 0.5;

  static double thingAtBrave(Context c) {
    HandWiredLstm wiring = c.get(0, HandWiredLstm.class, "the lesson's wiring");
    Vocabulary vocab = c.get(1, Vocabulary.class, "vocab");
    String text = c.get(2, String.class, "the lesson's sentence text");
    return Lstm.of(wiring.on("brave").output(1, 16).build()).forward(vocab.encode(text)).last().h().get(1);
  }

  static Lstm.LstmTrace lessonRun(Context c) {
    HandWiredLstm wiring = c.get(0, HandWiredLstm.class, "the lesson's wiring");
    return Lstm.of(wiring.build()).forward(c.get(1, Vocabulary.class, "vocab").encode(c.get(2, String.class, "text")));
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.vector("06.1", Rung.BY_HAND, "the hidden state h_t = o_t ⊙ tanh(C_t) by hand",
                c -> O.hadamard(Activations.tanh(C)), 1e-4)
            .withMistake(c -> O.hadamard(C), "you left out tanh: h_t = o_t ⊙ tanh(C_t)")
            .withMistake(c -> O.plus(Activations.tanh(C)), "that is o_t + tanh(C_t), the misprint; the gate multiplies")
            .withMistake(c -> Activations.tanh(O.hadamard(C)), "tanh comes first, then the gate: o_t ⊙ tanh(C_t)"),
        Exercise.number("06.2", Rung.BY_HAND, "solve h_t = o_t tanh(C_t) for the output gate",
                c -> H_WANTED / Math.tanh(C_ONE), 1e-4)
            .withMistake(c -> H_WANTED / C_ONE, "that divides by C_t; the gate multiplies tanh(C_t)")
            .withMistake(c -> H_WANTED * Math.tanh(C_ONE), "that multiplies; solve o_t · tanh(2) = 0.5 for o_t"),
        Exercise.number("06.3", Rung.CODING, "open a second output gate in a hand-wired network", Lesson06::thingAtBrave, 1e-6)
            .withMistake(c -> lessonRun(c).last().h().get(1), "that is the lesson's value: add .on(\"brave\").output(1, 16)"
                + " to the wiring before you build it")
            .withMistake(c -> lessonRun(c).last().c().get(1), "that is C_t[1], the memory; h_t[1] = o_t[1] tanh(C_t[1])"),
        Exercise.predictChoice("06.4", Rung.EXPLORATION, "predict, then run: an output gate opened halfway",
            c -> {
              Lstm.LstmTrace t = c.get(0, Lstm.LstmTrace.class, "the trace of your run");
              double h = t.last().h().get(0), tanhC = Math.tanh(t.last().c().get(0));
              return Math.abs(h - 0.5 * tanhC) < 1e-3 ? 'A' : Math.abs(h - tanhC) < 1e-3 ? 'B' : Math.abs(h - 0.5) < 1e-3
                  ? 'C' : 'D';
            }, Map.of(
                'A', "h_t[0] is half of tanh(C_t[0]): a weight of 8 cancels the bias −8, z_o = 0 and o = σ(0) = 0.5,"
                    + " which scales what is shown; the memory itself is the same",
                'B', "h_t[0] is tanh(C_t[0]) as before: the gate must have opened fully",
                'C', "h_t[0] is 0.5: that would be the gate itself, not the gate times tanh(C_t)",
                'D', "h_t[0] is none of these: check that only the weight of \"brave\" on unit 0's output gate changed")),
        Exercise.choice("06.5", Rung.BY_HAND, "interpret: the same cell without its output gate", 'B', Map.of(
            'A', "Without the gate nothing hides the memory: h_t = tanh(C_t), and C_t holds the person from \"Bob\""
                + " on and the thing from \"enemy\" on",
            'B', "With o_t = 1, h_t = tanh(C_t) shows every unit's memory at every word: the person from \"Bob\" on,"
                + " the thing from \"enemy\" on. The next layer would see both all the time and could not tell that"
                + " only the person matters at \"brave\"; choosing that is the output gate's job",
            'C', "tanh squashes every entry into (−1, 1): tanh(0.99) ≈ 0.76 and tanh(1.99) ≈ 0.96, never 1 and 2",
            'D', "Nothing in h_t = tanh(C_t) chooses a unit: both entries are shown, and the thing, the larger"
                + " memory, even shows more")));
  }
}
