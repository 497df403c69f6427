package gated.model;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep (stacked) LSTM. Every layer is an {@link Lstm} with its <em>own</em> cell state c_t,
 * kept inside that layer (seed 001, "Deep LSTM"); only the hidden states h_t flow upwards.
 */
public record StackedLstm(StackedLstmWeights weights) implements SequenceModel<StackedLstmWeights> {

  public StackedLstm {
    Checks.notNull("stacked LSTM", "weights", weights);
    for (int l = 0; l < weights.depth(); l++) weights.layers().get(l).requireFinite("stacked LSTM, layer " + (l + 1));
  }

  public static StackedLstm of(StackedLstmWeights weights) {
    return new StackedLstm(weights);
  }

  @Override
  public StackedLstm withWeights(StackedLstmWeights w) {
    return new StackedLstm(w);
  }

  @Override
  public int inputSize() {
    return weights.layers().get(0).inputSize();
  }

  @Override
  public int outputSize() {
    return weights.layers().get(weights.depth() - 1).hiddenSize();
  }

  /** One LSTM trace per layer, bottom to top; each holds that layer's own c_t. */
  public record StackedTrace(List<Lstm.LstmTrace> layers) implements Trace {
    public StackedTrace {
      Checks.nonEmpty("stacked LSTM trace", "the layers", layers);
      layers = List.copyOf(layers);
      for (int l = 1; l < layers.size(); l++) {
        if (layers.get(l).length() != layers.get(0).length()) {
          throw new IllegalArgumentException("stacked LSTM trace: layer " + (l + 1) + " has " + layers.get(l).length()
              + " steps but layer 1 has " + layers.get(0).length());
        }
      }
    }

    @Override
    public List<Vec> outputs() {
      return layers.get(layers.size() - 1).hs();
    }
  }

  @Override
  public StackedTrace forward(List<Vec> xs) {
    Sequences.inputs("stacked LSTM forward", xs, inputSize());
    List<Lstm.LstmTrace> traces = new ArrayList<>();
    List<Vec> in = xs;
    for (LstmWeights w : weights.layers()) {
      Lstm.LstmTrace t = new Lstm(w).forward(in);   // layer l reads h_t of layer l−1
      traces.add(t);
      in = t.hs();
    }
    return new StackedTrace(traces);
  }

  @Override
  public Gradients<StackedLstmWeights> backward(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof StackedTrace st)) {
      throw new IllegalArgumentException("stacked LSTM backward: expected the trace of a stacked LSTM forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    int depth = weights.depth();
    if (st.layers().size() != depth) {
      throw new IllegalArgumentException("stacked LSTM backward: the trace has " + st.layers().size()
          + " layers but this model has " + depth + "; run backward on the model that ran forward");
    }
    LstmWeights[] dW = new LstmWeights[depth];
    List<Vec> dOut = dOutputs;
    List<Vec> dTopHidden = null;
    for (int l = depth - 1; l >= 0; l--) {
      Gradients<LstmWeights> g = new Lstm(weights.layers().get(l)).backward(st.layers().get(l), dOut);
      dW[l] = g.dWeights();
      if (l == depth - 1) dTopHidden = g.dHidden();
      dOut = g.dInputs();                           // ∂L/∂(inputs of layer l) = ∂L/∂(outputs of layer l−1)
    }
    return new Gradients<>(new StackedLstmWeights(List.of(dW)), dOut, dTopHidden);
  }
}
