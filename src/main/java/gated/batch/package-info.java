/**
 * The batched path: recurrent layers run over a whole minibatch with matrix products, for training
 * on real data at real speed. The teaching path ({@code gated.cell}, {@code gated.model}) stays as it
 * is, reading like the equations; this package computes the same values and gradients (the tests
 * compare every one: within 1e-9 in double, 1e-4 relative in float) and is what {@code ./course
 * bench} measures.
 *
 * <h2>What is here</h2>
 * <ul>
 *   <li>{@link gated.batch.BatchLstm}, {@link gated.batch.BatchGru}, {@link gated.batch.BatchRnn}:
 *       one layer, from the teaching path's weights records, in {@link gated.batch.Precision#DOUBLE}
 *       or {@link gated.batch.Precision#FLOAT}; {@code reversed(…)} reads right to left.</li>
 *   <li>{@link gated.batch.BatchStack} and {@link gated.batch.BatchBidirectional} on top of them.</li>
 *   <li>{@link gated.batch.BatchDense}: the output layer and the mean softmax cross-entropy.</li>
 *   <li>Inputs: {@link gated.batch.SeqBatch} (dense vectors, [T, B, F]) or {@link gated.batch.Tokens}
 *       (indices, read as one-hot without building the vectors). {@link gated.batch.State} carries
 *       (h, c) from one segment to the next.</li>
 *   <li>{@link gated.batch.BatchClassifier}: what {@code gated.train.Trainer.fit} runs on. It is the
 *       exception to "matrix products": a classifier's whole training run must give the teaching
 *       path's History, and training amplifies a difference in the last bit (lesson 02's exploding
 *       RNN: 5e-4 in the weights after 300 SGD steps when the products sum in another order). So it
 *       computes the teaching path's products and sums in the teaching path's order, B sequences at a
 *       time in reused arrays, and every number comes out with the same bits.</li>
 * </ul>
 *
 * <h2>A language model's training step (truncated back-propagation through time)</h2>
 * <pre>{@code
 * BatchLstm lstm = BatchLstm.of(LstmWeights.random(hidden, vocab, rng), Precision.DOUBLE);
 * BatchDense head = BatchDense.of(DenseWeights.random(vocab, hidden, rng), Precision.DOUBLE);
 * Adam adam = Adam.withLearningRate(0.002);
 * State state = lstm.zeroState(batch);
 * Progress progress = Progress.of(steps).lossName("bits/char");
 * for (int s = 0; s < steps; s++) {
 *   Tokens x = …, y = …;                                        // [B][T]: y is x shifted by one character
 *   BatchLstm.LstmTrace tr = lstm.forward(x, state);            // h_1 … h_T from the carried state
 *   BatchDense.Fit fit = head.softmaxCrossEntropy(tr.outputs(), y);
 *   BatchGradients<LstmWeights> g = lstm.backward(tr, fit.dInputs());   // the gradient stops at the segment start
 *   ClassifierWeights<LstmWeights> grad = Clip.byGlobalNorm(new ClassifierWeights<>(g.dWeights(), fit.dWeights()), 5);
 *   ClassifierWeights<LstmWeights> w = adam.step(new ClassifierWeights<>(lstm.weights(), head.weights()), grad);
 *   lstm = lstm.withWeights(w.encoder());
 *   head = head.withWeights(w.head());
 *   state = tr.finalState();                                    // carried into the next segment
 *   progress.step(fit.bits());                                  // one call per minibatch
 * }
 * progress.finish();
 * }</pre>
 * Gradients come back in the teaching path's records, so {@code gated.train}'s {@code Adam},
 * {@code Sgd} and {@code Clip} apply unchanged.
 *
 * <h2>Layout and products</h2>
 * Everything is row form, as in seed 001's bundled weights: a step computes Z_t = X_t·W_x +
 * H_{t-1}·W_h + b for all B sequences at once, X_t: [B, X], H_{t-1}: [B, H]. The numbers of a
 * minibatch are stored time-major, row t·B + b holding step t of sequence b, so the T·B rows form
 * one matrix and the B rows of a step are adjacent. Per forward pass: the input projection X·W_x
 * of every step as one product [T·B, X]·[X, G·H] (a row copy for tokens), then one product per step
 * [B, H]·[H, G·H] (two for the GRU, whose reset gate sits between h and W_hh). Per backward pass:
 * one product per step for ∂L/∂H_{t-1}, then ∂L/∂W_x = Xᵀ·∂L/∂Z and ∂L/∂W_h = H_prevᵀ·∂L/∂Z as one
 * product each over all T·B rows, and ∂L/∂X = ∂L/∂Z·W_xᵀ. Gate blocks: LSTM f, g, i, o (seed 001's
 * order, {@link gated.cell.FusedLstmWeights}); GRU r, z, h̃. Each class's comment spells out its
 * shapes. The products are OpenBLAS's (the copy ND4J ships; see {@link gated.batch.Blas}).
 *
 * <h2>Buffers and their lifetime</h2>
 * A layer keeps its buffers (off the Java heap) from call to call, so a training loop allocates no
 * per-step memory; they grow only for a larger minibatch. What a layer hands out (a trace's
 * outputs, an input gradient) is a view of those buffers: readable until the layer's next forward
 * pass (an input gradient: its next pass of either kind). Reading a view after that throws an
 * {@link java.lang.IllegalStateException} saying so; {@link gated.batch.SeqBatch#copy()} keeps one.
 * States and weight gradients are copies. A layer is not meant for two threads at once.
 */
package gated.batch;
