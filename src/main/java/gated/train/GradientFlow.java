package gated.train;

import gated.Interrupt;
import gated.cell.GruStep;
import gated.cell.LstmStep;
import gated.cell.RnnCell;
import gated.internal.Checks;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.Rnn;
import gated.model.SequenceModel;
import gated.model.Sequences;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Instruments for the vanishing-gradient lesson. Each returns one value per distance d = T − t,
 * from d = 0 (the last step) to d = T − 1 (the first step), ready to plot on a log scale.
 */
public final class GradientFlow {
  private GradientFlow() {}

  /**
   * A curve to plot: {@code values.get(d)} belongs to distance d = T − t.
   *
   * @param label the legend entry, e.g. "RNN"
   * @param values one finite value per distance 0 … T−1
   */
  public record Profile(String label, List<Double> values) {
    public Profile {
      Checks.notNull("gradient profile", "label", label);
      Checks.nonEmpty("gradient profile \"" + label + "\"", "the values", values);
      values = List.copyOf(values);
      for (int d = 0; d < values.size(); d++) {
        Checks.finite("gradient profile \"" + label + "\"", "the value at distance " + d, values.get(d));
      }
    }

    public List<Integer> distances() {
      List<Integer> d = new ArrayList<>();
      for (int k = 0; k < values.size(); k++) d.add(k);
      return d;
    }

    public double at(int distance) {
      return values.get(Checks.index("gradient profile \"" + label + "\"", "distance", distance, values.size()));
    }
  }

  /**
   * ‖∂L/∂h_t‖ for L = u·h_T with u = (1, …, 1)/√H: how strongly the loss at the last step still
   * reaches the hidden state d steps earlier. Works for any {@link SequenceModel}.
   */
  public static Profile hiddenGradientNorms(String label, SequenceModel<?> model, List<Vec> xs) {
    Checks.notNull("gradient flow", "model", model);
    SequenceModel.Trace trace = model.forward(xs);
    int steps = trace.length();
    Vec u = Vec.fill(model.outputSize(), 1 / Math.sqrt(model.outputSize()));
    List<Vec> dh = model.backward(trace, Sequences.onlyLast(steps, u)).dHidden();
    return byDistance(label, dh.stream().map(GradientFlow::norm).toList());
  }

  /** ‖∂L/∂c_t‖ for the same loss L = u·h_T, through the LSTM's cell-state path. */
  public static Profile cellGradientNorms(String label, Lstm lstm, List<Vec> xs) {
    Checks.notNull("gradient flow", "LSTM", lstm);
    Lstm.LstmTrace trace = lstm.forward(xs);
    int steps = trace.steps().size();
    Vec u = Vec.fill(lstm.outputSize(), 1 / Math.sqrt(lstm.outputSize()));
    List<Vec> dc = lstm.backwardWithCell(trace, Sequences.onlyLast(steps, u)).dCell();
    return byDistance(label, dc.stream().map(GradientFlow::norm).toList());
  }

  /**
   * ‖∂L/∂c_t‖ for L = u·h_T as above, on the run that starts from the state (h_0, c_0) rather than from
   * zero: the run a lesson plots after {@code lstm.forward(xs, h0, c0)}. The total gradient, through the
   * cell-state path and through h_t and the gates.
   */
  public static Profile cellGradientNorms(String label, Lstm lstm, List<Vec> xs, Vec h0, Vec c0) {
    Checks.notNull("gradient flow", "LSTM", lstm);
    String op = "gradient flow from (h_0, c_0)";
    Checks.vector(op, "h_0", h0, lstm.outputSize(), "the hidden size H");
    Checks.vector(op, "c_0", c0, lstm.outputSize(), "the hidden size H");
    Lstm.LstmTrace trace = lstm.forward(xs, h0, c0);
    int steps = trace.steps().size();
    Vec u = Vec.fill(lstm.outputSize(), 1 / Math.sqrt(lstm.outputSize()));
    List<Vec> dc = lstm.backwardWithCell(trace, Sequences.onlyLast(steps, u)).dCell();
    return byDistance(label, dc.stream().map(Vec::norm).toList());
  }

  /**
   * The mean over units of Π_{k=t+1}^{T} f_k: the factor by which the direct cell-state path
   * c_t → c_T scales a gradient, since ∂c_k/∂c_{k-1} = diag(f_k) along that path.
   */
  public static Profile forgetGateProducts(String label, Lstm.LstmTrace trace) {
    Checks.notNull("forget gate products", "trace", trace);
    return gateProducts(label, trace.steps().stream().map(LstmStep::f).toList(), false);
  }

  /**
   * ‖Π_{k=t+1}^{T} diag(f_k)‖₂, the spectral norm of the partial derivative ∂c_T/∂c_t along the direct
   * cell-state path (h held fixed): for a diagonal matrix the largest |entry|, so the largest Π f_k over
   * the units. The same statistic as {@link #rnnJacobianProducts} for the RNN.
   */
  public static Profile forgetGateProductNorms(String label, Lstm.LstmTrace trace) {
    Checks.notNull("forget gate product norms", "trace", trace);
    return gateProducts(label, trace.steps().stream().map(LstmStep::f).toList(), true);
  }

  /**
   * The mean over units of Π_{k=t+1}^{T} Z_k for a GRU: the factor of the direct path
   * H_{t-1} → H_t, since H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t contains diag(Z_t) in ∂H_t/∂H_{t-1}.
   */
  public static Profile updateGateProducts(String label, gated.model.Gru.GruTrace trace) {
    Checks.notNull("update gate products", "trace", trace);
    return gateProducts(label, trace.steps().stream().map(GruStep::z).toList(), false);
  }

  /**
   * ‖Π_{k=t+1}^{T} diag(Z_k)‖₂ for a GRU: the spectral norm of the direct path's term, the largest
   * Π Z_k over the units. The same statistic as {@link #rnnJacobianProducts} for the RNN.
   */
  public static Profile updateGateProductNorms(String label, gated.model.Gru.GruTrace trace) {
    Checks.notNull("update gate product norms", "trace", trace);
    return gateProducts(label, trace.steps().stream().map(GruStep::z).toList(), true);
  }

  /** Π of the gate over the last d steps, d = 0 … T−1, as the mean over units or (largest) the spectral norm. */
  private static Profile gateProducts(String label, List<Vec> gates, boolean largest) {
    int n = gates.size();
    List<Double> values = new ArrayList<>();
    Vec product = Vec.fill(gates.get(0).size(), 1.0);
    values.add(1.0);                                               // d = 0: the empty product
    for (int t = n - 1; t >= 1; t--) {
      product = product.hadamard(gates.get(t));                    // Π over k = t … T−1 (1-based t+1 … T)
      values.add(largest ? product.max() : product.sum() / product.size());
    }
    return new Profile(label, values);
  }

  /**
   * ‖Π_{k=t+1}^{T} ∂h_k/∂h_{k-1}‖₂ for a plain RNN, where ∂h_k/∂h_{k-1} = diag(1 − h_k²)·W_h.
   * The spectral norm is found by power iteration.
   */
  public static Profile rnnJacobianProducts(String label, Rnn rnn, Rnn.RnnTrace trace) {
    String op = "RNN Jacobian products";
    Checks.notNull(op, "RNN", rnn);
    Checks.notNull(op, "trace", trace);
    if (trace.weights() != null && !trace.weights().equals(rnn.weights())) {
      throw new IllegalArgumentException(op + ": the trace was recorded by " + trace.weights().shapes()
          + " with other weights than this RNN's (" + rnn.weights().shapes() + ")");
    }
    RnnCell cell = rnn.cell();
    int n = trace.steps().size();
    int h = rnn.outputSize();
    List<Double> values = new ArrayList<>();
    Matrix product = Matrix.identity(h);
    values.add(1.0);
    for (int t = n - 1; t >= 1; t--) {
      int d = n - t;
      Interrupt.check(() -> "interrupted at distance " + d + " of " + (n - 1) + " of the Jacobian products");
      product = product.times(cell.jacobian(trace.step(t)));       // ∂h_T/∂h_{t-1} = (∂h_T/∂h_t)·(∂h_t/∂h_{t-1})
      values.add(spectralNorm(product));
    }
    return new Profile(label, values);
  }

  /**
   * The largest singular value of m, by power iteration on mᵀm. A matrix with very large or very small
   * entries is first scaled by a power of two (exact in floating point), so that mᵀm cannot overflow.
   */
  public static double spectralNorm(Matrix m) {
    Checks.notNull("spectral norm ‖M‖₂", "M", m);
    Checks.finite("spectral norm ‖M‖₂", "M", m);
    double largest = 0;
    for (double v : m.toArray()) largest = Math.max(largest, Math.abs(v));
    if (largest == 0) return 0;
    int e = Math.getExponent(largest);
    if (e > 200 || e < -200) {
      double s = Math.scalb(1.0, -e);
      return Checks.finiteResult("spectral norm ‖M‖₂", powerIteration(m.scale(s)) / s);
    }
    return powerIteration(m);
  }

  private static double powerIteration(Matrix m) {
    Matrix mtm = m.transpose().times(m);
    Vec v = Vec.fill(m.cols(), 1 / Math.sqrt(m.cols()));
    double lambda = 0;
    for (int k = 0; k < 200; k++) {
      Vec w = mtm.times(v);
      double n = w.norm();
      if (n == 0) return 0;
      v = w.scale(1 / n);
      if (Math.abs(n - lambda) <= 1e-14 * n) {
        lambda = n;
        break;
      }
      lambda = n;
    }
    return Math.sqrt(lambda);
  }

  /**
   * ‖v‖₂, exactly {@link Vec#norm()} when Σ v_k² fits in a double, and computed on v scaled by a power of
   * two when it does not, so that a large but representable gradient norm is reported as a number.
   */
  private static double norm(Vec v) {
    double n = v.norm();
    if (Double.isFinite(n)) return n;
    int e = Math.getExponent(v.map(Math::abs).max());
    double s = Math.scalb(1.0, -e);
    return Checks.finiteResult("gradient norm ‖∂L/∂h_t‖", v.scale(s).norm() / s);
  }

  private static Profile byDistance(String label, List<Double> byTime) {
    List<Double> out = new ArrayList<>(byTime);
    Collections.reverse(out);                                      // index t → index T − t
    return new Profile(label, out);
  }
}
