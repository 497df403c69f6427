package gated.model;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The weights of a deep LSTM: layer 1 reads x_t, layer l reads the hidden states h_t of layer l−1.
 * Layer l's input size is therefore layer l−1's hidden size. Flat order: layer 1, layer 2, …
 *
 * @param layers bottom to top
 */
public record StackedLstmWeights(List<LstmWeights> layers) implements Params<StackedLstmWeights> {

  public StackedLstmWeights {
    Checks.nonEmpty("stacked LSTM weights", "layers", layers);
    layers = List.copyOf(layers);
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).inputSize() != layers.get(l - 1).hiddenSize()) {
        throw new IllegalArgumentException("stacked LSTM weights: layer " + (l + 1) + " reads inputs of size "
            + layers.get(l).inputSize() + " but layer " + l + " outputs h_t of size " + layers.get(l - 1).hiddenSize());
      }
    }
  }

  /** {@code depth} layers of {@code hidden} units, the first reading inputs of size {@code input}. */
  public static StackedLstmWeights random(int depth, int hidden, int input, Random random) {
    Checks.positive("stacked LSTM weights", "number of layers", depth);
    Checks.positive("stacked LSTM weights", "hidden size", hidden);
    Checks.positive("stacked LSTM weights", "input size", input);
    long first = 4L * ((long) hidden * ((long) hidden + input) + hidden), above = 4L * ((long) hidden * 2 * hidden + hidden);
    Checks.allocatable("stacked LSTM weights", depth + " layers", first + (depth - 1L) * above);
    List<LstmWeights> ls = new ArrayList<>();
    for (int l = 0; l < depth; l++) ls.add(LstmWeights.random(hidden, l == 0 ? input : hidden, random));
    return new StackedLstmWeights(ls);
  }

  public int depth() {
    return layers.size();
  }

  @Override
  public double[] toArray() {
    return Flat.join(layers.toArray());
  }

  @Override
  public StackedLstmWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "stacked LSTM weights");
    List<LstmWeights> out = new ArrayList<>();
    for (LstmWeights w : layers) out.add(r.paramsLike(w));
    return new StackedLstmWeights(out);
  }

  @Override
  public int count() {
    return Checks.allocatable("stacked LSTM weights", "the flat list",
        layers.stream().mapToLong(LstmWeights::count).sum());
  }

  /** "stacked LSTM weights (layer 1: LSTM weights (…); layer 2: …)". */
  @Override
  public String shapes() {
    StringBuilder s = new StringBuilder("stacked LSTM weights (");
    for (int l = 0; l < layers.size(); l++) s.append(l == 0 ? "" : "; ").append("layer ").append(l + 1).append(": ")
        .append(layers.get(l).shapes());
    return s.append(')').toString();
  }
}
