package gated.batch;

/**
 * What a batched backward pass returns.
 *
 * @param dWeights ∂L/∂(every weight), summed over every step of every sequence, in the teaching
 *     path's record (so gated.train's optimizers and clipping take it as they are)
 * @param dInputs ∂L/∂x_t for every step and sequence, [T, B, X] (a view, readable until the
 *     layer's next pass), or null when the inputs were {@link Tokens}
 * @param dInitial ∂L/∂(initial state), parts as in {@link State}
 * @param <W> the weights record
 */
public record BatchGradients<W>(W dWeights, SeqBatch dInputs, State dInitial) {}
