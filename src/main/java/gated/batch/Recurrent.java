package gated.batch;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.train.NonFiniteException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the batched LSTM, GRU and RNN share: the input projection, the walk over time in either
 * direction, the state going in and out, and the weight gradients of the input projection.
 *
 * <h2>Shapes and layout</h2>
 * With N = T·B rows (row t·B + b is step t of sequence b) and G·H gate columns (LSTM 4H, GRU 3H,
 * RNN H), one pass uses
 * <pre>
 *   X    [N, X]         the inputs (or token indices: row k of W_x instead of e_k·W_x)
 *   W_x  [X, G·H]       input weights, gate blocks side by side
 *   W_h  cell-specific  recurrent weights ([H, 4H] for the LSTM, [H, 2H] and [H, H] for the GRU, [H, H] for the RNN)
 *   b    [G·H]
 *   Z    [N, G·H]       pre-activations, overwritten in place by the gate activations
 *   Hs   [(T+1)·B, H]   h_0, h_1 … h_T, one block of B rows per step (reversed layer: h_1 … h_T, h_{T+1})
 * </pre>
 * and the matrix products
 * <pre>
 *   forward   Z = 1·bᵀ + X·W_x                    2 products for the whole minibatch
 *             Z_t += H_{t-1}·W_h                  1 per step (the GRU: 2)
 *   backward  ∂L/∂H_{t-1} = ∂L/∂Z_t·W_hᵀ + …       1 per step (the GRU: 2)
 *             ∂L/∂W_x = Xᵀ·∂L/∂Z                  one product over all N rows
 *             ∂L/∂W_h = H_{prev}ᵀ·∂L/∂Z            one product over all N rows (H_prev: the T blocks h_0 … h_{T-1})
 *             ∂L/∂b  = 1ᵀ·∂L/∂Z,  ∂L/∂X = ∂L/∂Z·W_xᵀ
 * </pre>
 * All weights of a layer live in one buffer, [W_x | W_h | b] row by row, and so do their gradients.
 *
 * @param <W> the teaching path's weights record
 */
abstract sealed class Recurrent<W extends Params<W>> implements BatchLayer<W> permits BatchLstm, BatchGru, BatchRnn {
  final W weights;
  final Precision precision;
  final boolean reverse;
  final Workspace ws;
  final int hidden;
  final int input;
  /** G·H. */
  final int width;
  /** The weights in the batched layout [W_x | W_h | b], on the heap until the next upload. */
  private final double[] packed;
  final int recurrentOffset;
  final int biasOffset;

  Recurrent(W weights, Precision precision, boolean reverse, Workspace ws, int hidden, int input, int width,
      double[] packed) {
    this.weights = weights;
    this.precision = precision;
    this.reverse = reverse;
    this.ws = ws;
    this.hidden = hidden;
    this.input = input;
    this.width = width;
    this.packed = packed;
    this.recurrentOffset = input * width;
    this.biasOffset = packed.length - width;
  }

  @Override
  public abstract Recurrent<W> withWeights(W weights);

  /** "LSTM", "GRU", "RNN". */
  abstract String name();

  /** The pre-activation equation, named in shape errors. */
  abstract String equation();

  @Override
  public abstract int stateParts();

  abstract W unpack(double[] flat);

  /** Cell-specific buffers for T steps of B sequences (forward pass). */
  abstract Mem[] extraBuffers(int steps, int batch);

  /** Writes state parts 1… (the LSTM's c_0) into the extra buffers. */
  abstract void writeExtraState(State s, int block, int batch, Mem[] extra);

  /** Reads the extra state parts at a block. */
  abstract void readExtraState(int block, int batch, Mem[] extra, List<Matrix> into);

  /** One step t: Z_t += recurrent product, then the cell's element-wise update into the output block. */
  abstract void step(int t, int batch, Mem w, Mem z, Mem hs, Mem[] extra);

  /** Cell-specific running gradients for the backward pass (the LSTM's ∂L/∂c, [B·H]), set from ∂L/∂(final state). */
  abstract double[][] gradientState(int batch, State dFinal);

  /**
   * One backward step t: from the total ∂L/∂h_t in {@code dh} ([B·H], row b·H + j), writes ∂L/∂Z_t
   * into {@code dz} and ∂L/∂h_{t-1} into {@code dhPrev}, updating the running cell-specific gradients.
   */
  abstract void backStep(int t, int batch, Mem w, Pass p, Mem dz, double[] dh, Mem dhPrev, double[][] grads);

  /** ∂L/∂W_h into the gradient buffer, as products over every step. */
  abstract void recurrentGradients(Pass p, Mem dz, Mem dw);

  /** The gradients of the extra state parts after the last backward step. */
  abstract void readExtraGradients(int batch, double[][] grads, List<Matrix> into);

  /** Makes the trace (the LSTM adds views of c_t and the gates). */
  Pass newPass(Workspace.Lease lease, BatchInput in, int steps, int batch, Mem z, Mem hs, Mem[] extra, State fin) {
    return new Pass(this, lease, in, steps, batch, z, hs, extra, fin);
  }

  @Override
  public W weights() {
    return weights;
  }

  @Override
  public Precision precision() {
    return precision;
  }

  @Override
  public int inputSize() {
    return input;
  }

  @Override
  public int outputSize() {
    return hidden;
  }

  /** True for the half of a bidirectional layer that reads x_T … x_1. */
  public boolean reversed() {
    return reverse;
  }

  /** Bytes of off-heap buffers this layer (and the layers sharing them) holds now. */
  public long bufferBytes() {
    return ws.bytes();
  }

  @Override
  public State zeroState(int batchSize) {
    Checks.positive(name() + " state", "batch size B", batchSize);
    List<Matrix> parts = new ArrayList<>();
    for (int k = 0; k < stateParts(); k++) parts.add(Matrix.zeros(batchSize, hidden));
    return new State(parts);
  }

  /** The block of Hs holding h_{t-1} for step t (the state the step reads). */
  final int prevBlock(int t) {
    return reverse ? t + 1 : t;
  }

  /** The block of Hs receiving h_t. */
  final int outBlock(int t) {
    return reverse ? t : t + 1;
  }

  final int initialBlock(int steps) {
    return reverse ? steps : 0;
  }

  final int finalBlock(int steps) {
    return reverse ? 0 : steps;
  }

  /** The first of the T blocks h_0 … h_{T-1} that the steps read, in step order. */
  final int firstPrevBlock() {
    return reverse ? 1 : 0;
  }

  @Override
  public BatchTrace forward(BatchInput inputs, State initial) {
    String op = name() + " batch forward " + equation();
    Checks.notNull(op, "inputs", inputs);
    checkInputs(op, inputs);
    int steps = inputs.steps(), batch = inputs.batchSize();
    checkState(op, "the initial state", initial, batch);
    synchronized (ws) {
      Workspace.Lease lease = ws.beginForward("the forward pass (outputs h_t)");
      Mem w = uploadWeights();
      int n = steps * batch;
      Mem z = ws.buffer("Z", (long) n * width);
      Mem hs = ws.buffer("Hs", (long) (steps + 1) * batch * hidden);
      Mem[] extra = extraBuffers(steps, batch);
      project(inputs, w, z, n);                                          // Z = 1·bᵀ + X·W_x
      int init = initialBlock(steps) * batch * hidden;
      if (initial == null) {
        hs.zero(init, init + batch * hidden);
      } else {
        putMatrix(initial.part(0), hs, init);
      }
      writeExtraState(initial, initialBlock(steps), batch, extra);
      for (int s = 0; s < steps; s++) step(reverse ? steps - 1 - s : s, batch, w, z, hs, extra);
      List<Matrix> fin = new ArrayList<>();
      fin.add(getMatrix(hs, finalBlock(steps) * batch * hidden, batch, hidden));
      readExtraState(finalBlock(steps), batch, extra, fin);
      return newPass(lease, inputs, steps, batch, z, hs, extra, new State(fin));
    }
  }

  @Override
  public BatchGradients<W> backward(BatchTrace trace, SeqBatch dOutputs, State dFinal) {
    String op = name() + " batch backward";
    Checks.notNull(op, "trace", trace);
    if (!(trace instanceof Pass p) || p.layer != this) {
      throw new IllegalArgumentException(op + ": this trace was not made by this layer's forward pass"
          + (trace instanceof Pass q ? " (it comes from a " + q.layer.name() + " layer with other weights or buffers)" : "")
          + "; call backward on the layer whose forward pass made it");
    }
    p.lease.check(op);
    int steps = p.steps, batch = p.batch, n = steps * batch;
    if (dOutputs != null) checkGradient(op, "∂L/∂h_t", dOutputs, steps, batch, hidden);
    checkState(op, "∂L/∂(final state)", dFinal, batch);
    synchronized (ws) {
      Workspace.Lease lease = ws.beginBackward("the input gradient ∂L/∂x_t");
      Mem w = ws.buffer("weights", packed.length);
      Mem dz = ws.buffer("dZ", (long) n * width);
      Mem dhPrev = ws.buffer("dhPrev", (long) batch * hidden);
      int bh = batch * hidden;
      double[] dh = ws.scratch("dh", bh);                                // the running total ∂L/∂h_t, [B·H]
      if (dFinal == null) java.util.Arrays.fill(dh, 0, bh, 0);
      else System.arraycopy(dFinal.part(0).toArray(), 0, dh, 0, bh);
      double[][] grads = gradientState(batch, dFinal);
      double[] row = ws.scratch("dOutputRow", hidden);
      for (int s = steps - 1; s >= 0; s--) {
        int t = reverse ? steps - 1 - s : s;
        if (dOutputs != null) {                                         // total ∂L/∂h_t = from the output + from step t+1
          for (int b = 0; b < batch; b++) {
            dOutputs.mem.get(dOutputs.at(t, b), row, 0, hidden);
            for (int j = 0; j < hidden; j++) dh[b * hidden + j] += row[j];
          }
        }
        backStep(t, batch, w, p, dz, dh, dhPrev, grads);
        dhPrev.get(0, dh, 0, bh);
      }
      List<Matrix> dInit = new ArrayList<>();
      dInit.add(Matrix.of(batch, hidden, java.util.Arrays.copyOf(dh, bh)));
      readExtraGradients(batch, grads, dInit);

      Mem dw = ws.buffer("dweights", packed.length);
      SeqBatch dx = null;
      if (p.inputs instanceof SeqBatch x) {
        x.requireReadable(op);
        // ∂L/∂W_x = Xᵀ·∂L/∂Z: [X, N]·[N, G·H]
        Gemm.mm(true, false, input, width, n, 1, x.mem, x.offset, x.ld, dz, 0, width, 0, dw, 0, width);
        // ∂L/∂X = ∂L/∂Z·W_xᵀ: [N, G·H]·[G·H, X]
        Mem dxm = ws.buffer("dX", (long) n * input);
        Gemm.mm(false, true, n, input, width, 1, dz, 0, width, w, 0, width, 0, dxm, 0, input);
        dx = new SeqBatch(dxm, 0, input, steps, batch, input, lease);
      } else {
        Tokens tokens = (Tokens) p.inputs;                               // one-hot rows: ∂L/∂W_x[k] += ∂L/∂Z_row
        double[] acc = ws.scratch("dWxTokens", recurrentOffset), zr = ws.scratch("row", width);
        java.util.Arrays.fill(acc, 0, recurrentOffset, 0);
        for (int r = 0; r < n; r++) {
          dz.get(r * width, zr, 0, width);
          int to = tokens.atRow(r) * width;
          for (int j = 0; j < width; j++) acc[to + j] += zr[j];
        }
        dw.put(0, acc, 0, recurrentOffset);
      }
      recurrentGradients(p, dz, dw);
      // ∂L/∂b = 1ᵀ·∂L/∂Z: [1, N]·[N, G·H]
      Gemm.mm(true, false, 1, width, n, 1, ws.ones(n), 0, 1, dz, 0, width, 0, dw, biasOffset, width);
      double[] flat = new double[packed.length];
      dw.get(0, flat, 0, flat.length);
      requireFinite(op, flat);
      return new BatchGradients<>(unpack(flat), dx, new State(dInit));
    }
  }

  /** Copies this layer's weights into the shared weight buffer unless they are there already. */
  private Mem uploadWeights() {
    Mem w = ws.buffer("weights", packed.length);
    if (ws.uploaded != this) {
      w.put(0, packed, 0, packed.length);
      ws.uploaded = this;
    }
    return w;
  }

  /** Z = 1·bᵀ + X·W_x, or for tokens Z_row = W_x[token] + b. */
  private void project(BatchInput in, Mem w, Mem z, int n) {
    if (in instanceof SeqBatch x) {
      Gemm.mm(false, false, n, width, 1, 1, ws.ones(n), 0, 1, w, biasOffset, width, 0, z, 0, width);
      Gemm.mm(false, false, n, width, input, 1, x.mem, x.offset, x.ld, w, 0, width, 1, z, 0, width);
    } else {
      Tokens tokens = (Tokens) in;
      double[] bias = ws.scratch("bias", width), row = ws.scratch("row", width);
      w.get(biasOffset, bias, 0, width);
      for (int r = 0; r < n; r++) {
        w.get(tokens.atRow(r) * width, row, 0, width);
        for (int j = 0; j < width; j++) row[j] += bias[j];
        z.put(r * width, row, 0, width);
      }
    }
  }

  private void checkInputs(String op, BatchInput in) {
    if (in instanceof SeqBatch x) {
      x.requireReadable(op);
      if (x.features() != input) {
        throw new IllegalArgumentException(op + ": the inputs are " + x.shape() + " but W_x is " + input + "×" + width
            + " (input size X = " + input + ")");
      }
      if (x.precision() != precision) {
        throw new IllegalArgumentException(op + ": the inputs are " + x.precision() + " but the layer is " + precision);
      }
    } else {
      Tokens t = (Tokens) in;
      if (t.vocabularySize() != input) {
        throw new IllegalArgumentException(op + ": the tokens index a vocabulary of V = " + t.vocabularySize()
            + " but W_x is " + input + "×" + width + " (input size X = " + input + "; one-hot inputs need X = V)");
      }
    }
  }

  void checkState(String op, String what, State s, int batch) {
    if (s == null) return;
    if (s.parts().size() != stateParts()) {
      throw new IllegalArgumentException(op + ": " + what + " has " + s.parts().size() + " parts but a " + name()
          + " state has " + stateParts() + (stateParts() == 2 ? " (h and c)" : " (h)"));
    }
    for (int k = 0; k < stateParts(); k++) {
      Matrix m = s.part(k);
      if (m.rows() != batch || m.cols() != hidden) {
        throw new IllegalArgumentException(op + ": part " + k + " of " + what + " is " + m.shape() + " but it must be "
            + batch + "×" + hidden + " (B = " + batch + " sequences × H = " + hidden + ")");
      }
      if (!m.isFinite()) throw new IllegalArgumentException(op + ": part " + k + " of " + what + " holds NaN or ±Inf");
    }
  }

  static void checkGradient(String op, String name, SeqBatch g, int steps, int batch, int features) {
    g.requireReadable(op);
    if (g.steps() != steps || g.batchSize() != batch || g.features() != features) {
      throw new IllegalArgumentException(op + ": " + name + " is " + g.shape() + " but the outputs are T=" + steps
          + " × B=" + batch + " × F=" + features);
    }
    double[] row = new double[features];
    for (int t = 0; t < steps; t++) {
      for (int b = 0; b < batch; b++) {
        g.mem.get(g.at(t, b), row, 0, features);
        for (int j = 0; j < features; j++) {
          if (!Double.isFinite(row[j])) {
            throw new NonFiniteException(op + ": " + name + " holds " + row[j] + " at sequence " + b + ", step " + t
                + ", entry " + j + " (an exploding gradient from the layer above)");
          }
        }
      }
    }
  }

  private void requireFinite(String op, double[] flat) {
    for (int k = 0; k < flat.length; k++) {
      if (!Double.isFinite(flat[k])) {
        String part = k < recurrentOffset ? "∂L/∂W_x" : k < biasOffset ? "∂L/∂W_h" : "∂L/∂b";
        throw new NonFiniteException(op + ": " + part + " holds " + flat[k] + "; the gradient overflowed on its way "
            + "back through time (an exploding gradient). Clip it, lower the learning rate, or shorten the segments.");
      }
    }
  }

  /** withWeights keeps the shapes: the buffers are sized for them. */
  final void requireSameShape(int newHidden, int newInput) {
    if (newHidden != hidden || newInput != input) {
      throw new IllegalArgumentException("batched " + name() + " withWeights: the new weights are H = " + newHidden
          + ", X = " + newInput + " but the layer is H = " + hidden + ", X = " + input);
    }
  }

  static String describe(String name, int input, int hidden, boolean reverse) {
    return name + " layer (X = " + input + ", H = " + hidden + (reverse ? ", reversed" : "") + ")";
  }

  /** {@code n} numbers of {@code a} from {@code from}. */
  static double[] slice(double[] a, int from, int n) {
    double[] out = new double[n];
    System.arraycopy(a, from, out, 0, n);
    return out;
  }

  static void putMatrix(Matrix m, Mem into, int at) {
    into.put(at, m.toArray(), 0, m.rows() * m.cols());
  }

  static Matrix getMatrix(Mem from, int at, int rows, int cols) {
    double[] v = new double[rows * cols];
    from.get(at, v, 0, v.length);
    return Matrix.of(rows, cols, v);
  }

  /** A forward pass: views of its buffers, valid until the layer's next forward pass. */
  static class Pass implements BatchTrace {
    final Recurrent<?> layer;
    final Workspace.Lease lease;
    final BatchInput inputs;
    final int steps;
    final int batch;
    final Mem z;
    final Mem hs;
    final Mem[] extra;
    private final State fin;

    Pass(Recurrent<?> layer, Workspace.Lease lease, BatchInput inputs, int steps, int batch, Mem z, Mem hs,
        Mem[] extra, State fin) {
      this.layer = layer;
      this.lease = lease;
      this.inputs = inputs;
      this.steps = steps;
      this.batch = batch;
      this.z = z;
      this.hs = hs;
      this.extra = extra;
      this.fin = fin;
    }

    @Override
    public SeqBatch outputs() {
      int h = layer.hidden;
      int first = layer.reverse ? 0 : 1;
      return new SeqBatch(hs, first * batch * h, h, steps, batch, h, lease);
    }

    @Override
    public State finalState() {
      return fin;
    }

    @Override
    public int steps() {
      return steps;
    }

    @Override
    public int batchSize() {
      return batch;
    }

    /** False once the layer has run another forward pass. */
    public boolean isReadable() {
      return lease.valid();
    }
  }
}
