package gated.exercise;

import gated.exercise.Exercise.Rung;
import gated.model.ParamCount;
import java.util.List;
import java.util.Map;

/** Notebook 16, counting parameters. */
public final class Lesson16 {
  private Lesson16() {}

  /** 16.1: PyTorch's nn.LSTM(input_size = 10, hidden_size = 20). 16.2: two bidirectional layers of that size. */
  static final int X = 10, H = 20;

  /** Weights through which the words come in: an embedding table (V × D) and W_he (H × D), or a one-hot W_x (H × V). */
  static long embeddingWayIn(long v, long d, long h) {
    return v * d + h * d;
  }

  static long oneHotWayIn(long v, long h) {
    return h * v;
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.count("16.1", Rung.BY_HAND, "PyTorch's bias convention: two bias vectors per gate",
            c -> ParamCount.lstm(X, H, ParamCount.Bias.TWO).total())
            .withMistake(c -> ParamCount.lstm(X, H, ParamCount.Bias.ONE).total(),
                "that is one bias per gate, this course's and Keras's count; PyTorch keeps b_ih and b_hh")
            .withMistake(c -> ParamCount.lstm(X, H, ParamCount.Bias.NONE).total(), "you left out the biases"),
        Exercise.count("16.2", Rung.CODING, "composing a count with ParamCount: stacked and bidirectional at once",
            c -> ParamCount.bidirectional(ParamCount.Cell.LSTM, X, H, ParamCount.Bias.ONE)
                .plus(ParamCount.bidirectional(ParamCount.Cell.LSTM, 2 * H, H, ParamCount.Bias.ONE)).total())
            .withMistake(c -> ParamCount.bidirectional(ParamCount.Cell.LSTM, X, H, ParamCount.Bias.ONE)
                .plus(ParamCount.bidirectional(ParamCount.Cell.LSTM, H, H, ParamCount.Bias.ONE)).total(),
                "layer 2 reads the concatenated outputs of both directions of layer 1: 2H numbers, not H")
            .withMistake(c -> 2 * ParamCount.bidirectional(ParamCount.Cell.LSTM, X, H, ParamCount.Bias.ONE).total(),
                "layer 2 does not read the X inputs; it reads layer 1's 2H outputs")
            .withMistake(c -> ParamCount.stacked(ParamCount.Cell.LSTM, X, H, 2, ParamCount.Bias.ONE).total(),
                "that is a 2-layer stack in one direction; each layer here is bidirectional"),
        Exercise.predictChoice("16.3", Rung.EXPLORATION, "predicting when an embedding is cheaper than a one-hot input",
            c -> {
              long v = (long) c.number(0, "your vocabulary size V"), d = (long) c.number(1, "your embedding width D");
              long h = (long) c.number(2, "your hidden size H");
              if (v < 1 || d < 1 || h < 1) {
                throw new IllegalArgumentException("exercise 16.3: V, D and H must be at least 1, got " + v + ", " + d + ", " + h);
              }
              return embeddingWayIn(v, d, h) < oneHotWayIn(v, h) ? 'A' : 'B';
            }, Map.of(
                'A', "The embedding is cheaper at your sizes: V·D + H·D < H·V, that is D(V + H) < HV, which for a large "
                    + "vocabulary means roughly D < H.",
                'B', "The one-hot W_x is at least as cheap at your sizes: D(V + H) ≥ HV. With a small vocabulary, or D "
                    + "close to H, the table costs more than it saves.")),
        Exercise.choice("16.4", Rung.BY_HAND, "why two honest counts of one model differ", 'B', Map.of(
            'A', "The sequence length never enters a count: the same weights are used at every step.",
            'B', "Yes: whether the embedding table and the output layer are counted changes the total by far more than "
                + "anything else in a word-level model.",
            'C', "σ or tanh does not change the number of weights.",
            'D', "One or two bias vectors per gate changes the count by 4H per LSTM layer: far too little for a factor "
                + "of twenty.")));
  }
}
