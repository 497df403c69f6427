package gated.batch;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.model.StackedLstmWeights;
import gated.tensor.Matrix;
import gated.tensor.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep (stacked) recurrent layer over a minibatch: layer 1 reads the inputs, layer l reads the
 * outputs h_t of layer l−1, and each layer keeps its own state (as {@link gated.model.StackedLstm}).
 * The outputs of one layer go into the next without being copied.
 *
 * <p>State parts: layer 1's, then layer 2's, …
 *
 * @param <W> the layers' weights record
 */
public final class BatchStack<W extends Params<W>> implements BatchLayer<StackWeights<W>> {
  private final List<BatchLayer<W>> layers;

  private BatchStack(List<BatchLayer<W>> layers) {
    this.layers = layers;
  }

  /** Layers bottom to top; each must read what the one below outputs, in the same precision. */
  public static <W extends Params<W>> BatchStack<W> of(List<? extends BatchLayer<W>> layers) {
    String op = "batched stack";
    Checks.nonEmpty(op, "layers", layers);
    for (int l = 1; l < layers.size(); l++) {
      BatchLayer<W> below = layers.get(l - 1), above = layers.get(l);
      if (above.inputSize() != below.outputSize()) {
        throw new IllegalArgumentException(op + ": layer " + (l + 1) + " reads inputs of size " + above.inputSize()
            + " but layer " + l + " outputs h_t of size " + below.outputSize());
      }
      if (above.precision() != below.precision()) {
        throw new IllegalArgumentException(op + ": layer " + (l + 1) + " is " + above.precision() + " but layer " + l
            + " is " + below.precision());
      }
    }
    return new BatchStack<>(List.copyOf(layers));
  }

  /** The batched form of a {@link gated.model.StackedLstm}. */
  public static BatchStack<LstmWeights> lstm(StackedLstmWeights weights, Precision precision) {
    Checks.notNull("batched stack", "weights", weights);
    List<BatchLstm> ls = new ArrayList<>();
    for (LstmWeights w : weights.layers()) ls.add(BatchLstm.of(w, precision));
    return of(ls);
  }

  public List<BatchLayer<W>> layers() {
    return layers;
  }

  public int depth() {
    return layers.size();
  }

  @Override
  public StackWeights<W> weights() {
    List<W> ws = new ArrayList<>();
    for (BatchLayer<W> l : layers) ws.add(l.weights());
    return new StackWeights<>(ws);
  }

  @Override
  public BatchStack<W> withWeights(StackWeights<W> weights) {
    Checks.notNull("batched stack", "weights", weights);
    if (weights.depth() != layers.size()) {
      throw new IllegalArgumentException("batched stack withWeights: " + weights.depth() + " layers of weights for a stack of "
          + layers.size());
    }
    List<BatchLayer<W>> out = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) out.add(layers.get(l).withWeights(weights.layers().get(l)));
    return new BatchStack<>(List.copyOf(out));
  }

  @Override
  public Precision precision() {
    return layers.get(0).precision();
  }

  @Override
  public int inputSize() {
    return layers.get(0).inputSize();
  }

  @Override
  public int outputSize() {
    return layers.get(layers.size() - 1).outputSize();
  }

  @Override
  public int stateParts() {
    int n = 0;
    for (BatchLayer<W> l : layers) n += l.stateParts();
    return n;
  }

  @Override
  public State zeroState(int batchSize) {
    List<Matrix> parts = new ArrayList<>();
    for (BatchLayer<W> l : layers) parts.addAll(l.zeroState(batchSize).parts());
    return new State(parts);
  }

  /** Every layer's forward pass, bottom to top. */
  public static final class StackTrace implements BatchTrace {
    private final BatchStack<?> owner;
    private final List<BatchTrace> layers;
    private final State fin;

    private StackTrace(BatchStack<?> owner, List<BatchTrace> layers, State fin) {
      this.owner = owner;
      this.layers = List.copyOf(layers);
      this.fin = fin;
    }

    /** The trace of each layer, bottom to top (layer l's outputs are layer l+1's inputs). */
    public List<BatchTrace> layers() {
      return layers;
    }

    @Override
    public SeqBatch outputs() {
      return layers.get(layers.size() - 1).outputs();
    }

    @Override
    public State finalState() {
      return fin;
    }
  }

  @Override
  public StackTrace forward(BatchInput inputs, State initial) {
    String op = "batched stack forward";
    Checks.notNull(op, "inputs", inputs);
    checkParts(op, "the initial state", initial);
    List<BatchTrace> traces = new ArrayList<>();
    List<Matrix> fin = new ArrayList<>();
    BatchInput x = inputs;
    int at = 0;
    for (BatchLayer<W> l : layers) {
      int k = l.stateParts();
      BatchTrace tr = l.forward(x, initial == null ? null : initial.slice(at, at + k));
      at += k;
      traces.add(tr);
      fin.addAll(tr.finalState().parts());
      x = tr.outputs();                               // h_t of layer l are the inputs of layer l+1
    }
    return new StackTrace(this, traces, new State(fin));
  }

  @Override
  public BatchGradients<StackWeights<W>> backward(BatchTrace trace, SeqBatch dOutputs, State dFinal) {
    String op = "batched stack backward";
    Checks.notNull(op, "trace", trace);
    if (!(trace instanceof StackTrace st) || st.owner != this) {
      throw new IllegalArgumentException(op + ": this trace was not made by this stack's forward pass; call backward on "
          + "the stack whose forward pass made it");
    }
    checkParts(op, "∂L/∂(final state)", dFinal);
    int depth = layers.size();
    List<W> dW = new ArrayList<>(java.util.Collections.nCopies(depth, null));
    List<List<Matrix>> dInit = new ArrayList<>(java.util.Collections.nCopies(depth, null));
    int at = stateParts();
    SeqBatch d = dOutputs;
    for (int l = depth - 1; l >= 0; l--) {
      BatchLayer<W> layer = layers.get(l);
      int k = layer.stateParts();
      at -= k;
      BatchGradients<W> g = layer.backward(st.layers.get(l), d, dFinal == null ? null : dFinal.slice(at, at + k));
      dW.set(l, g.dWeights());
      dInit.set(l, g.dInitial().parts());
      d = g.dInputs();                                // ∂L/∂(inputs of layer l) = ∂L/∂(outputs of layer l−1)
    }
    List<Matrix> parts = new ArrayList<>();
    for (List<Matrix> p : dInit) parts.addAll(p);
    return new BatchGradients<>(new StackWeights<>(dW), d, new State(parts));
  }

  private void checkParts(String op, String what, State s) {
    if (s != null && s.parts().size() != stateParts()) {
      throw new IllegalArgumentException(op + ": " + what + " has " + s.parts().size() + " parts but this stack's state has "
          + stateParts() + " (its layers' parts, bottom to top)");
    }
  }
}
