package gated.batch;

import gated.model.MergeMode;

/**
 * The teaching path's arithmetic for B sequences at a time, in arrays that are reused from call to
 * call: every product, sum and function is the one {@link gated.cell.LstmCell}, {@link gated.cell.GruCell},
 * {@link gated.cell.RnnCell}, {@link gated.model.StackedLstm} and {@link gated.model.BiLstm} compute, in
 * the same order, so every number comes out with the same bits (not merely close). What is saved is
 * everything else the teaching path does per step: a new vector or matrix for every intermediate
 * value, and the checks on each.
 *
 * <p>Why not matrix products over the minibatch (the rest of this package)? They sum in another
 * order, and training amplifies a difference in the last bit: with lesson 02's exploding RNN
 * (no clipping, SGD α = 0.2) the weights of the two differ by 5e-4 after 300 steps. A trainer that
 * promises the teaching path's History therefore needs the teaching path's order.
 *
 * <h2>Layout</h2>
 * Weights are read from the classifier's flat list ({@link gated.tensor.Params#toArray()}), starting
 * at the layer's {@code offset}, in the order each weights record documents; gradients are added
 * into per-sequence lists of the same layout (the whole classifier's, so at the same positions). Row n = t·B + b of every array holds step t of
 * sequence b (time-major, as {@link SeqBatch}). Sums over time run t = T … 1 into each sequence's
 * own list, as the teaching path's backward pass does, so that the caller can add the sequences'
 * lists in the minibatch's order.
 */
final class ExactLayers {
  private ExactLayers() {}

  /** σ(z) as {@link gated.cell.Activations#sigmoid(double)} computes it (the same formula, see {@link Pointwise}). */
  static double sigmoid(double z) {
    return Pointwise.sigmoid(z);
  }

  /** tanh(z) as {@link gated.cell.Activations#tanh(double)} computes it. */
  static double tanh(double z) {
    return StrictMath.tanh(z);
  }

  static double[] grow(double[] a, long size) {
    if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("batched classifier: " + size + " numbers are too many for one array");
    return a != null && a.length >= size ? a : new double[(int) size];
  }

  /** One recurrent layer (or a stack, or two directions): forward and backward over a group of sequences. */
  abstract static class Layer {
    final int input;
    /** H (of the top layer, for a stack; of each direction, for a bidirectional layer). */
    final int hidden;
    final int offset;
    int steps;
    int batch;
    /** The inputs of the last forward pass, [T·B, X] (the caller's array, kept until backward). */
    double[] in;
    /** Outputs [T·B, outputSize]. */
    double[] out;
    /** Input gradients of the last backward pass, [T·B, X]. */
    double[] dIn;
    /** False once a backward pass produced a non-finite ∂L/∂x_t or ∂L/∂(initial state). */
    boolean finite;

    Layer(int input, int hidden, int offset) {
      this.input = input;
      this.hidden = hidden;
      this.offset = offset;
    }

    int outputSize() {
      return hidden;
    }

    /** Numbers of weights. */
    abstract int count();

    abstract void forward(double[] w, double[] in, int steps, int batch);

    /**
     * Back-propagation through time from ∂L/∂output ({@code dOut}, [T·B, outputSize]): fills
     * {@link #dIn}, sets {@link #finite}, adds ∂L/∂W of sequence b into {@code acc[b]}.
     */
    abstract void backward(double[] w, double[] dOut, double[][] acc);
  }

  /**
   * {@link gated.cell.LstmCell}: weights W_f, b_f, W_i, b_i, W_g, b_g, W_o, b_o, each W [H, H+X] on
   * [h_{t-1}; x_t] (the flat order of {@link gated.cell.LstmWeights}).
   */
  static final class Lstm extends Layer {
    private final int cols;     // H + X
    private final int gate;     // numbers per gate: H·(H+X) + H
    private double[] acts;      // [T·B, 4H]: f, i, g, o
    private double[] c;         // [T·B, H]
    private double[] tc;        // [T·B, H]: tanh(c_t)
    private final double[] zeros;
    private final double[] dz, dhx, part, dh;

    Lstm(int input, int hidden, int offset) {
      super(input, hidden, offset);
      this.cols = hidden + input;
      this.gate = hidden * cols + hidden;
      this.zeros = new double[hidden];
      this.dz = new double[4 * hidden];
      this.dhx = new double[cols];
      this.part = new double[cols];
      this.dh = new double[hidden];
    }

    @Override
    int count() {
      return 4 * gate;
    }

    @Override
    void forward(double[] w, double[] in, int steps, int batch) {
      this.in = in;
      this.steps = steps;
      this.batch = batch;
      int h = hidden, x = input, n = steps * batch;
      acts = grow(acts, (long) n * 4 * h);
      c = grow(c, (long) n * h);
      tc = grow(tc, (long) n * h);
      out = grow(out, (long) n * h);
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, prev = row - batch;           // h_{t-1}, c_{t-1}: the row one step back
          double[] hp = t == 0 ? zeros : out, cp = t == 0 ? zeros : c;
          int hpAt = t == 0 ? 0 : prev * h, xAt = row * x, aAt = row * 4 * h;
          for (int k = 0; k < 4; k++) {                           // gates f, i, g, o
            int wk = offset + k * gate, bk = wk + h * cols;
            for (int r = 0; r < h; r++) {
              double s = 0;                                       // z_k = W_k·[h_{t-1}; x_t] + b_k
              int base = wk + r * cols;
              for (int j = 0; j < h; j++) s += w[base + j] * hp[hpAt + j];
              for (int j = 0; j < x; j++) s += w[base + h + j] * in[xAt + j];
              s = s + w[bk + r];
              acts[aAt + k * h + r] = k == 2 ? tanh(s) : sigmoid(s);
            }
          }
          for (int r = 0; r < h; r++) {
            double f = acts[aAt + r], i = acts[aAt + h + r], g = acts[aAt + 2 * h + r], o = acts[aAt + 3 * h + r];
            double ct = f * cp[hpAt + r] + i * g;                   // c_t = f ⊙ c_{t-1} + i ⊙ c̃
            double tct = tanh(ct);
            c[row * h + r] = ct;
            tc[row * h + r] = tct;
            out[row * h + r] = o * tct;                           // h_t = o ⊙ tanh(c_t)
          }
        }
      }
    }

    @Override
    void backward(double[] w, double[] dOut, double[][] acc) {
      int h = hidden, x = input, n = steps * batch;
      dIn = grow(dIn, (long) n * x);
      double[] dhNextAll = scratchNext(batch * h), dcNextAll = scratchCell(batch * h);
      java.util.Arrays.fill(dhNextAll, 0, batch * h, 0);
      java.util.Arrays.fill(dcNextAll, 0, batch * h, 0);
      boolean ok = true;
      for (int t = steps - 1; t >= 0; t--) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, aAt = row * 4 * h, hAt = row * h, nb = b * h;
          double[] hp = t == 0 ? zeros : out, cp = t == 0 ? zeros : c;
          int hpAt = t == 0 ? 0 : (row - batch) * h, xAt = row * x;
          double[] a = acc[b];
          for (int r = 0; r < h; r++) dh[r] = dOut[hAt + r] + dhNextAll[nb + r];   // ∂L/∂h_t: from the output + from t+1
          for (int r = 0; r < h; r++) {
            double f = acts[aAt + r], i = acts[aAt + h + r], g = acts[aAt + 2 * h + r], o = acts[aAt + 3 * h + r];
            double tct = tc[hAt + r], d = dh[r];
            double dO = d * tct;                                  // ∂L/∂o = dh ⊙ tanh(c)
            double dC = dcNextAll[nb + r] + d * o * (1 - tct * tct);   // ∂L/∂c = dc + dh ⊙ o ⊙ (1 − tanh²c)
            double dF = dC * cp[hpAt + r];
            dcNextAll[nb + r] = dC * f;                           // ∂L/∂c_{t-1} = dc ⊙ f
            double dI = dC * g, dG = dC * i;
            dz[r] = dF * f * (1 - f);                             // ∂L/∂z_f
            dz[h + r] = dI * i * (1 - i);                         // ∂L/∂z_i
            dz[2 * h + r] = dG * (1 - g * g);                     // ∂L/∂z_g
            dz[3 * h + r] = dO * o * (1 - o);                     // ∂L/∂z_o
          }
          java.util.Arrays.fill(dhx, 0, cols, 0);
          for (int k = 0; k < 4; k++) {
            int wk = offset + k * gate, bk = wk + h * cols;
            double[] s = k == 0 ? dhx : part;                     // Σ_k W_kᵀ·dz_k, each term summed on its own
            if (k > 0) java.util.Arrays.fill(part, 0, cols, 0);
            for (int r = 0; r < h; r++) {
              double dzr = dz[k * h + r];
              int base = wk + r * cols;
              for (int j = 0; j < cols; j++) s[j] += dzr * w[base + j];
              for (int j = 0; j < h; j++) a[base + j] += dzr * hp[hpAt + j];     // ∂L/∂W_k += dz ⊗ [h; x]
              for (int j = 0; j < x; j++) a[base + h + j] += dzr * in[xAt + j];
              a[bk + r] += dzr;                          // ∂L/∂b_k += dz
            }
            if (k > 0) for (int j = 0; j < cols; j++) dhx[j] = dhx[j] + part[j];
          }
          for (int j = 0; j < cols; j++) ok &= Double.isFinite(dhx[j]);
          System.arraycopy(dhx, 0, dhNextAll, nb, h);             // ∂L/∂h_{t-1}
          System.arraycopy(dhx, h, dIn, xAt, x);                  // ∂L/∂x_t
        }
      }
      for (int k = 0; k < batch * h; k++) ok &= Double.isFinite(dcNextAll[k]);
      finite = ok;
    }

    private double[] nextH;
    private double[] nextC;

    private double[] scratchNext(int size) {
      return nextH = grow(nextH, size);
    }

    private double[] scratchCell(int size) {
      return nextC = grow(nextC, size);
    }
  }

  /**
   * {@link gated.cell.GruCell} (row form): for each of reset, update and candidate W_x [X, H], W_h
   * [H, H], b [H] (the flat order of {@link gated.cell.GruWeights}).
   */
  static final class Gru extends Layer {
    private final int gate;     // X·H + H·H + H
    private double[] r, z, ht, rh;   // [T·B, H] each
    private final double[] zeros, s1, s2, dzr, dzz, dzh, dRh, dhv, dxv;
    private double[] next;

    Gru(int input, int hidden, int offset) {
      super(input, hidden, offset);
      this.gate = input * hidden + hidden * hidden + hidden;
      zeros = new double[hidden];
      s1 = new double[Math.max(hidden, input)];
      s2 = new double[Math.max(hidden, input)];
      dzr = new double[hidden];
      dzz = new double[hidden];
      dzh = new double[hidden];
      dRh = new double[hidden];
      dhv = new double[hidden];
      dxv = new double[input];
    }

    @Override
    int count() {
      return 3 * gate;
    }

    /** s1 = v·W_x (v = x_t), s2 = u·W_h, both row form summed over rows from 0; returns nothing, fills s1, s2. */
    private void rowProducts(double[] w, int g, double[] v, int vAt, double[] u, int uAt) {
      int h = hidden, x = input, wx = offset + g * gate, wh = wx + x * h;
      java.util.Arrays.fill(s1, 0, h, 0);
      java.util.Arrays.fill(s2, 0, h, 0);
      for (int i = 0; i < x; i++) {
        double vi = v[vAt + i];
        int base = wx + i * h;
        for (int j = 0; j < h; j++) s1[j] += vi * w[base + j];
      }
      for (int i = 0; i < h; i++) {
        double ui = u[uAt + i];
        int base = wh + i * h;
        for (int j = 0; j < h; j++) s2[j] += ui * w[base + j];
      }
    }

    @Override
    void forward(double[] w, double[] in, int steps, int batch) {
      this.in = in;
      this.steps = steps;
      this.batch = batch;
      int h = hidden, x = input, n = steps * batch;
      r = grow(r, (long) n * h);
      z = grow(z, (long) n * h);
      ht = grow(ht, (long) n * h);
      rh = grow(rh, (long) n * h);
      out = grow(out, (long) n * h);
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, hAt = row * h, xAt = row * x;
          double[] hp = t == 0 ? zeros : out;
          int hpAt = t == 0 ? 0 : (row - batch) * h;
          rowProducts(w, 0, in, xAt, hp, hpAt);                  // zr = X·W_xr + H_{t-1}·W_hr + b_r
          int br = offset + x * h + h * h;
          for (int j = 0; j < h; j++) r[hAt + j] = sigmoid(s1[j] + s2[j] + w[br + j]);
          rowProducts(w, 1, in, xAt, hp, hpAt);                  // zz = X·W_xz + H_{t-1}·W_hz + b_z
          int bz = br + gate;
          for (int j = 0; j < h; j++) z[hAt + j] = sigmoid(s1[j] + s2[j] + w[bz + j]);
          for (int j = 0; j < h; j++) rh[hAt + j] = r[hAt + j] * hp[hpAt + j];   // R ⊙ H_{t-1}
          rowProducts(w, 2, in, xAt, rh, hAt);                   // zh = X·W_xh + (R ⊙ H_{t-1})·W_hh + b_h
          int bh = bz + gate;
          for (int j = 0; j < h; j++) {
            double hTilde = tanh(s1[j] + s2[j] + w[bh + j]);
            double zj = z[hAt + j];
            ht[hAt + j] = hTilde;
            out[hAt + j] = zj * hp[hpAt + j] + (1 - zj) * hTilde;   // H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃
          }
        }
      }
    }

    @Override
    void backward(double[] w, double[] dOut, double[][] acc) {
      int h = hidden, x = input, n = steps * batch;
      dIn = grow(dIn, (long) n * x);
      next = grow(next, (long) batch * h);
      java.util.Arrays.fill(next, 0, batch * h, 0);
      boolean ok = true;
      int wxr = offset, whr = wxr + x * h, br = whr + h * h;
      int wxz = wxr + gate, whz = wxz + x * h, bz = whz + h * h;
      int wxh = wxz + gate, whh = wxh + x * h, bh = whh + h * h;
      for (int t = steps - 1; t >= 0; t--) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, hAt = row * h, xAt = row * x, nb = b * h;
          double[] hp = t == 0 ? zeros : out;
          int hpAt = t == 0 ? 0 : (row - batch) * h;
          double[] a = acc[b];
          for (int j = 0; j < h; j++) {
            double d = dOut[hAt + j] + next[nb + j];               // ∂L/∂H_t
            double zj = z[hAt + j], htj = ht[hAt + j];
            dhv[j] = d * zj;                                      // direct path dH ⊙ Z
            double dz = d * (hp[hpAt + j] - htj);                 // ∂L/∂Z = dH ⊙ (H_{t-1} − H̃)
            double dhTilde = d * (1 - zj);
            dzh[j] = dhTilde * (1 - htj * htj);                   // ∂L/∂zh
            dzz[j] = dz * zj * (1 - zj);                          // ∂L/∂zz
          }
          for (int i = 0; i < h; i++) {                           // ∂L/∂(R ⊙ H) = dzh·W_hhᵀ
            double s = 0;
            int base = whh + i * h;
            for (int j = 0; j < h; j++) s += dzh[j] * w[base + j];
            dRh[i] = s;
          }
          for (int j = 0; j < h; j++) {
            double rj = r[hAt + j];
            double dr = dRh[j] * hp[hpAt + j];
            dhv[j] = dhv[j] + dRh[j] * rj;                        // + ∂L/∂(R ⊙ H) ⊙ R
            dzr[j] = dr * rj * (1 - rj);                          // ∂L/∂zr
          }
          // ∂L/∂W: outer products X_tᵀ·dz, H_{t-1}ᵀ·dz (candidate: (R ⊙ H)ᵀ·dzh), and dz for b
          addOuter(a, wxr, in, xAt, x, dzr);
          addOuter(a, whr, hp, hpAt, h, dzr);
          for (int j = 0; j < h; j++) a[br + j] += dzr[j];
          addOuter(a, wxz, in, xAt, x, dzz);
          addOuter(a, whz, hp, hpAt, h, dzz);
          for (int j = 0; j < h; j++) a[bz + j] += dzz[j];
          addOuter(a, wxh, in, xAt, x, dzh);
          addOuter(a, whh, rh, hAt, h, dzh);
          for (int j = 0; j < h; j++) a[bh + j] += dzh[j];
          // ∂L/∂X = dzr·W_xrᵀ + dzz·W_xzᵀ + dzh·W_xhᵀ
          for (int i = 0; i < x; i++) {
            double v = transposed(w, wxr + i * h, dzr) + transposed(w, wxz + i * h, dzz);
            v = v + transposed(w, wxh + i * h, dzh);
            dxv[i] = v;
          }
          // ∂L/∂H_{t-1} = (dH ⊙ Z + ∂L/∂(R ⊙ H) ⊙ R) + dzr·W_hrᵀ + dzz·W_hzᵀ
          for (int i = 0; i < h; i++) {
            double v = dhv[i] + transposed(w, whr + i * h, dzr);
            v = v + transposed(w, whz + i * h, dzz);
            next[nb + i] = v;
            ok &= Double.isFinite(v);
          }
          for (int i = 0; i < x; i++) {
            dIn[xAt + i] = dxv[i];
            ok &= Double.isFinite(dxv[i]);
          }
        }
      }
      finite = ok;
    }

    /** Σ_j v[j]·W[i][j] for row i of a [rows, H] matrix starting at {@code at}: (v·Wᵀ)_i, summed from j = 0. */
    private double transposed(double[] w, int at, double[] v) {
      double s = 0;
      for (int j = 0; j < hidden; j++) s += v[j] * w[at + j];
      return s;
    }

    /** a[at + i·H + j] += u_i · dz_j: a [rows, H] outer product u ⊗ dz added. */
    private void addOuter(double[] a, int at, double[] u, int uAt, int rows, double[] dz) {
      int h = hidden;
      for (int i = 0; i < rows; i++) {
        double ui = u[uAt + i];
        int base = at + i * h;
        for (int j = 0; j < h; j++) a[base + j] += ui * dz[j];
      }
    }
  }

  /** {@link gated.cell.RnnCell} (column form): W_x [H, X], W_h [H, H], b [H]. */
  static final class Rnn extends Layer {
    private final double[] zeros, da, dhp, dxv;
    private double[] next;

    Rnn(int input, int hidden, int offset) {
      super(input, hidden, offset);
      zeros = new double[hidden];
      da = new double[hidden];
      dhp = new double[hidden];
      dxv = new double[input];
    }

    @Override
    int count() {
      return hidden * input + hidden * hidden + hidden;
    }

    @Override
    void forward(double[] w, double[] in, int steps, int batch) {
      this.in = in;
      this.steps = steps;
      this.batch = batch;
      int h = hidden, x = input, n = steps * batch, wx = offset, wh = wx + h * x, bb = wh + h * h;
      out = grow(out, (long) n * h);
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, xAt = row * x;
          double[] hp = t == 0 ? zeros : out;
          int hpAt = t == 0 ? 0 : (row - batch) * h;
          for (int i = 0; i < h; i++) {
            double s1 = 0, s2 = 0;                                // a = W_x·x_t + W_h·h_{t-1} + b
            for (int j = 0; j < x; j++) s1 += w[wx + i * x + j] * in[xAt + j];
            for (int j = 0; j < h; j++) s2 += w[wh + i * h + j] * hp[hpAt + j];
            out[row * h + i] = tanh(s1 + s2 + w[bb + i]);         // h_t = tanh(a_t)
          }
        }
      }
    }

    @Override
    void backward(double[] w, double[] dOut, double[][] acc) {
      int h = hidden, x = input, n = steps * batch, wx = offset, wh = wx + h * x, bb = wh + h * h;
      dIn = grow(dIn, (long) n * x);
      next = grow(next, (long) batch * h);
      java.util.Arrays.fill(next, 0, batch * h, 0);
      boolean ok = true;
      for (int t = steps - 1; t >= 0; t--) {
        for (int b = 0; b < batch; b++) {
          int row = t * batch + b, hAt = row * h, xAt = row * x, nb = b * h;
          double[] hp = t == 0 ? zeros : out;
          int hpAt = t == 0 ? 0 : (row - batch) * h;
          double[] a = acc[b];
          for (int i = 0; i < h; i++) {
            double d = dOut[hAt + i] + next[nb + i];
            double hi = out[hAt + i];
            da[i] = d * (1 - hi * hi);                            // ∂L/∂a = dh ⊙ (1 − h²)
          }
          java.util.Arrays.fill(dhp, 0);
          java.util.Arrays.fill(dxv, 0);
          for (int i = 0; i < h; i++) {                           // ∂L/∂h_{t-1} = W_hᵀ·da, ∂L/∂x = W_xᵀ·da
            double di = da[i];
            for (int j = 0; j < h; j++) dhp[j] += di * w[wh + i * h + j];
          }
          for (int i = 0; i < h; i++) {
            double di = da[i];
            for (int j = 0; j < x; j++) dxv[j] += di * w[wx + i * x + j];
          }
          for (int i = 0; i < h; i++) {
            double di = da[i];
            for (int j = 0; j < x; j++) a[wx + i * x + j] += di * in[xAt + j];   // ∂L/∂W_x += da ⊗ x
            for (int j = 0; j < h; j++) a[wh + i * h + j] += di * hp[hpAt + j];  // ∂L/∂W_h += da ⊗ h_{t-1}
            a[bb + i] += di;
          }
          for (int j = 0; j < h; j++) {
            next[nb + j] = dhp[j];
            ok &= Double.isFinite(dhp[j]);
          }
          for (int j = 0; j < x; j++) {
            dIn[xAt + j] = dxv[j];
            ok &= Double.isFinite(dxv[j]);
          }
        }
      }
      finite = ok;
    }
  }

  /** {@link gated.model.StackedLstm}: layer l reads the outputs of layer l−1; weights layer by layer. */
  static final class Stack extends Layer {
    final Layer[] layers;

    Stack(Layer[] layers) {
      super(layers[0].input, layers[layers.length - 1].hidden, layers[0].offset);
      this.layers = layers;
    }

    @Override
    int count() {
      int n = 0;
      for (Layer l : layers) n += l.count();
      return n;
    }

    @Override
    void forward(double[] w, double[] in, int steps, int batch) {
      this.in = in;
      this.steps = steps;
      this.batch = batch;
      double[] x = in;
      for (Layer l : layers) {
        l.forward(w, x, steps, batch);
        x = l.out;
      }
      out = x;
    }

    @Override
    void backward(double[] w, double[] dOut, double[][] acc) {
      double[] d = dOut;
      boolean ok = true;
      for (int l = layers.length - 1; l >= 0; l--) {
        layers[l].backward(w, d, acc);
        ok &= layers[l].finite;
        d = layers[l].dIn;                                        // ∂L/∂(inputs of layer l) = ∂L/∂(outputs of layer l−1)
      }
      dIn = d;
      finite = ok;
    }
  }

  /** {@link gated.model.BiLstm}: a forward and a backward LSTM (flat order: forward, backward) merged per step. */
  static final class Bidirectional extends Layer {
    private final Lstm fwd;
    private final Lstm bwd;
    private final MergeMode mode;
    private double[] reversed, dF, dB;

    Bidirectional(int input, int hidden, int offset, MergeMode mode) {
      super(input, hidden, offset);
      this.fwd = new Lstm(input, hidden, offset);
      this.bwd = new Lstm(input, hidden, offset + fwd.count());
      this.mode = mode;
    }

    @Override
    int outputSize() {
      return mode.outputSize(fwd.hidden);
    }

    @Override
    int count() {
      return 2 * fwd.count();
    }

    /** Row of step t, sequence b, in the reading order of the backward direction (x_T first). */
    private int mirror(int row) {
      int t = row / batch, b = row % batch;
      return (steps - 1 - t) * batch + b;
    }

    @Override
    void forward(double[] w, double[] in, int steps, int batch) {
      this.in = in;
      this.steps = steps;
      this.batch = batch;
      int x = input, h = fwd.hidden, o = outputSize(), n = steps * batch;
      reversed = grow(reversed, (long) n * x);
      for (int row = 0; row < n; row++) System.arraycopy(in, mirror(row) * x, reversed, row * x, x);
      fwd.forward(w, in, steps, batch);
      bwd.forward(w, reversed, steps, batch);
      out = grow(out, (long) n * o);
      for (int row = 0; row < n; row++) {
        int f = row * h, bk = mirror(row) * h, y = row * o;         // →h_t and ←h_t (the latter read at T−1−t)
        for (int j = 0; j < h; j++) {
          double a = fwd.out[f + j], c = bwd.out[bk + j];
          switch (mode) {
            case CONCAT -> {
              out[y + j] = a;
              out[y + h + j] = c;
            }
            case SUM -> out[y + j] = a + c;
            case AVERAGE -> out[y + j] = (a + c) * 0.5;
            case MULTIPLY -> out[y + j] = a * c;
          }
        }
      }
    }

    @Override
    void backward(double[] w, double[] dOut, double[][] acc) {
      int x = input, h = fwd.hidden, o = outputSize(), n = steps * batch;
      dF = grow(dF, (long) n * h);
      dB = grow(dB, (long) n * h);                                // in the backward direction's own order
      for (int row = 0; row < n; row++) {
        int y = row * o, f = row * h, bk = mirror(row) * h;
        for (int j = 0; j < h; j++) {
          double d = dOut[y + j];
          switch (mode) {
            case CONCAT -> {
              dF[f + j] = d;
              dB[bk + j] = dOut[y + h + j];
            }
            case SUM -> {
              dF[f + j] = d;
              dB[bk + j] = d;
            }
            case AVERAGE -> {
              dF[f + j] = d * 0.5;
              dB[bk + j] = d * 0.5;
            }
            case MULTIPLY -> {
              dF[f + j] = d * bwd.out[bk + j];                     // y = f ⊙ b ⇒ dy ⊙ b, dy ⊙ f
              dB[bk + j] = d * fwd.out[f + j];
            }
          }
        }
      }
      fwd.backward(w, dF, acc);
      bwd.backward(w, dB, acc);
      boolean ok = fwd.finite && bwd.finite;
      dIn = grow(dIn, (long) n * x);
      for (int row = 0; row < n; row++) {                         // x_t feeds both directions
        int a = row * x, c = mirror(row) * x;
        for (int j = 0; j < x; j++) {
          double v = fwd.dIn[a + j] + bwd.dIn[c + j];
          dIn[a + j] = v;
          ok &= Double.isFinite(v);
        }
      }
      finite = ok;
    }
  }

  /**
   * The output layer and loss of {@link gated.train.Classifier}: y = W_y·h + b_y ({@link gated.model.DenseWeights},
   * W_y [C, H] then b_y), −log softmax(y)_target as {@link gated.train.Loss#softmaxCrossEntropy} computes it.
   */
  static final class Head {
    final int inputs;
    final int classes;
    final int offset;
    private final double[] z, e;

    Head(int inputs, int classes, int offset) {
      this.inputs = inputs;
      this.classes = classes;
      this.offset = offset;
      this.z = new double[classes];
      this.e = new double[classes];
    }

    /** z = W_y·h + b_y for the row of h at {@code at}. */
    private void logits(double[] w, double[] h, int at) {
      int bias = offset + classes * inputs;
      for (int k = 0; k < classes; k++) {
        double s = 0;
        int base = offset + k * inputs;
        for (int c = 0; c < inputs; c++) s += w[base + c] * h[at + c];
        z[k] = s + w[bias + k];
      }
    }

    /** The most probable class (the first of equals, as {@link gated.tensor.Vec#argmax}); -1 if a logit is not finite. */
    int predict(double[] w, double[] h, int at) {
      logits(w, h, at);
      int best = 0;
      for (int k = 0; k < classes; k++) if (!Double.isFinite(z[k])) return -1;
      for (int k = 1; k < classes; k++) if (z[k] > z[best]) best = k;
      return best;
    }

    /**
     * One target step: returns −log softmax(z)_target (NaN if a logit is not finite), writes
     * ∂L/∂h = W_yᵀ·(p − e_target) into {@code dh} at {@code dAt}, adds ∂L/∂W_y = (p − e_target) ⊗ h and
     * ∂L/∂b_y = p − e_target into {@code a}.
     */
    double step(double[] w, double[] h, int at, int target, double[] dh, int dAt, double[] a) {
      logits(w, h, at);
      double m = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        if (!Double.isFinite(z[k])) return Double.NaN;
        m = Math.max(m, z[k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        e[k] = Math.exp(z[k] - m);
        sum += e[k];
      }
      double loss = Math.log(sum) - (z[target] - m);                // log Σ e^{z − max} − (z_y − max)
      double inv = 1.0 / sum;
      for (int k = 0; k < classes; k++) e[k] = e[k] * inv;         // p = softmax(z)
      e[target] -= 1;                                              // ∂L/∂z = p − e_y
      int bias = offset + classes * inputs;
      for (int c = 0; c < inputs; c++) dh[dAt + c] = 0;
      for (int k = 0; k < classes; k++) {
        double g = e[k];
        int base = offset + k * inputs;
        for (int c = 0; c < inputs; c++) {
          dh[dAt + c] += g * w[base + c];                          // ∂L/∂h = W_yᵀ·dz
          a[base + c] += g * h[at + c];                            // ∂L/∂W_y += dz ⊗ h
        }
        a[bias + k] += g;                                          // ∂L/∂b_y += dz
      }
      return loss;
    }
  }
}
