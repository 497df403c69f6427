package gated.batch;

import gated.internal.Checks;
import gated.model.StackedLstmWeights;
import gated.cell.LstmWeights;
import gated.tensor.Flat;
import gated.tensor.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a {@link BatchStack}, bottom layer first; flat order layer 1, layer 2, … (the same
 * as {@link StackedLstmWeights}, so an LSTM stack converts both ways without reordering).
 *
 * @param layers one weights record per layer
 * @param <W> the layers' weights record
 */
public record StackWeights<W extends Params<W>>(List<W> layers) implements Params<StackWeights<W>> {

  public StackWeights {
    Checks.nonEmpty("stack weights", "layers", layers);
    layers = List.copyOf(layers);
  }

  /** The teaching path's stacked LSTM weights, layer by layer. */
  public static StackWeights<LstmWeights> of(StackedLstmWeights w) {
    Checks.notNull("stack weights", "stacked LSTM weights", w);
    return new StackWeights<>(w.layers());
  }

  /** Back to the teaching path's record (LSTM stacks only). */
  public static StackedLstmWeights toStackedLstm(StackWeights<LstmWeights> w) {
    return new StackedLstmWeights(w.layers());
  }

  public int depth() {
    return layers.size();
  }

  @Override
  public double[] toArray() {
    return Flat.join(layers.toArray());
  }

  @Override
  public StackWeights<W> withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "stack weights");
    List<W> out = new ArrayList<>();
    for (W w : layers) out.add(r.paramsLike(w));
    return new StackWeights<>(out);
  }

  @Override
  public int count() {
    return layers.stream().mapToInt(Params::count).sum();
  }
}
