package gated.batch;

import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.internal.Checks;
import gated.model.BiLstmWeights;
import gated.model.MergeMode;
import gated.tensor.Matrix;
import gated.tensor.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * A bidirectional layer over a minibatch (as {@link gated.model.BiLstm}): →h_t reads x_1 … x_t,
 * ←h_t reads x_T … x_t, and the output at t merges them with a {@link MergeMode}: [→h_t; ←h_t]
 * (output size 2H), →h_t + ←h_t, (→h_t + ←h_t)/2 or →h_t ⊙ ←h_t (output size H).
 *
 * <p>State parts: the forward direction's, then the backward direction's (whose "final" state is
 * the one after reading x_1).
 *
 * @param <W> the directions' weights record
 */
public final class BatchBidirectional<W extends Params<W>> implements BatchLayer<BiWeights<W>> {
  private final Recurrent<W> fwd;
  private final Recurrent<W> bwd;
  private final MergeMode mode;
  private final Workspace ws;

  private BatchBidirectional(Recurrent<W> fwd, Recurrent<W> bwd, MergeMode mode, Workspace ws) {
    this.fwd = fwd;
    this.bwd = bwd;
    this.mode = mode;
    this.ws = ws;
  }

  private static <W extends Params<W>> BatchBidirectional<W> create(Recurrent<W> fwd, Recurrent<W> bwd, MergeMode mode) {
    Checks.notNull("batched bidirectional layer", "merge mode", mode);
    if (fwd.hidden != bwd.hidden || fwd.input != bwd.input) {
      throw new IllegalArgumentException("batched bidirectional layer: the forward direction is H = " + fwd.hidden
          + ", X = " + fwd.input + " but the backward one is H = " + bwd.hidden + ", X = " + bwd.input);
    }
    return new BatchBidirectional<>(fwd, bwd, mode, new Workspace(fwd.precision,
        "bidirectional " + fwd.name() + " (X = " + fwd.input + ", H = " + fwd.hidden + ", " + mode + ")"));
  }

  /** The batched form of a {@link gated.model.BiLstm}. */
  public static BatchBidirectional<LstmWeights> lstm(BiLstmWeights weights, MergeMode mode, Precision precision) {
    Checks.notNull("batched bidirectional LSTM", "weights", weights);
    return create(BatchLstm.of(weights.forward(), precision), BatchLstm.reversed(weights.backward(), precision), mode);
  }

  public static BatchBidirectional<GruWeights> gru(BiWeights<GruWeights> weights, MergeMode mode, Precision precision) {
    Checks.notNull("batched bidirectional GRU", "weights", weights);
    return create(BatchGru.of(weights.forward(), precision), BatchGru.reversed(weights.backward(), precision), mode);
  }

  public static BatchBidirectional<RnnWeights> rnn(BiWeights<RnnWeights> weights, MergeMode mode, Precision precision) {
    Checks.notNull("batched bidirectional RNN", "weights", weights);
    return create(BatchRnn.of(weights.forward(), precision), BatchRnn.reversed(weights.backward(), precision), mode);
  }

  public MergeMode mode() {
    return mode;
  }

  @Override
  public BiWeights<W> weights() {
    return new BiWeights<>(fwd.weights(), bwd.weights());
  }

  @Override
  public BatchBidirectional<W> withWeights(BiWeights<W> weights) {
    Checks.notNull("batched bidirectional layer", "weights", weights);
    return new BatchBidirectional<>(fwd.withWeights(weights.forward()), bwd.withWeights(weights.backward()), mode, ws);
  }

  @Override
  public Precision precision() {
    return fwd.precision;
  }

  @Override
  public int inputSize() {
    return fwd.input;
  }

  @Override
  public int outputSize() {
    return mode.outputSize(fwd.hidden);
  }

  @Override
  public int stateParts() {
    return fwd.stateParts() + bwd.stateParts();
  }

  @Override
  public State zeroState(int batchSize) {
    List<Matrix> parts = new ArrayList<>(fwd.zeroState(batchSize).parts());
    parts.addAll(bwd.zeroState(batchSize).parts());
    return new State(parts);
  }

  /** Both directions' passes and the merged outputs. */
  public static final class BiTrace implements BatchTrace {
    private final BatchBidirectional<?> owner;
    private final Workspace.Lease lease;
    private final BatchTrace forward;
    private final BatchTrace backward;
    private final SeqBatch merged;
    private final State fin;

    private BiTrace(BatchBidirectional<?> owner, Workspace.Lease lease, BatchTrace forward, BatchTrace backward,
        SeqBatch merged, State fin) {
      this.owner = owner;
      this.lease = lease;
      this.forward = forward;
      this.backward = backward;
      this.merged = merged;
      this.fin = fin;
    }

    /** →h_t for t = 1 … T. */
    public SeqBatch forwardStates() {
      return forward.outputs();
    }

    /** ←h_t for t = 1 … T, aligned with the inputs. */
    public SeqBatch backwardStates() {
      return backward.outputs();
    }

    @Override
    public SeqBatch outputs() {
      return merged;
    }

    @Override
    public State finalState() {
      return fin;
    }
  }

  @Override
  public BiTrace forward(BatchInput inputs, State initial) {
    String op = "batched bidirectional forward";
    Checks.notNull(op, "inputs", inputs);
    int kf = fwd.stateParts();
    if (initial != null && initial.parts().size() != stateParts()) {
      throw new IllegalArgumentException(op + ": the initial state has " + initial.parts().size() + " parts but a "
          + "bidirectional " + fwd.name() + " state has " + stateParts() + " (the forward direction's, then the backward one's)");
    }
    BatchTrace tf = fwd.forward(inputs, initial == null ? null : initial.slice(0, kf));
    BatchTrace tb = bwd.forward(inputs, initial == null ? null : initial.slice(kf, stateParts()));
    int steps = inputs.steps(), batch = inputs.batchSize(), h = fwd.hidden, out = outputSize();
    synchronized (ws) {
      Workspace.Lease lease = ws.beginForward("the merged outputs");
      Mem m = ws.buffer("merged", (long) steps * batch * out);
      SeqBatch hf = tf.outputs(), hb = tb.outputs();
      double[] x = ws.scratch("→h", h), y = ws.scratch("←h", h), row = ws.scratch("merged", out);
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < batch; b++) {
          hf.mem.get(hf.at(t, b), x, 0, h);
          hb.mem.get(hb.at(t, b), y, 0, h);
          for (int j = 0; j < h; j++) {
            switch (mode) {
              case CONCAT -> {                                   // [→h; ←h]
                row[j] = x[j];
                row[h + j] = y[j];
              }
              case SUM -> row[j] = x[j] + y[j];                  // →h + ←h
              case AVERAGE -> row[j] = 0.5 * (x[j] + y[j]);      // (→h + ←h)/2
              case MULTIPLY -> row[j] = x[j] * y[j];             // →h ⊙ ←h
            }
          }
          m.put((t * batch + b) * out, row, 0, out);
        }
      }
      List<Matrix> fin = new ArrayList<>(tf.finalState().parts());
      fin.addAll(tb.finalState().parts());
      return new BiTrace(this, lease, tf, tb, new SeqBatch(m, 0, out, steps, batch, out, lease), new State(fin));
    }
  }

  @Override
  public BatchGradients<BiWeights<W>> backward(BatchTrace trace, SeqBatch dOutputs, State dFinal) {
    String op = "batched bidirectional backward";
    Checks.notNull(op, "trace", trace);
    if (!(trace instanceof BiTrace bt) || bt.owner != this) {
      throw new IllegalArgumentException(op + ": this trace was not made by this layer's forward pass; call backward on "
          + "the layer whose forward pass made it");
    }
    bt.lease.check(op);
    int steps = bt.merged.steps(), batch = bt.merged.batchSize(), h = fwd.hidden, kf = fwd.stateParts();
    if (dOutputs != null) Recurrent.checkGradient(op, "∂L/∂output_t", dOutputs, steps, batch, outputSize());
    if (dFinal != null && dFinal.parts().size() != stateParts()) {
      throw new IllegalArgumentException(op + ": ∂L/∂(final state) has " + dFinal.parts().size() + " parts but this "
          + "layer's state has " + stateParts());
    }
    SeqBatch dF, dB;
    synchronized (ws) {
      Workspace.Lease lease = ws.beginBackward("the input gradient ∂L/∂x_t");
      if (dOutputs == null) {
        dF = dB = null;
      } else if (mode == MergeMode.CONCAT) {              // y = [f; b] ⇒ split the columns
        dF = dOutputs.columns(0, h);
        dB = dOutputs.columns(h, h);
      } else if (mode == MergeMode.SUM) {                 // y = f + b ⇒ both get dy
        dF = dB = dOutputs;
      } else {
        SeqBatch hf = bt.forward.outputs(), hb = bt.backward.outputs();
        Mem mf = ws.buffer("dForward", (long) steps * batch * h);
        Mem mb = mode == MergeMode.AVERAGE ? mf : ws.buffer("dBackward", (long) steps * batch * h);
        double[] dy = ws.scratch("dy", h), x = ws.scratch("→h", h), y = ws.scratch("←h", h);
        for (int t = 0; t < steps; t++) {
          for (int b = 0; b < batch; b++) {
            int to = (t * batch + b) * h;
            dOutputs.mem.get(dOutputs.at(t, b), dy, 0, h);
            if (mode == MergeMode.AVERAGE) {                  // y = (f + b)/2 ⇒ dy/2 each
              for (int j = 0; j < h; j++) dy[j] *= 0.5;
              mf.put(to, dy, 0, h);
            } else {                                          // y = f ⊙ b ⇒ dy ⊙ b, dy ⊙ f
              hf.mem.get(hf.at(t, b), x, 0, h);
              hb.mem.get(hb.at(t, b), y, 0, h);
              for (int j = 0; j < h; j++) {
                double d = dy[j];
                x[j] *= d;
                y[j] *= d;
              }
              mf.put(to, y, 0, h);
              mb.put(to, x, 0, h);
            }
          }
        }
        dF = new SeqBatch(mf, 0, h, steps, batch, h, lease);
        dB = new SeqBatch(mb, 0, h, steps, batch, h, lease);
      }
      BatchGradients<W> gf = fwd.backward(bt.forward, dF, dFinal == null ? null : dFinal.slice(0, kf));
      BatchGradients<W> gb = bwd.backward(bt.backward, dB, dFinal == null ? null : dFinal.slice(kf, stateParts()));
      SeqBatch dx = null;
      if (gf.dInputs() != null) {                         // x_t feeds both directions
        int x = fwd.input;
        Mem m = ws.buffer("dX", (long) steps * batch * x);
        SeqBatch a = gf.dInputs(), c = gb.dInputs();
        double[] ra = ws.scratch("∂L/∂x forward", x), rc = ws.scratch("∂L/∂x backward", x);
        for (int r = 0; r < steps * batch; r++) {
          a.mem.get(a.offset + r * a.ld, ra, 0, x);
          c.mem.get(c.offset + r * c.ld, rc, 0, x);
          for (int j = 0; j < x; j++) ra[j] += rc[j];
          m.put(r * x, ra, 0, x);
        }
        dx = new SeqBatch(m, 0, x, steps, batch, x, lease);
      }
      List<Matrix> parts = new ArrayList<>(gf.dInitial().parts());
      parts.addAll(gb.dInitial().parts());
      return new BatchGradients<>(new BiWeights<>(gf.dWeights(), gb.dWeights()), dx, new State(parts));
    }
  }
}
