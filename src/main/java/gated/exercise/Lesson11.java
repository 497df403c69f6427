package gated.exercise;

import gated.cell.GateWeights;
import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.model.DenseWeights;
import gated.model.Lstm;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Adam;
import gated.train.Example;
import gated.train.GradientFlow;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Notebook 11, learning a long-range dependency. */
public final class Lesson11 {
  private Lesson11() {}

  /** 11.1: one weight, its first gradient, and Adam's learning rate. */
  static final double THETA = 0.25, GRADIENT = -0.004, ALPHA = 0.003;

  /** θ after Adam's first step minus θ before, computed by the library's Adam on a one-weight parameter set. */
  static double firstAdamStep(double gradient) {
    DenseWeights before = new DenseWeights(Matrix.of(1, 1, THETA), Vec.of(0));
    DenseWeights g = new DenseWeights(Matrix.of(1, 1, gradient), Vec.of(0));
    return Adam.withLearningRate(ALPHA).step(before, g).w().get(0, 0) - THETA;
  }

  /** The lesson's untrained LSTM (H = 8, weights from random seed 1) with forget-gate bias b_f in every unit. */
  static Lstm untrainedLstm(int inputSize, double bf) {
    LstmWeights w = LstmWeights.random(8, inputSize, new Random(1));
    return Lstm.of(w.withGate(LstmGate.FORGET, new GateWeights(w.forget().w(), Vec.fill(8, bf))));
  }

  /** log10 of the direct road ‖Π_{k=2}^T diag(f_k)‖₂, averaged over the probe sequences, for that LSTM. */
  static double logRoad(List<Example> probe, double bf) {
    Lstm lstm = untrainedLstm(probe.get(0).inputs().get(0).size(), bf);
    double sum = 0;
    for (Example e : probe) {
      sum += GradientFlow.forgetGateProductNorms("road", lstm.forward(e.inputs())).at(e.inputs().size() - 1);
    }
    return Math.log10(sum / probe.size());
  }

  @SuppressWarnings("unchecked")
  private static List<Example> probe(Context c) {
    return (List<Example>) c.get(1, List.class, "the lesson's probe sequences (probe)");
  }

  private static double bias(Context c) {
    return c.number(0, "your forget-gate bias");
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("11.1", Rung.BY_HAND, "Adam's update rule, first step, with its bias correction",
            c -> firstAdamStep(GRADIENT), 1e-6)
            .withMistake(c -> -ALPHA * GRADIENT,
                "that is gradient descent's step −α·g; Adam divides the (corrected) average gradient by √v̂")
            .withMistake(c -> ALPHA * 0.1 * -GRADIENT / Math.sqrt(0.001 * GRADIENT * GRADIENT),
                "you left out the bias correction: after one step m̂ = m / (1 − β₁) and v̂ = v / (1 − β₂)"),
        Exercise.number("11.2", Rung.EXPLORATION, "measuring the direct road of a start of one's own choosing",
            c -> logRoad(probe(c), bias(c)), 0.01)
            .withMistake(c -> (probe(c).get(0).inputs().size() - 1) * Math.log10(1 / (1 + Math.exp(-bias(c)))),
                "that is σ(b)^(T−1), what the bias alone would give; the weights move every gate around σ(b): measure it")
            .withMistake(c -> Math.pow(10, logRoad(probe(c), bias(c))), "that is the road itself; give its log10"),
        Exercise.predictChoice("11.3", Rung.CODING, "predicting how Adam's step depends on the size of the gradient",
            c -> {
              double ratio = firstAdamStep(GRADIENT / 1000) / firstAdamStep(GRADIENT);
              return ratio <= 0.1 ? 'A' : ratio <= 10 ? 'B' : 'C';
            }, Map.of(
                'A', "Gradient descent would take a step 1000 times smaller; Adam does not: it divides the average gradient "
                    + "by the root of its average square, so the size of g cancels.",
                'B', "About the same step: m̂/√v̂ = g/|g| after one step, whatever the size of g, as long as |g| is well "
                    + "above ε. Adam's step follows the sign and consistency of a gradient, not its size.",
                'C', "A larger step would need m̂/√v̂ to grow as g shrinks; after one step it is g/|g| (until |g| nears "
                    + "ε, when it shrinks).")),
        Exercise.choice("11.4", Rung.BY_HAND, "telling a start and a budget from a cell", 'B', Map.of(
            'A', "Her run and the lesson's GRU from b_z = 0 say the same about that start and that budget, but the "
                + "claim is about every GRU, and another start of the same cell learned the gap here.",
            'B', "Yes: the claim is about the cell, the evidence about one start and one budget; the GRU from b_z = 3 "
                + "learned the gap in the lesson's runs, and nothing here says what more epochs would do from b_z = 0.",
            'C', "No run here went beyond the budget, so nothing in this notebook says what 60 epochs would do: "
                + "'certainly' is a guess.",
            'D', "The GRU's copy term Z_t ⊙ H_{t-1} carries the state the way the LSTM's cell state does, and the GRU "
                + "from b_z = 3 learned the gap in the lesson's runs.")));
  }
}
