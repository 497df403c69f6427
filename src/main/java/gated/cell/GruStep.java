package gated.cell;

import gated.tensor.Vec;

/**
 * One GRU step, named as in seed 003.
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
public record GruStep(Vec x, Vec hPrev, Vec zr, Vec r, Vec zz, Vec z, Vec zh, Vec hTilde, Vec h) {}
