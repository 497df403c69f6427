package gated.exercise;

import gated.exercise.Exercise.Rung;
import gated.model.StackedLstm;
import gated.model.StackedLstmWeights;
import gated.tensor.Vec;
import gated.train.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Notebook 15, the deep (stacked) LSTM. */
public final class Lesson15 {
  private Lesson15() {}

  /** 15.1: a stack of L layers over T steps. */
  static final int LAYERS = 3, STEPS = 10;

  /**
   * The fewest rounds in which a stack can run all its cell steps, when every cell whose two inputs are ready
   * (the layer below at the same step, its own layer at the step before) runs at once: counted by simulation.
   */
  static long rounds(int layers, int steps) {
    int[][] done = new int[layers][steps];          // the round in which cell (l, t) ran; 0 = not yet
    int round = 0, left = layers * steps;
    while (left > 0) {
      round++;
      for (int l = 0; l < layers; l++) {
        for (int t = 0; t < steps; t++) {
          boolean below = l == 0 || (done[l - 1][t] > 0 && done[l - 1][t] < round);
          boolean before = t == 0 || (done[l][t - 1] > 0 && done[l][t - 1] < round);
          if (done[l][t] == 0 && below && before) {
            done[l][t] = round;
            left--;
          }
        }
      }
    }
    return round;
  }

  /** 15.2: the top output h^(3)_T of a 3-layer stack with H = 3 whose weights come from random seed 11. */
  @SuppressWarnings("unchecked")
  static Vec threeLayerTop(Context c, int layers) {
    List<Vec> xs = (List<Vec>) c.get(0, List.class, "the lesson's 8 bits xs");
    return StackedLstm.of(StackedLstmWeights.random(layers, 3, xs.get(0).size(), new Random(11))).forward(xs).lastOutput();
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.count("15.1", Rung.BY_HAND, "which cell steps of a stack depend on which, and what can run at once",
            c -> rounds(LAYERS, STEPS))
            .withMistake(c -> (long) LAYERS * STEPS, "that runs every cell step one after another; cells whose inputs "
                + "are ready can run in the same round")
            .withMistake(c -> (long) STEPS, "layer 2 at step 1 must wait for layer 1 at step 1, and so on up the stack")
            .withMistake(c -> (long) LAYERS, "step t of a layer must wait for its step t − 1"),
        Exercise.vector("15.2", Rung.CODING, "rebuilding a deeper stack from ordinary LSTM layers",
            c -> threeLayerTop(c, 3), 1e-9)
            .withMistake(c -> threeLayerTop(c, 2), "that is the 2-layer stack's output; add a third layer on top"),
        Exercise.predictChoice("15.3", Rung.EXPLORATION,
            "predicting whether depth helps when the only target is at the end, on unseen sequences",
            c -> {
              boolean one = c.get(0, Trainer.History.class, "the 1-layer run").finalTestAccuracy() >= 0.9;
              boolean two = c.get(1, Trainer.History.class, "the 2-layer run").finalTestAccuracy() >= 0.9;
              return one && two ? 'A' : two ? 'B' : one ? 'C' : 'D';
            }, Map.of(
                'A', "Both learned the rule: with one target per sequence that is rare here; compare with the training "
                    + "accuracies, and try another random seed.",
                'B', "Only the 2-layer stack reached 0.9 on unseen sequences: depth helped in this run. One random seed "
                    + "is one sample, so try a few before concluding.",
                'C', "Only the single layer reached 0.9: depth did not help in this run, as on running parity in the "
                    + "lesson. One random seed is one sample.",
                'D', "Neither reached 0.9 on unseen sequences: without the running targets both mostly fit their "
                    + "training sequences (compare the training accuracy) without finding the parity rule.")),
        Exercise.choice("15.4", Rung.BY_HAND, "which experiment would test a claim about depth", 'B', Map.of(
            'A', "More random seeds on the same toy task at the same size sharpen the answer for this task and size "
                + "only; the claim is about LSTMs in general.",
            'B', "Yes: a claim about depth in general needs tasks where depth might help (large, with layered "
                + "structure), sizes beyond the toy one, matched parameter counts and several random seeds.",
            'C', "Giving one model more epochs than the other measures the budget, not the depth.",
            'D', "Counting parameters says how big a stack is, not whether it learns better.")));
  }
}
