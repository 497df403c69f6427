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
import gated.train.Trainer;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
    return (List<Example>) c.get(0, List.class, "the lesson's probe sequences (probe)");
  }

  /** Epochs a run needed to reach 99 % test accuracy; a run that did not counts as never (infinity). */
  static double epochs(Trainer.History<?> run) {
    OptionalInt e = run.epochsToTestAccuracy(0.99);
    return e.isPresent() ? e.getAsInt() : Double.POSITIVE_INFINITY;
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("11.1", Rung.BY_HAND, "Adam's update rule, first step, with its bias correction",
            c -> firstAdamStep(GRADIENT), 1e-6)
            .withMistake(c -> -ALPHA * GRADIENT,
                "that is gradient descent's step −α·g; Adam divides the (corrected) average gradient by √v̂")
            .withMistake(c -> ALPHA * 0.1 * -GRADIENT / Math.sqrt(0.001 * GRADIENT * GRADIENT),
                "you left out the bias correction: after one step m̂ = m / (1 − β₁) and v̂ = v / (1 − β₂)"),
        Exercise.number("11.2", Rung.CODING, "measuring the direct road of a start the lesson did not try",
            c -> logRoad(probe(c), 2), 0.01)
            .withMistake(c -> logRoad(probe(c), 1), "that is the road for b_f = 1; set the forget-gate bias to 2")
            .withMistake(c -> logRoad(probe(c), 3), "that is the road for b_f = 3; set the forget-gate bias to 2")
            .withMistake(c -> 40 * Math.log10(1 / (1 + Math.exp(-2))),
                "that is σ(2)^40, what the bias alone would give; the weights move every gate around σ(2): measure it")
            .withMistake(c -> Math.pow(10, logRoad(probe(c), 2)), "that is the road itself; give its log10"),
        Exercise.predictChoice("11.3", Rung.EXPLORATION, "predicting how the gap changes the epochs one start needs",
            c -> {
              double near = epochs(c.get(0, Trainer.History.class, "the run at gap 20"));
              double far = epochs(c.get(1, Trainer.History.class, "the run at the longest gap"));
              if (Double.isInfinite(near)) return 'D';
              return near < far ? 'A' : near == far ? 'B' : 'C';
            }, Map.of(
                'A', "Fewer epochs at the shorter gap, as in the gap sweep: the first token has fewer steps to survive.",
                'B', "The same number of epochs: a shorter gap did not speed this start up; one random seed is one sample.",
                'C', "More epochs at the shorter gap: the sweep's trend is a tendency, not a law, and a single run can "
                    + "go against it.",
                'D', "Not within the budget even at the shorter gap: the closed start (b_f = 0) is slow at every gap, "
                    + "so try a larger EPOCHS before concluding anything.")),
        Exercise.choice("11.4", Rung.BY_HAND, "telling a budget from an ability", 'B', Map.of(
            'A', "The classmate saw chance after 10 epochs, but in this notebook's runs that start reached 99 % later: "
                + "chance after 10 epochs is not 'cannot learn'.",
            'B', "Yes: within 10 epochs that start did not learn it; with a larger budget it did here. The claim mixes "
                + "up a budget with an ability.",
            'C', "The lesson's test sequences are checked to be unseen; nothing here points at the test set.",
            'D', "The LSTM from b_f = 0 also needed more than 10 epochs here; a budget of 10 says little about either.")));
  }
}
