package gated.train;

import gated.internal.Checks;
import gated.model.DenseWeights;
import gated.tensor.Flat;
import gated.tensor.Params;

/**
 * A recurrent encoder's weights plus the output layer on top. Flat order: encoder, then head.
 *
 * @param encoder the RNN, LSTM, GRU, stacked or bidirectional weights
 * @param head the output layer y_t = W_y·h_t + b_y: [classes, encoder output size]
 */
public record ClassifierWeights<W extends Params<W>>(W encoder, DenseWeights head)
    implements Params<ClassifierWeights<W>> {

  public ClassifierWeights {
    Checks.notNull("classifier weights", "encoder", encoder);
    Checks.notNull("classifier weights", "head", head);
  }

  @Override
  public double[] toArray() {
    return Flat.join(encoder, head);
  }

  @Override
  public ClassifierWeights<W> withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "classifier weights");
    return new ClassifierWeights<>(r.paramsLike(encoder), r.paramsLike(head));
  }

  @Override
  public int count() {
    return Checks.allocatable("classifier weights", "the flat list", (long) encoder.count() + head.count());
  }

  /** "classifier weights (encoder: …; head: dense layer (W 2×3, b 2))". */
  @Override
  public String shapes() {
    return "classifier weights (encoder: " + encoder.shapes() + "; head: " + head.shapes() + ")";
  }
}
