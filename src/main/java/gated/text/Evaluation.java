package gated.text;

import gated.internal.Checks;

/** Scores a model on text it did not train on. */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Bits per character over every (input, target) pair of {@code batches}: the rows run as B
   * independent streams from h_0 = 0, each carrying its state from one minibatch to the next, so every
   * character is predicted from everything before it in its stream.
   */
  public static double bitsPerChar(CharModel<?> model, BpttBatches batches) {
    Checks.notNull("evaluation", "model", model);
    Checks.notNull("evaluation", "batches", batches);
    CharModel.State state = model.zeroState(batches.streams());
    double nats = 0;
    long n = 0;
    for (int k = 0; k < batches.count(); k++) {
      CharModel.Scored s = model.score(batches.inputs(k), batches.targets(k), state);
      nats += s.loss();
      n += s.characters();
      state = s.end();
    }
    return Bits.fromNats(nats / n);
  }

  /** A baseline scored on exactly the same (input, target) pairs as {@link #bitsPerChar(CharModel, BpttBatches)}. */
  public static double bitsPerChar(NGramBaseline baseline, BpttBatches batches) {
    Checks.notNull("evaluation", "baseline", baseline);
    Checks.notNull("evaluation", "batches", batches);
    double nats = 0;
    long n = 0;
    for (int k = 0; k < batches.count(); k++) {
      int[][] in = batches.inputs(k), out = batches.targets(k);
      for (int b = 0; b < in.length; b++) {
        for (int t = 0; t < in[b].length; t++) {
          nats -= Math.log(baseline.probability(in[b][t], out[b][t]));
          n++;
        }
      }
    }
    return Bits.fromNats(nats / n);
  }

  /**
   * An n-gram model scored on exactly the same targets as {@link #bitsPerChar(CharModel, BpttBatches)}, each
   * predicted from the characters before it in its own stream (at most the last n − 1), which is what the
   * recurrent model has read when it predicts that character.
   */
  public static double bitsPerChar(NGramModel model, BpttBatches batches) {
    Checks.notNull("evaluation", "n-gram model", model);
    Checks.notNull("evaluation", "batches", batches);
    int[] ids = batches.ids();
    double nats = 0;
    long n = 0;
    for (int k = 0; k < batches.count(); k++) {
      for (int b = 0; b < batches.streams(); b++) {
        int streamStart = b * batches.streamLength();
        for (int t = 0; t < batches.steps(); t++) {
          nats -= Math.log(model.probability(ids, streamStart, batches.position(k, b, t) + 1));
          n++;
        }
      }
    }
    return Bits.fromNats(nats / n);
  }
}
