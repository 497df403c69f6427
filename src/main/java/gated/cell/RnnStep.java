package gated.cell;

import gated.tensor.Vec;

/**
 * One plain RNN step.
 *
 * @param x x_t: [X]
 * @param hPrev h_{t-1}: [H]
 * @param a a_t = W_x·x_t + W_h·h_{t-1} + b: [H]
 * @param h h_t = tanh(a_t): [H]
 */
public record RnnStep(Vec x, Vec hPrev, Vec a, Vec h) {}
