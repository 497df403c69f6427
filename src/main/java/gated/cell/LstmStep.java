package gated.cell;

import gated.internal.Checks;
import gated.tensor.Vec;

/**
 * Everything one LSTM step computed, under the names of the equations. All vectors have the hidden
 * size H except x, which has the input size X.
 *
 * <p>A step built by hand is checked like one the cell computed: every vector present, of the right
 * size, and finite, so that a backward pass never starts from NaN.
 *
 * @param x x_t
 * @param hPrev h_{t-1}
 * @param cPrev c_{t-1}
 * @param zf z_f = W_f·[h_{t-1}; x_t] + b_f
 * @param f f_t = σ(z_f)
 * @param zi z_i = W_i·[h_{t-1}; x_t] + b_i
 * @param i i_t = σ(z_i)
 * @param zg z_g = W_g·[h_{t-1}; x_t] + b_g
 * @param g g_t = c̃_t = tanh(z_g)
 * @param zo z_o = W_o·[h_{t-1}; x_t] + b_o
 * @param o o_t = σ(z_o)
 * @param c c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t
 * @param tanhC tanh(c_t)
 * @param h h_t = o_t ⊙ tanh(c_t)
 */
public record LstmStep(Vec x, Vec hPrev, Vec cPrev, Vec zf, Vec f, Vec zi, Vec i, Vec zg, Vec g, Vec zo, Vec o,
    Vec c, Vec tanhC, Vec h) {

  public LstmStep {
    String op = "LSTM step record";
    Checks.finite(op, "x_t", x);
    int n = Checks.notNull(op, "h_t", h).size();
    String hidden = "the hidden size (the size of h_t)";
    Checks.vector(op, "h_{t-1}", hPrev, n, hidden);
    Checks.vector(op, "c_{t-1}", cPrev, n, hidden);
    Checks.vector(op, "z_f", zf, n, hidden);
    Checks.vector(op, "f_t", f, n, hidden);
    Checks.vector(op, "z_i", zi, n, hidden);
    Checks.vector(op, "i_t", i, n, hidden);
    Checks.vector(op, "z_g", zg, n, hidden);
    Checks.vector(op, "g_t", g, n, hidden);
    Checks.vector(op, "z_o", zo, n, hidden);
    Checks.vector(op, "o_t", o, n, hidden);
    Checks.vector(op, "c_t", c, n, hidden);
    Checks.vector(op, "tanh(c_t)", tanhC, n, hidden);
    Checks.finite(op, "h_t", h);
  }

  /** c̃_t, the same vector as {@link #g()}. */
  public Vec candidate() {
    return g;
  }

  /** The activation of one block: f, i, c̃ or o. */
  public Vec gate(LstmGate gate) {
    return switch (Checks.notNull("LSTM step", "gate", gate)) {
      case FORGET -> f;
      case INPUT -> i;
      case CANDIDATE -> g;
      case OUTPUT -> o;
    };
  }

  /** The pre-activation of one block: z_f, z_i, z_g or z_o. */
  public Vec preActivation(LstmGate gate) {
    return switch (Checks.notNull("LSTM step", "gate", gate)) {
      case FORGET -> zf;
      case INPUT -> zi;
      case CANDIDATE -> zg;
      case OUTPUT -> zo;
    };
  }
}
