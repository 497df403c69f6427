package gated.cell;

import gated.tensor.Vec;

/**
 * Everything one LSTM step computed, under the names of the equations. All vectors have the hidden
 * size H except x, which has the input size X.
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

  /** c̃_t, the same vector as {@link #g()}. */
  public Vec candidate() {
    return g;
  }

  /** The activation of one block: f, i, c̃ or o. */
  public Vec gate(LstmGate gate) {
    return switch (gate) {
      case FORGET -> f;
      case INPUT -> i;
      case CANDIDATE -> g;
      case OUTPUT -> o;
    };
  }

  /** The pre-activation of one block: z_f, z_i, z_g or z_o. */
  public Vec preActivation(LstmGate gate) {
    return switch (gate) {
      case FORGET -> zf;
      case INPUT -> zi;
      case CANDIDATE -> zg;
      case OUTPUT -> zo;
    };
  }
}
