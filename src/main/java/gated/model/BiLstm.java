package gated.model;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A bidirectional LSTM (seed 002): →h_t reads x_1 … x_t, ←h_t reads x_T … x_t, and the output at t
 * merges them with a {@link MergeMode}. Every output therefore depends on the <em>whole</em>
 * sequence, which is why a BiLSTM cannot run on a stream whose future has not arrived yet.
 *
 * <p>Output size: 2H for {@link MergeMode#CONCAT}, H for SUM, AVERAGE and MULTIPLY.
 */
public record BiLstm(BiLstmWeights weights, MergeMode mode) implements SequenceModel<BiLstmWeights> {

  public BiLstm {
    Checks.notNull("BiLSTM", "weights", weights);
    Checks.notNull("BiLSTM", "merge mode", mode);
    weights.forward().requireFinite("BiLSTM, forward direction");
    weights.backward().requireFinite("BiLSTM, backward direction");
  }

  public static BiLstm of(BiLstmWeights weights, MergeMode mode) {
    return new BiLstm(weights, mode);
  }

  @Override
  public BiLstm withWeights(BiLstmWeights w) {
    return new BiLstm(w, mode);
  }

  @Override
  public int inputSize() {
    return weights.forward().inputSize();
  }

  @Override
  public int outputSize() {
    return mode.outputSize(weights.forward().hiddenSize());
  }

  /**
   * Both directions. {@code backward} is stored in its own reading order (its step 0 saw x_T).
   */
  public record BiTrace(Lstm.LstmTrace forward, Lstm.LstmTrace backward, List<Vec> outputs) implements Trace {
    public BiTrace {
      String op = "BiLSTM trace";
      Checks.notNull(op, "the forward direction's trace", forward);
      Checks.notNull(op, "the backward direction's trace", backward);
      Checks.nonEmpty(op, "the outputs", outputs);
      if (forward.length() != outputs.size() || backward.length() != outputs.size()) {
        throw new IllegalArgumentException(op + ": the forward direction has " + forward.length()
            + " steps, the backward one " + backward.length() + " and there are " + outputs.size()
            + " outputs; all three must match");
      }
      outputs = List.copyOf(outputs);
    }

    /** →h_t for t = 1 … T. */
    public List<Vec> forwardStates() {
      return forward.hs();
    }

    /** ←h_t for t = 1 … T, aligned with the inputs. */
    public List<Vec> backwardStates() {
      return Sequences.reversed(backward.hs());
    }
  }

  @Override
  public BiTrace forward(List<Vec> xs) {
    Sequences.inputs("BiLSTM forward", xs, inputSize());
    Lstm.LstmTrace f = new Lstm(weights.forward()).forward(xs);
    Lstm.LstmTrace b = new Lstm(weights.backward()).forward(Sequences.reversed(xs));
    int steps = xs.size();
    List<Vec> out = new ArrayList<>(steps);
    for (int t = 0; t < steps; t++) out.add(mode.merge(f.hs().get(t), b.hs().get(steps - 1 - t)));
    return new BiTrace(f, b, out);
  }

  @Override
  public Gradients<BiLstmWeights> backward(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof BiTrace bt)) {
      throw new IllegalArgumentException("BiLSTM backward: expected the trace of a BiLSTM forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    int steps = bt.outputs().size();
    Sequences.outputGradients("BiLSTM backward", dOutputs, steps, outputSize());
    List<Vec> dF = new ArrayList<>(steps);
    List<Vec> dB = new ArrayList<>(steps);
    List<Vec> fh = bt.forwardStates();
    List<Vec> bh = bt.backwardStates();
    for (int t = 0; t < steps; t++) {
      Vec[] d = mode.split(dOutputs.get(t), fh.get(t), bh.get(t));
      dF.add(d[0]);
      dB.add(d[1]);
    }
    Gradients<LstmWeights> gf = new Lstm(weights.forward()).backward(bt.forward(), dF);
    Gradients<LstmWeights> gb = new Lstm(weights.backward()).backward(bt.backward(), Sequences.reversed(dB));
    List<Vec> dx = new ArrayList<>(steps);
    List<Vec> dh = new ArrayList<>(steps);
    for (int t = 0; t < steps; t++) {
      dx.add(gf.dInputs().get(t).plus(gb.dInputs().get(steps - 1 - t)));     // x_t feeds both directions
      dh.add(gf.dHidden().get(t).concat(gb.dHidden().get(steps - 1 - t)));   // [∂L/∂→h_t; ∂L/∂←h_t]
    }
    return new Gradients<>(new BiLstmWeights(gf.dWeights(), gb.dWeights()), dx, dh);
  }
}
