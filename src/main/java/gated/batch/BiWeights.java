package gated.batch;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.model.BiLstmWeights;
import gated.tensor.Flat;
import gated.tensor.Params;

/**
 * The weights of a {@link BatchBidirectional} layer; flat order forward direction, then backward
 * direction (the same as {@link BiLstmWeights}).
 *
 * @param forward the direction reading x_1 … x_T
 * @param backward the direction reading x_T … x_1
 * @param <W> the directions' weights record
 */
public record BiWeights<W extends Params<W>>(W forward, W backward) implements Params<BiWeights<W>> {

  public BiWeights {
    Checks.notNull("bidirectional weights", "forward direction", forward);
    Checks.notNull("bidirectional weights", "backward direction", backward);
    if (forward.count() != backward.count()) {
      throw new IllegalArgumentException("bidirectional weights: the forward direction has " + forward.count()
          + " numbers but the backward one has " + backward.count() + "; both directions must have the same shapes");
    }
  }

  public static BiWeights<LstmWeights> of(BiLstmWeights w) {
    Checks.notNull("bidirectional weights", "BiLSTM weights", w);
    return new BiWeights<>(w.forward(), w.backward());
  }

  /** Back to the teaching path's record (LSTM only). */
  public static BiLstmWeights toBiLstm(BiWeights<LstmWeights> w) {
    return new BiLstmWeights(w.forward(), w.backward());
  }

  @Override
  public double[] toArray() {
    return Flat.join(forward, backward);
  }

  @Override
  public BiWeights<W> withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "bidirectional weights");
    return new BiWeights<>(r.paramsLike(forward), r.paramsLike(backward));
  }

  @Override
  public int count() {
    return forward.count() + backward.count();
  }
}
