package gated.exercise;

import gated.cell.Activations;
import gated.cell.GateWeights;
import gated.cell.LstmCell;
import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Lstm;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 04, the forget gate: the exercises and how their answers are computed. */
final class Lesson04 {
  private Lesson04() {}

  /** Exercise 04.1: hidden size 2, input size 1, W_f on [h_{t−1}; x_t] (columns h[0], h[1], x). */
  static final Matrix WF = Matrix.of(new double[][] {{1, 0, 2}, {0, -1, 1}});
  static final Vec BF = Vec.of(0, -1), H = Vec.of(0.5, 0.5), X = Vec.of(1);
  /** The lesson's sentence, and exercise 04.2's. */
  static final String SENTENCE = "Bob is a nice person Dan on the other hand is evil";
  static final String TWICE = "Bob is nice Bob is evil";
  /** Exercise 04.3: the subject slot must keep at least this much over the words before "Dan". */
  static final double KEEP = 0.9;
  static final int BEFORE_DAN = 5;

  static Vec forgetGate(Matrix w, Vec b, Vec hx) {
    return Activations.sigmoid(w.times(hx).plus(b));
  }

  static Vec expected1() {
    LstmWeights w = LstmWeights.zeros(2, 1).withGate(LstmGate.FORGET, new GateWeights(WF, BF));
    return LstmCell.of(w).step(X, H, Vec.zeros(2)).f();
  }

  static Lstm.LstmTrace run(LstmWeights w, Vocabulary vocab, String sentence) {
    return Lstm.of(w).forward(vocab.encode(sentence));
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.vector("04.1", Rung.BY_HAND, "a forget gate by hand: σ(W_f [h_{t−1}; x_t] + b_f)", c -> expected1(), 1e-3)
            .withMistake(c -> WF.times(H.concat(X)).plus(BF), "that is z_f, the pre-activation; apply σ to each entry")
            .withMistake(c -> forgetGate(WF, Vec.zeros(2), H.concat(X)), "you left out the bias b_f")
            .withMistake(c -> forgetGate(WF, BF, X.concat(H)), "the columns are h_{t−1}[0], h_{t−1}[1], x_t: stack"
                + " [h_{t−1}; x_t] in that order"),
        Exercise.number("04.2", Rung.CODING, "run the Bob/Dan network on a sentence of your own making",
                c -> run(c.get(0, LstmWeights.class, "the Bob/Dan weights bobDan"), c.get(1, Vocabulary.class, "vocab"), TWICE)
                    .last().c().get(0), 1e-4)
            .withMistake(c -> -run(c.get(0, LstmWeights.class, "bobDan"), c.get(1, Vocabulary.class, "vocab"), TWICE)
                .last().c().get(0), "right size, wrong sign: +1 in the subject slot means Bob")
            .withMistake(c -> run(c.get(0, LstmWeights.class, "bobDan"), c.get(1, Vocabulary.class, "vocab"), TWICE)
                .last().c().get(1), "that is unit 1, the trait slot; the subject slot is unit 0"),
        Exercise.rule("04.3", Rung.EXPLORATION,
            "explore: a gentler forget bias that still keeps the subject until the next name", (given, c) -> {
              double b = ((Number) given).doubleValue();
              LstmWeights mine = c.get(0, LstmWeights.class, "your weights gentler");
              Vocabulary vocab = c.get(1, Vocabulary.class, "vocab");
              if (!mine.forget().b().closeTo(Vec.fill(mine.hiddenSize(), b), 1e-12)) {
                return Verdict.wrong("your weights' forget bias is not " + b + " in both units: build them with"
                    + " .bias(LstmGate.FORGET, " + b + ")");
              }
              if (b == 8) return Verdict.wrong("8 is the lesson's bias; choose another one");
              Lstm.LstmTrace t = run(mine, vocab, SENTENCE);
              double kept = t.step(BEFORE_DAN - 1).c().get(0);
              String at = String.format("With b_f = %s the subject slot holds %.3f just before \"Dan\"", b, kept);
              return kept >= KEEP
                  ? Verdict.correct(at + ". Every ordinary word multiplies it by σ(b_f), so over four words it keeps"
                      + " σ(b_f)⁴ of Bob: the gate need not be 1, only close enough for the distance it must carry")
                  : Verdict.wrong(at + ", below 0.9: each of the four words multiplies it by σ(b_f); raise b_f");
            }),
        Exercise.predictChoice("04.4", Rung.CODING, "predict, then run: a name that no longer clears the trait slot",
            c -> {
              double trait = c.get(0, Lstm.LstmTrace.class, "the trace of your run").last().c().get(1);
              return trait < -0.5 ? 'A' : trait > 0.5 ? 'B' : 'C';
            }, Map.of(
                'A', "The trait slot ended at about −1, \"evil\", as in the lesson",
                'B', "The trait slot ended at about +1: \"nice\" survived to the end",
                'C', "The trait slot ended near 0: \"nice\" (+1) was never erased, and \"evil\" did not replace it but"
                    + " was added to it: +1 + (−1) ≈ 0. The input gate writes by adding; only the forget gate can"
                    + " clear what was there, and here it stayed open")),
        Exercise.choice("04.5", Rung.BY_HAND, "interpret the forget gate at the first name", 'A', Map.of(
            'A', "The weights belong to the word, not to the position, so every name closes the gate; at \"Bob\""
                + " the memory is still 0, so closing it costs nothing",
            'B', "The gate at t = 1 is σ(W_f [h_0; x_1] + b_f) like any other step; here it is small because of"
                + " Bob's weight −16, not because t = 1",
            'C', "\"nice\" and \"evil\" act on the trait slot through the input gate and candidate; Bob's forget"
                + " weights are −16 because he is a name",
            'D', "σ(−8) ≈ 0.0003, small but not 0; a sigmoid never reaches 0 exactly")));
  }
}
