package gated.exercise;

import gated.exercise.Exercise.Rung;
import gated.model.DenseWeights;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Clip;
import gated.train.GradientFlow;
import gated.train.Trainer;
import java.util.List;
import java.util.Map;

/** Notebook 02, vanishing and exploding gradients: the exercises and how their answers are computed. */
final class Lesson02 {
  private Lesson02() {}

  /** Exercise 02.1: one unit, W_h = 0.5, at states where tanh' = 1 − h_k² = 0.8, over 10 steps. */
  static final double WH = 0.5, TANH_PRIME = 0.8;
  static final int DISTANCE = 10;
  /** Exercise 02.2: g = [6, 8] clipped by norm to 5. */
  static final Vec G = Vec.of(6, 8);
  static final double TAU = 5;
  /** What counts as a burst: one epoch's largest gradient more than this many times every earlier epoch's. */
  static final double BURST = 40;

  static Vec clipByNorm(Vec g, double tau) {
    DenseWeights d = new DenseWeights(Matrix.of(1, 1, g.get(0)), Vec.of(g.get(1)));
    return Vec.of(Clip.byGlobalNorm(d, tau).toArray());
  }

  static Vec clipByValue(Vec g, double limit) {
    DenseWeights d = new DenseWeights(Matrix.of(1, 1, g.get(0)), Vec.of(g.get(1)));
    return Vec.of(Clip.byValue(d, limit).toArray());
  }

  /** The first distance d with ‖∂L/∂h_t‖ above 1000, or −1. */
  static long firstAbove(GradientFlow.Profile p, double level) {
    for (int d = 0; d < p.values().size(); d++) if (p.at(d) > level) return d;
    return -1;
  }

  /** Whether some epoch's largest gradient is more than {@link #BURST} times every earlier epoch's. */
  static boolean hasBurst(List<Double> gradientNorms) {
    double before = 0;
    for (int e = 0; e < gradientNorms.size(); e++) {
      if (e > 0 && gradientNorms.get(e) > BURST * before) return true;
      before = Math.max(before, gradientNorms.get(e));
    }
    return false;
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("02.1", Rung.BY_HAND, "a gradient 10 steps back as a product of Jacobians (1 − h²)·W_h",
                c -> Math.pow(TANH_PRIME * WH, DISTANCE), 1e-7)
            .withMistake(c -> Math.pow(WH, DISTANCE), "that is W_h alone; each Jacobian is (1 − h_k²)·W_h = 0.8 · 0.5")
            .withMistake(c -> Math.pow(TANH_PRIME, DISTANCE), "that is tanh' alone; each Jacobian also holds W_h = 0.5")
            .withMistake(c -> TANH_PRIME * WH * DISTANCE, "that adds the factors up; BPTT multiplies them")
            .withMistake(c -> Math.pow(TANH_PRIME * WH, DISTANCE - 1), "one factor short: 10 steps back is 10 Jacobians"),
        Exercise.vector("02.2", Rung.BY_HAND, "clip a gradient by its norm", c -> clipByNorm(G, TAU), 1e-6)
            .withMistake(c -> clipByValue(G, TAU), "that clamps each entry to ±5 (clipping by value); by norm, the"
                + " whole vector is scaled by τ/‖g‖")
            .withMistake(c -> G.scale(1 / G.norm()), "that is g scaled to norm 1; the threshold here is 5"),
        Exercise.count("02.3", Rung.CODING, "read a gradient profile in a loop: the first distance beyond 1000",
                c -> firstAbove(c.get(0, GradientFlow.Profile.class, "the lesson's profile exploding"), 1000))
            .withMistake(c -> firstAbove(c.get(0, GradientFlow.Profile.class, "exploding"), 1000) - 1,
                "that is the last distance at or below 1000; the question asks for the first one above")
            .withMistake(c -> firstAbove(c.get(0, GradientFlow.Profile.class, "exploding"), 1000) + 1,
                "one step too far: check the distance before it"),
        Exercise.predictChoice("02.4", Rung.EXPLORATION,
            "predict, then run: does a smaller learning rate still meet a gradient burst?",
            c -> hasBurst(c.get(0, Trainer.History.class, "the History of your run").gradientNorm()) ? 'A' : 'B', Map.of(
                'A', "The run met a burst: one epoch's largest gradient was more than 40 times any earlier one. A smaller"
                    + " α makes each step shorter, but the gradient itself is what BPTT computes, and it can still"
                    + " explode when the weights pass through a region where the Jacobians are larger than 1",
                'B', "The run met no burst: with shorter steps the weights moved more gently and never reached the"
                    + " region where the epoch-13 gradient exploded. The gradient was never clipped; the path was"
                    + " different. One run is one example: other random seeds may differ")),
        Exercise.choice("02.5", Rung.EXPLORATION, "interpret the study of clipping over ten random seeds", 'C', Map.of(
            'A', "Value clipping changes the gradient's direction, and ten runs cannot rank the two kinds (both"
                + " solved all ten); the lesson says so",
            'B', "A large gradient alone does not fail a run. An unclipped run that solved the task met 13.0, and"
                + " the clipped runs met large gradients too (their max ‖g‖ rows, measured before clipping) and all"
                + " solved it",
            'C', "The two unclipped failures are the runs with the two largest gradients, and clipped, the same"
                + " random seeds solved the task; on the other eight, clipped and unclipped runs alike solved it. So"
                + " clipping helped exactly where a burst came",
            'D', "Clipping can only shorten a gradient; it does nothing for one that vanished, and the first-token"
                + " task was solved by the unclipped runs without a burst")));
  }
}
