package gated.exercise;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Gru;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
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

  /** 13.2: the lesson's weights with the reset gate's bias set to −30, so that R_t ≈ 0. */
  static GruWeights resetClosedWeights(GruWeights gw) {
    RowGateWeights r = gw.reset();
    return new GruWeights(new RowGateWeights(r.wx(), r.wh(), Vec.fill(r.b().size(), -30.0)), gw.update(), gw.candidate());
  }

  private static boolean moved(Vec a, Vec b) {
    return a.minus(b).norm() > 1e-9;
  }

  /** 13.3: max |H_t − H_{t-1}| for the lesson's step with update-gate bias b in every unit. */
  static double copyError(double bz, GruWeights gw, Vec x, Vec hPrev) {
    RowGateWeights z = gw.update();
    GruWeights keep = new GruWeights(gw.reset(), new RowGateWeights(z.wx(), z.wh(), Vec.fill(z.b().size(), bz)), gw.candidate());
    return GruCell.of(keep).step(x, hPrev).h().minus(hPrev).map(Math::abs).max();
  }

  private static double copyError(Context c) {
    return copyError(c.number(0, "your update-gate bias"), c.get(1, GruWeights.class, "the lesson's GRU weights gw"),
        c.get(2, Vec.class, "the input x"), c.get(3, Vec.class, "the previous state hPrev"));
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("13.1", Rung.BY_HAND, "the GRU's interpolation H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃_t",
            c -> oneUnitStep(), 1e-9)
            .withMistake(c -> (1 - Z) * H_PREV + Z * H_TILDE,
                "that is the other convention (colah, CS224n's slides); in this course Z_t weighs the old state H_{t-1}")
            .withMistake(c -> Z * H_PREV, "that is only the kept part Z·H_{t-1}; add what is written, (1 − Z)·H̃_t")
            .withMistake(c -> (1 - Z) * H_TILDE, "that is only the written part (1 − Z)·H̃_t; add the kept part Z·H_{t-1}"),
        Exercise.predictChoice("13.2", Rung.CODING, "predicting which of a step's vectors the reset gate reaches",
            c -> {
              GruWeights gw = c.get(0, GruWeights.class, "the lesson's GRU weights gw");
              Vec x = c.get(1, Vec.class, "the input x"), hPrev = c.get(2, Vec.class, "the previous state hPrev");
              GruStep before = GruCell.of(gw).step(x, hPrev), after = GruCell.of(resetClosedWeights(gw)).step(x, hPrev);
              boolean r = moved(before.r(), after.r()), z = moved(before.z(), after.z());
              boolean candidate = moved(before.hTilde(), after.hTilde()), h = moved(before.h(), after.h());
              if (r && !z && candidate && h) return 'B';
              if (r && z && candidate && h) return 'C';
              if (r && !z && !candidate && !h) return 'A';
              return 'D';
            }, Map.of(
                'A', "R_t changes, and R_t scales H_{t-1} inside the candidate, so H̃_t and with it H_t change too.",
                'B', "R_t, H̃_t and H_t change; Z_t does not, since the update gate reads X_t and H_{t-1}, never R_t.",
                'C', "Z_t is computed from X_t and H_{t-1} alone; the reset gate does not enter it.",
                'D', "The reset gate feeds the candidate, not the update gate: Z_t stays, H̃_t moves.")),
        Exercise.number("13.3", Rung.EXPLORATION, "how close a large update-gate bias comes to copying the state",
            Lesson13::copyError, 1e-9)
            .withMistake(c -> 1 / (1 + Math.exp(c.number(0, "your update-gate bias"))),
                "that is 1 − σ(b) = 1 − Z_t; the change is (1 − Z_t)·|H̃_t − H_{t-1}|, the largest over the units"),
        Exercise.choice("13.4", Rung.BY_HAND, "what changes when GRU weights move between libraries", 'B', Map.of(
            'A', "PyTorch's z weighs the old state, as in this course; that is the colah/CS224n-slides convention you "
                + "have in mind.",
            'B', "Yes: PyTorch applies r after the product, r ⊙ (W_hn·h + b_hn), and keeps b_hn: a different model, "
                + "so the same numbers give other outputs.",
            'C', "PyTorch's gates are sigmoids as here; only the candidate uses tanh.",
            'D', "PyTorch's GRU has a reset gate; it applies it at another place.")));
  }

  /** Used by the tests: the word the lesson's step reads. */
  static Vec mat() {
    return Vocabulary.of("cat", "mat", "rat").oneHot("mat");
  }
}
