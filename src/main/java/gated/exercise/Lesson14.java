package gated.exercise;

import gated.exercise.Exercise.Rung;
import gated.model.BiLstm;
import gated.model.BiLstmWeights;
import gated.model.Lstm;
import gated.model.MergeMode;
import gated.model.ParamCount;
import gated.model.Sequences;
import gated.tensor.Vec;
import gated.train.Trainer;
import java.util.List;
import java.util.Map;

/** Notebook 14, the BiLSTM. */
public final class Lesson14 {
  private Lesson14() {}

  /** 14.1: a SUM-merged BiLSTM with X inputs, H units per direction, C classes. */
  static final int X = 5, H = 3, C = 4;

  static long classifierCount(MergeMode mode) {
    return ParamCount.bidirectional(ParamCount.Cell.LSTM, X, H, ParamCount.Bias.ONE)
        .plus(ParamCount.output(mode.outputSize(H), C, true)).total();
  }

  @SuppressWarnings("unchecked")
  private static List<Vec> sentence(Context c) {
    return (List<Vec>) c.get(1, List.class, "the 'eat' sentence's inputs xs");
  }

  /** m_2 with AVERAGE, from the library's BiLSTM with the lesson's trained weights. */
  private static Vec averageY2(Context c) {
    return BiLstm.of(c.get(0, BiLstmWeights.class, "the trained BiLSTM's weights bw"), MergeMode.AVERAGE)
        .forward(sentence(c)).outputs().get(1);
  }

  /** The slip of reading ←h_2 at index 1 of the backward pass's outputs (it is at index T − 2). */
  private static Vec wrongBackwardIndex(Context c) {
    BiLstmWeights bw = c.get(0, BiLstmWeights.class, "bw");
    List<Vec> xs = sentence(c);
    Vec forward = Lstm.of(bw.forward()).forward(xs).hs().get(1);
    Vec backward = Lstm.of(bw.backward()).forward(Sequences.reversed(xs)).hs().get(1);
    return forward.plus(backward).scale(0.5);
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.count("14.1", Rung.BY_HAND, "a bidirectional classifier's parameters: two directions and the merge's output size",
            c -> classifierCount(MergeMode.SUM))
            .withMistake(c -> classifierCount(MergeMode.CONCAT),
                "that output layer reads 2H numbers, as after CONCAT; SUM gives H")
            .withMistake(c -> ParamCount.lstm(X, H, ParamCount.Bias.ONE).plus(ParamCount.output(H, C, true)).total(),
                "that is one direction; a BiLSTM has two full LSTMs, each with its own weights")
            .withMistake(c -> ParamCount.bidirectional(ParamCount.Cell.LSTM, X, H, ParamCount.Bias.ONE).total(),
                "you left out the output layer: C × H weights and C biases"),
        Exercise.vector("14.2", Rung.CODING, "building m_t by hand from two LSTM passes, with the backward pass's index",
            Lesson14::averageY2, 1e-6)
            .withMistake(Lesson14::wrongBackwardIndex,
                "←h_2 is the backward pass's output after it has read x_T … x_2: its index is T − 2, not 1"),
        Exercise.predictChoice("14.3", Rung.EXPLORATION, "predicting whether a product can carry the backward information",
            c -> c.get(0, Trainer.History.class, "your MULTIPLY run").epochsToTestAccuracy(0.99).isPresent() ? 'A' : 'B',
            Map.of(
                'A', "It learned: →h_1 is the same vector for every sentence (it has read only 'Apple'), so →h_1 ⊙ ←h_1 is "
                    + "←h_1 scaled entry by entry, and training can keep that scale away from 0.",
                'B', "It did not reach 99 % here: an entry of →h_1 near 0 erases that entry of ←h_1 in the product, "
                    + "which can make learning slow; a larger budget may change it.")),
        Exercise.choice("14.4", Rung.BY_HAND, "what a forward LSTM can know at step 1", 'B', Map.of(
            'A', "The deciding word is x_2, but a forward LSTM answers at step 1 from x_1 alone: it has not read x_2 yet.",
            'B', "Yes: h_1 depends only on x_1 = 'Apple', the same in every sentence, so every answer at step 1 is the "
                + "same and the balanced test set gives exactly 0.5.",
            'C', "Training cannot make h_1 depend on a word the network has not read, however long it runs.",
            'D', "Moving the deciding word changes nothing at step 1: 'Apple' is still the only word read there.")));
  }
}
