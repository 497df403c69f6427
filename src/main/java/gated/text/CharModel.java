package gated.text;

import gated.internal.Checks;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * A character-level language model: a recurrent core (RNN, GRU, LSTM, …) reads one character per
 * step as a one-hot vector and an output layer turns each hidden state h_t into V logits, the
 * scores whose softmax is the probability of every possible next character.
 *
 * <p>Everything in this package (training with truncated BPTT, evaluation, sampling, the unit
 * search) talks to a model only through this interface, working on minibatches of B rows of T
 * character indices, so any implementation of the core can be plugged in: {@link RecurrentCharModel}
 * runs the course's own cells step by step.
 *
 * @param <P> the weights (and gradients), as one flat list for the optimizer
 */
public interface CharModel<P extends Params<P>> {

  /** A short name for printing, e.g. "LSTM, H = 64". */
  String name();

  /** V: the number of characters. */
  int vocabularySize();

  /** H: the number of hidden units (the size of h_t, and of c_t for an LSTM). */
  int hiddenSize();

  P weights();

  CharModel<P> withWeights(P weights);

  /** h_0 = 0 (and c_0 = 0) for each of {@code rows} rows. */
  State zeroState(int rows);

  /** Runs a minibatch from a start state: logits, hidden states and the state reached, no gradient. */
  Forward forward(int[][] inputs, State start);

  /**
   * Runs a minibatch and scores every step against its target, without gradients (held-out text).
   * The default goes through {@link #forward}; a faster path may override it.
   */
  default Scored score(int[][] inputs, int[][] targets, State start) {
    Forward f = forward(inputs, start);
    double nats = 0;
    int n = 0;
    for (int b = 0; b < targets.length; b++) {
      for (int t = 0; t < targets[b].length; t++) {
        nats += Loss.softmaxCrossEntropy(f.logits().get(b).get(t), targets[b][t]).value();   // −ln p(target)
        n++;
      }
    }
    return new Scored(nats, n, f.end());
  }

  /**
   * Runs a minibatch, scores every step against its target with the cross-entropy, and
   * back-propagates through the T steps of the minibatch only (truncated BPTT).
   */
  Training lossAndGradient(int[][] inputs, int[][] targets, State start);

  /**
   * The recurrent state of each row: h (and c for an LSTM). It holds values only, so carrying it into
   * the next minibatch carries no gradient.
   *
   * @param h h of each row
   * @param c c of each row, or an empty list for a model without a cell state
   */
  record State(List<Vec> h, List<Vec> c) {
    public State {
      Checks.notNull("recurrent state", "h", h);
      Checks.notNull("recurrent state", "c", c);
      h = List.copyOf(h);
      c = List.copyOf(c);
      if (!c.isEmpty() && c.size() != h.size()) {
        throw new IllegalArgumentException("recurrent state: " + h.size() + " rows of h but " + c.size() + " rows of c");
      }
    }

    public int rows() {
      return h.size();
    }

    public boolean hasCell() {
      return !c.isEmpty();
    }

    /** Zeros for {@code rows} rows of size H, with or without a cell state. */
    public static State zeros(int rows, int hidden, boolean withCell) {
      List<Vec> h = new ArrayList<>();
      for (int r = 0; r < rows; r++) h.add(Vec.zeros(hidden));
      return new State(h, withCell ? h : List.of());
    }
  }

  /**
   * What a forward pass computed, row by row and step by step.
   *
   * @param logits logits.get(b).get(t): the V scores after reading input [b][t]
   * @param hidden h_t of row b after step t
   * @param cell c_t of row b after step t (empty lists for a model without a cell state)
   * @param end the state after the last step
   */
  record Forward(List<List<Vec>> logits, List<List<Vec>> hidden, List<List<Vec>> cell, State end) {}

  /**
   * A minibatch scored without gradients.
   *
   * @param loss Σ −ln p(target) over every row and step, in nats
   * @param characters how many characters were predicted
   * @param end the state after the last step
   */
  record Scored(double loss, int characters, State end) {}

  /**
   * One training minibatch.
   *
   * @param loss Σ over every row and step of −ln p(target), in nats
   * @param characters how many characters were predicted (B·T)
   * @param gradient ∂(loss / characters)/∂θ: the gradient of the mean loss per character
   * @param end the state after the last step, to carry into the next minibatch
   */
  record Training<P>(double loss, int characters, P gradient, State end) {
    public double bitsPerChar() {
      return Bits.fromNats(loss / characters);
    }
  }
}
