package gated.cell;

import static gated.cell.Activations.sigmoid;
import static gated.cell.Activations.tanh;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;

/**
 * One LSTM cell (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000):
 *
 * <pre>
 *   f_t = σ(W_f·[h_{t-1}; x_t] + b_f)        forget gate
 *   i_t = σ(W_i·[h_{t-1}; x_t] + b_i)        input gate
 *   c̃_t = tanh(W_g·[h_{t-1}; x_t] + b_g)     candidate (g_t)
 *   o_t = σ(W_o·[h_{t-1}; x_t] + b_o)        output gate
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t         cell state (long-term memory)
 *   h_t = o_t ⊙ tanh(c_t)                    hidden state (short-term memory)
 * </pre>
 *
 * {@link #step} takes x_t, h_{t-1} and c_{t-1} and returns every intermediate value;
 * {@link #backward} differentiates that step, line by line, just below it.
 */
public record LstmCell(LstmWeights weights) {

  public LstmCell {
    Checks.notNull("LSTM cell", "weights", weights);
    weights.requireFinite("LSTM cell");
  }

  public static LstmCell of(LstmWeights weights) {
    return new LstmCell(weights);
  }

  public int hiddenSize() {
    return weights.hiddenSize();
  }

  public int inputSize() {
    return weights.inputSize();
  }

  /** Takes x_t, h_{t-1} and c_{t-1}; returns the step record holding h_t, c_t and every gate. */
  public LstmStep step(Vec x, Vec hPrev, Vec cPrev) {
    String op = "LSTM step";
    Checks.notNull(op, "x_t", x);
    Checks.notNull(op, "h_{t-1}", hPrev);
    Checks.vector(op, "c_{t-1}", cPrev, hiddenSize(), "the hidden size");
    Checks.finite(op, "x_t", x);
    Checks.finite(op, "h_{t-1}", hPrev);
    if (hPrev.size() != hiddenSize()) {
      throw new IllegalArgumentException(op + ": h_{t-1} has " + hPrev.size() + " entries but the hidden size is "
          + hiddenSize());
    }
    Vec hx = hPrev.concat(x);                                                   // [h_{t-1}; x_t]: [H+X]
    Vec zf = weights.forget().preActivation("forget gate", "f", hx);          // z_f = W_f·[h;x] + b_f
    Vec f = sigmoid(zf);                                                        // f_t = σ(z_f)
    Vec zi = weights.input().preActivation("input gate", "i", hx);            // z_i = W_i·[h;x] + b_i
    Vec i = sigmoid(zi);                                                        // i_t = σ(z_i)
    Vec zg = weights.candidate().preActivation("candidate", "g", hx);         // z_g = W_g·[h;x] + b_g
    Vec g = tanh(zg);                                                           // c̃_t = tanh(z_g)
    Vec zo = weights.output().preActivation("output gate", "o", hx);          // z_o = W_o·[h;x] + b_o
    Vec o = sigmoid(zo);                                                        // o_t = σ(z_o)
    Vec c = f.hadamard(cPrev).plus(i.hadamard(g));                                   // c_t = f ⊙ c_{t-1} + i ⊙ c̃
    Vec tanhC = tanh(c);                                                        // tanh(c_t)
    Vec h = o.hadamard(tanhC);                                                     // h_t = o ⊙ tanh(c_t)
    return new LstmStep(x, hPrev, cPrev, zf, f, zi, i, zg, g, zo, o, c, tanhC, h);
  }

  /**
   * The gradients of one step.
   *
   * @param dWeights ∂L/∂W and ∂L/∂b for each gate (same shapes as the weights)
   * @param dx ∂L/∂x_t
   * @param dhPrev ∂L/∂h_{t-1} through this step
   * @param dcPrev ∂L/∂c_{t-1} through this step
   */
  public record Grad(LstmWeights dWeights, Vec dx, Vec dhPrev, Vec dcPrev) {}

  /**
   * Back-propagates through one step: given ∂L/∂h_t and ∂L/∂c_t arriving from above and from the
   * future, returns the gradients of the weights and of x_t, h_{t-1}, c_{t-1}.
   */
  public Grad backward(LstmStep s, Vec dh, Vec dc) {
    final String op = "LSTM backward";
    Checks.notNull(op, "step", s);
    requireOwnStep(op, s.x(), s.h());
    Checks.gradient(op, "∂L/∂h_t", dh, hiddenSize());
    Checks.gradient(op, "∂L/∂c_t", dc, hiddenSize());
    return Checks.equation(op + ": the gradient overflowed (an exploding gradient)", () -> differentiate(s, dh, dc));
  }

  /**
   * A step belongs to this cell when its x_t has X entries and its h_t has H: then every gradient below
   * has the shape of the weights. A step from another cell is refused, naming both sizes.
   */
  private void requireOwnStep(String op, Vec x, Vec h) {
    if (x.size() != inputSize() || h.size() != hiddenSize()) {
      throw new IllegalArgumentException(op + ": the step has x_t of " + x.size() + " entries and h_t of " + h.size()
          + " but this cell reads x_t of " + inputSize() + " and keeps h_t of " + hiddenSize() + " (W_f is "
          + weights.forget().w().shape() + " on [h_{t-1}; x_t]); the step came from another cell");
    }
  }

  private Grad differentiate(LstmStep s, Vec dh, Vec dc) {
    Vec one = Vec.fill(hiddenSize(), 1.0);
    Vec dO = dh.hadamard(s.tanhC());                                          // h = o ⊙ tanh(c)  ⇒ ∂L/∂o = dh ⊙ tanh(c)
    Vec dC = dc.plus(dh.hadamard(s.o()).hadamard(one.minus(s.tanhC().hadamard(s.tanhC())))); // ⇒ ∂L/∂c += dh ⊙ o ⊙ (1 − tanh²c)
    Vec dF = dC.hadamard(s.cPrev());                                          // c = f ⊙ c_{t-1} + i ⊙ g  ⇒ ∂L/∂f = dc ⊙ c_{t-1}
    Vec dCPrev = dC.hadamard(s.f());                                          //                          ⇒ ∂L/∂c_{t-1} = dc ⊙ f
    Vec dI = dC.hadamard(s.g());                                              //                          ⇒ ∂L/∂i = dc ⊙ g
    Vec dG = dC.hadamard(s.i());                                              //                          ⇒ ∂L/∂g = dc ⊙ i
    Vec dzf = dF.hadamard(s.f()).hadamard(one.minus(s.f()));                      // f = σ(z_f)  ⇒ ∂L/∂z_f = df ⊙ f(1 − f)
    Vec dzi = dI.hadamard(s.i()).hadamard(one.minus(s.i()));                      // i = σ(z_i)  ⇒ ∂L/∂z_i = di ⊙ i(1 − i)
    Vec dzg = dG.hadamard(one.minus(s.g().hadamard(s.g())));                      // g = tanh(z_g) ⇒ ∂L/∂z_g = dg ⊙ (1 − g²)
    Vec dzo = dO.hadamard(s.o()).hadamard(one.minus(s.o()));                      // o = σ(z_o)  ⇒ ∂L/∂z_o = do ⊙ o(1 − o)
    Vec hx = s.hPrev().concat(s.x());                                       // [h_{t-1}; x_t]
    LstmWeights dW = new LstmWeights(                                       // z = W·[h;x] + b ⇒ ∂L/∂W = dz ⊗ [h;x], ∂L/∂b = dz
        new GateWeights(Matrix.outer(dzf, hx), dzf),
        new GateWeights(Matrix.outer(dzi, hx), dzi),
        new GateWeights(Matrix.outer(dzg, hx), dzg),
        new GateWeights(Matrix.outer(dzo, hx), dzo));
    Vec dhx = Checks.gradientResult("LSTM backward", "[∂L/∂h_{t-1}; ∂L/∂x_t]", "Σ_k W_kᵀ·dz_k",
        () -> dzf.times(weights.forget().w())                               // ⇒ ∂L/∂[h;x] = Σ_k W_kᵀ·dz_k (row form dz·W)
            .plus(dzi.times(weights.input().w()))
            .plus(dzg.times(weights.candidate().w()))
            .plus(dzo.times(weights.output().w())));
    int h = hiddenSize();
    return new Grad(dW, dhx.slice(h, dhx.size()), dhx.slice(0, h), dCPrev);
  }
}
