package gated.cell;

import gated.internal.Checks;
import gated.tensor.Vec;

/**
 * One plain RNN step. A step built by hand is checked like a computed one: present, sized, finite.
 *
 * @param x x_t: [X]
 * @param hPrev h_{t-1}: [H]
 * @param a a_t = W_x·x_t + W_h·h_{t-1} + b: [H]
 * @param h h_t = tanh(a_t): [H]
 */
public record RnnStep(Vec x, Vec hPrev, Vec a, Vec h) {

  public RnnStep {
    String op = "RNN step record";
    Checks.finite(op, "x_t", x);
    int n = Checks.finite(op, "h_t", h).size();
    Checks.vector(op, "h_{t-1}", hPrev, n, "the hidden size (the size of h_t)");
    Checks.vector(op, "a_t", a, n, "the hidden size (the size of h_t)");
  }
}
