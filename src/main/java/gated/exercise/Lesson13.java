package gated.exercise;

import gated.cell.GruCell;
import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Gru;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Trainer;
import java.util.List;
import java.util.Map;

/** Notebook 13, the GRU. */
public final class Lesson13 {
  private Lesson13() {}

  /** 13.1: a one-unit GRU step with these gate values and states. */
  static final double Z = 0.25, H_PREV = 0.8, H_TILDE = -0.4;

  /** H_t of a one-unit GRU whose weights are zero and whose biases give exactly Z and H̃, from the library's cell. */
  static double oneUnitStep() {
    Matrix zero = Matrix.zeros(1, 1);
    GruWeights tiny = GruWeights.builder().reset(zero, zero, Vec.of(0))
        .update(zero, zero, Vec.of(Math.log(Z / (1 - Z))))                          // σ(b_z) = Z
        .candidate(zero, zero, Vec.of(0.5 * Math.log((1 + H_TILDE) / (1 - H_TILDE))))   // tanh(b_h) = H̃
        .build();
    return GruCell.of(tiny).step(Vec.of(0), Vec.of(H_PREV)).h().get(0);
  }

  /** 13.2: the lesson's step with the reset gate's bias set to −30, so that R_t ≈ 0. */
  static Vec resetClosed(GruWeights gw, Vec x, Vec hPrev) {
    RowGateWeights r = gw.reset();
    GruWeights closed = new GruWeights(new RowGateWeights(r.wx(), r.wh(), Vec.fill(r.b().size(), -30.0)), gw.update(),
        gw.candidate());
    return GruCell.of(closed).step(x, hPrev).h();
  }

  private static Vec resetClosed(Context c) {
    return resetClosed(c.get(0, GruWeights.class, "the lesson's GRU weights gw"), c.get(1, Vec.class, "the input x"),
        c.get(2, Vec.class, "the previous state hPrev"));
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("13.1", Rung.BY_HAND, "the GRU's interpolation H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃_t",
            c -> oneUnitStep(), 1e-9)
            .withMistake(c -> (1 - Z) * H_PREV + Z * H_TILDE,
                "that is the other convention (colah, CS224n's slides); in this course Z_t weighs the old state H_{t-1}")
            .withMistake(c -> Z * H_PREV, "that is only the kept part Z·H_{t-1}; add what is written, (1 − Z)·H̃_t")
            .withMistake(c -> (1 - Z) * H_TILDE, "that is only the written part (1 − Z)·H̃_t; add the kept part Z·H_{t-1}"),
        Exercise.vector("13.2", Rung.CODING, "changing one gate's bias in the lesson's step to see what the reset gate does",
            Lesson13::resetClosed, 1e-6)
            .withMistake(c -> GruCell.of(c.get(0, GruWeights.class, "gw")).step(c.get(1, Vec.class, "x"),
                c.get(2, Vec.class, "hPrev")).h(), "that is the lesson's H_t; set the reset gate's bias to −30 first"),
        Exercise.predictChoice("13.3", Rung.EXPLORATION, "predicting where a start of your own lands among the lesson's",
            c -> {
              double mine = Lesson11.epochs(c.get(0, Trainer.History.class, "your run"));
              Map<?, ?> runs = c.get(1, Map.class, "the lesson's runs");
              double one = Lesson11.epochs(run(runs, "GRU, b_z = 1"));
              double three = Lesson11.epochs(run(runs, "GRU, b_z = 3"));
              if (Double.isInfinite(mine)) return 'D';
              return mine <= three ? 'A' : mine <= one ? 'B' : 'C';
            }, Map.of(
                'A', "No later than from b_z = 3: a start at least as open as the lesson's fastest, or a lucky one.",
                'B', "Between the lesson's b_z = 3 and b_z = 1 runs, as a bias between them would suggest; not a law.",
                'C', "Later than from b_z = 1: the more closed starts were the slower ones in the lesson.",
                'D', "Not within the budget, like the lesson's b_z = 0: a closed start, or simply a larger budget needed.")),
        Exercise.choice("13.4", Rung.BY_HAND, "what changes when GRU weights move between libraries", 'B', Map.of(
            'A', "PyTorch's z weighs the old state, as in this course; that is the colah/CS224n-slides convention you "
                + "have in mind.",
            'B', "Yes: PyTorch applies r after the product, r ⊙ (W_hn·h + b_hn), and keeps b_hn: a different model, "
                + "so the same numbers give other outputs.",
            'C', "PyTorch's gates are sigmoids as here; only the candidate uses tanh.",
            'D', "PyTorch's GRU has a reset gate; it applies it at another place.")));
  }

  private static Trainer.History<?> run(Map<?, ?> runs, String name) {
    Object r = runs.get(name);
    if (!(r instanceof Trainer.History<?> h)) {
      throw new IllegalArgumentException("exercise 13.3 needs the lesson's runs map with a run named \"" + name + "\"");
    }
    return h;
  }

  /** Used by the tests: the word the lesson's step reads. */
  static Vec mat() {
    return Vocabulary.of("cat", "mat", "rat").oneHot("mat");
  }
}
