package gated.model;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Params;
import java.util.Random;

/**
 * Two independent LSTMs over the same inputs, one reading left to right and one right to left.
 * Flat order: forward direction, then backward direction.
 *
 * @param forward reads x_1 … x_T
 * @param backward reads x_T … x_1
 */
public record BiLstmWeights(LstmWeights forward, LstmWeights backward) implements Params<BiLstmWeights> {

  public BiLstmWeights {
    Checks.notNull("BiLSTM weights", "forward direction", forward);
    Checks.notNull("BiLSTM weights", "backward direction", backward);
    if (forward.hiddenSize() != backward.hiddenSize() || forward.inputSize() != backward.inputSize()) {
      throw new IllegalArgumentException("BiLSTM weights: the forward direction is hidden " + forward.hiddenSize()
          + ", input " + forward.inputSize() + " but the backward one is hidden " + backward.hiddenSize() + ", input "
          + backward.inputSize() + "; both directions must match");
    }
  }

  public static BiLstmWeights random(int hidden, int input, Random random) {
    return new BiLstmWeights(LstmWeights.random(hidden, input, random), LstmWeights.random(hidden, input, random));
  }

  @Override
  public double[] toArray() {
    return Flat.join(forward, backward);
  }

  @Override
  public BiLstmWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "BiLSTM weights");
    return new BiLstmWeights(r.paramsLike(forward), r.paramsLike(backward));
  }

  @Override
  public int count() {
    return Checks.allocatable("BiLSTM weights", "the flat list", (long) forward.count() + backward.count());
  }

  /** "BiLSTM weights (forward and backward direction, each LSTM weights (…))". */
  @Override
  public String shapes() {
    return "BiLSTM weights (forward and backward direction, each " + forward.shapes() + ")";
  }
}
