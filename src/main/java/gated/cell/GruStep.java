package gated.cell;

import gated.internal.Checks;
import gated.tensor.Vec;

/**
 * One GRU step, named as in seed 003. A step built by hand is checked like a computed one: present,
 * sized, finite.
 *
 * @param x X_t: [X]
 * @param hPrev H_{t-1}: [H]
 * @param zr pre-activation of the reset gate: [H]
 * @param r R_t = σ(zr): [H]
 * @param zz pre-activation of the update gate: [H]
 * @param z Z_t = σ(zz): [H]
 * @param zh pre-activation of the candidate: [H]
 * @param hTilde H̃_t = tanh(zh): [H]
 * @param h H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t: [H]
 */
public record GruStep(Vec x, Vec hPrev, Vec zr, Vec r, Vec zz, Vec z, Vec zh, Vec hTilde, Vec h) {

  public GruStep {
    String op = "GRU step record";
    Checks.finite(op, "X_t", x);
    int n = Checks.finite(op, "H_t", h).size();
    String hidden = "the hidden size (the size of H_t)";
    Checks.vector(op, "H_{t-1}", hPrev, n, hidden);
    Checks.vector(op, "zr", zr, n, hidden);
    Checks.vector(op, "R_t", r, n, hidden);
    Checks.vector(op, "zz", zz, n, hidden);
    Checks.vector(op, "Z_t", z, n, hidden);
    Checks.vector(op, "zh", zh, n, hidden);
    Checks.vector(op, "H̃_t", hTilde, n, hidden);
  }
}
