package gated.model;

import gated.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter counts with a line per weight matrix and bias, so every total can be read term by term.
 *
 * <p>A recurrent block with input size X and hidden size H has a weight matrix H×(X+H) and a bias.
 * How many biases depends on the convention:
 * <ul>
 *   <li>{@link Bias#ONE}: one bias vector per gate, as in the seeds and Keras;</li>
 *   <li>{@link Bias#TWO}: two per gate (b_ih and b_hh), as in PyTorch and cuDNN;</li>
 *   <li>{@link Bias#NONE}: no biases, as seed 003's worked totals count.</li>
 * </ul>
 * So per layer: RNN H(X+H) + kH, LSTM 4[H(X+H) + kH], GRU 3[H(X+H) + kH], with k = 0, 1 or 2 bias
 * vectors per block. Sequence length never appears: the weights are shared across time.
 */
public final class ParamCount {
  private ParamCount() {}

  /** How many bias vectors each gate (or the RNN's one block) has. */
  public enum Bias {
    NONE(0), ONE(1), TWO(2);

    private final int perGate;

    Bias(int perGate) {
      this.perGate = perGate;
    }

    public int perGate() {
      return perGate;
    }
  }

  /** The recurrent cell types. */
  public enum Cell {
    RNN(1, new String[] {"h"}), LSTM(4, new String[] {"f", "i", "g", "o"}), GRU(3, new String[] {"r", "z", "h̃"});

    private final int blocks;
    private final String[] names;

    Cell(int blocks, String[] names) {
      this.blocks = blocks;
      this.names = names;
    }

    public int blocks() {
      return blocks;
    }
  }

  /**
   * One term of a count.
   *
   * @param layer e.g. "LSTM layer 1" or "embedding"
   * @param part e.g. "W_f" or "b_f"
   * @param shape e.g. "3×7"
   * @param weights how many weights this term has
   * @param biases how many biases this term has
   */
  public record Term(String layer, String part, String shape, long weights, long biases) {
    public Term {
      Checks.notNull("parameter count", "layer", layer);
      Checks.notNull("parameter count", "part", part);
      Checks.notNull("parameter count", "shape", shape);
      if (weights < 0 || biases < 0) {
        throw new IllegalArgumentException("parameter count: the term \"" + layer + "\" \"" + part + "\" has " + weights
            + " weights and " + biases + " biases; counts cannot be negative");
      }
      plus(layer + " " + part + ": weights + biases", weights, biases);
    }

    public long total() {
      return weights + biases;
    }
  }

  /** A list of terms and their totals. */
  public record Breakdown(List<Term> terms) {
    /** Every total is computed once here, so that a count too large for a long is an error, never negative. */
    public Breakdown {
      Checks.noNulls("parameter count", "the terms", terms);
      if (terms.size() > MAX_TERMS) {
        throw new IllegalArgumentException("parameter count: " + terms.size() + " terms, more than a breakdown lists ("
            + MAX_TERMS + ")");
      }
      terms = List.copyOf(terms);
      long w = 0, b = 0;
      for (Term t : terms) {
        w = ParamCount.plus("the number of weights", w, t.weights());
        b = ParamCount.plus("the number of biases", b, t.biases());
      }
      ParamCount.plus("the total", w, b);
    }

    public long total() {
      return weights() + biases();
    }

    public long weights() {
      return terms.stream().mapToLong(Term::weights).sum();
    }

    public long biases() {
      return terms.stream().mapToLong(Term::biases).sum();
    }

    /** The subtotal of one layer. */
    public long layerTotal(String layer) {
      return terms.stream().filter(t -> t.layer().equals(layer)).mapToLong(Term::total).sum();
    }

    /** Layer names in order of appearance. */
    public List<String> layers() {
      return terms.stream().map(Term::layer).distinct().toList();
    }

    public Breakdown plus(Breakdown other) {
      Checks.notNull("parameter count", "the other breakdown", other);
      List<Term> all = new ArrayList<>(terms);
      all.addAll(other.terms);
      return new Breakdown(all);
    }

    /** "a + b + … = total", the sum a student writes out. */
    public String sum() {
      StringBuilder b = new StringBuilder();
      for (Term t : terms) {
        if (t.total() == 0) continue;
        if (b.length() > 0) b.append(" + ");
        b.append(t.total());
      }
      return b.append(" = ").append(total()).toString();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(String.format("%-16s %-6s %-8s %8s %8s%n", "layer", "part", "shape", "weights",
          "biases"));
      for (Term t : terms) {
        b.append(String.format("%-16s %-6s %-8s %8d %8d%n", t.layer(), t.part(), t.shape(), t.weights(), t.biases()));
      }
      return b.append(String.format("%-32s %8d %8d  total %d", "", weights(), biases(), total())).toString();
    }
  }

  /** One gate: W is H×(H+X) on [h_{t-1}; x_t], plus its bias (seed 000: H=3, X=4 gives 21 + 3). */
  public static Breakdown gate(String layer, String symbol, int input, int hidden, Bias bias) {
    Checks.positive("parameter count", "input size", input);
    Checks.positive("parameter count", "hidden size", hidden);
    Checks.notNull("parameter count", "bias convention", bias);
    Checks.notNull("parameter count", "layer", layer);
    Checks.notNull("parameter count", "symbol", symbol);
    long width = (long) hidden + input;                       // H + X, as a long: never wraps round
    List<Term> t = new ArrayList<>();
    t.add(new Term(layer, "W_" + symbol, hidden + "×" + width, times("W_" + symbol + ": H·(H + X)", hidden, width), 0));
    if (bias.perGate() > 0) {
      t.add(new Term(layer, "b_" + symbol, bias.perGate() == 1 ? String.valueOf(hidden) : bias.perGate() + "×" + hidden,
          0, (long) bias.perGate() * hidden));
    }
    return new Breakdown(t);
  }

  /** One recurrent layer, gate by gate. */
  public static Breakdown layer(Cell cell, String layer, int input, int hidden, Bias bias) {
    Checks.notNull("parameter count", "cell type", cell);
    Breakdown b = new Breakdown(List.of());
    for (String g : cell.names) b = b.plus(gate(layer, g, input, hidden, bias));
    return b;
  }

  public static Breakdown rnn(int input, int hidden, Bias bias) {
    return layer(Cell.RNN, "RNN", input, hidden, bias);
  }

  public static Breakdown lstm(int input, int hidden, Bias bias) {
    return layer(Cell.LSTM, "LSTM", input, hidden, bias);
  }

  public static Breakdown gru(int input, int hidden, Bias bias) {
    return layer(Cell.GRU, "GRU", input, hidden, bias);
  }

  /** The most terms a breakdown lists: one line per weight matrix and bias, so a million is far beyond any lesson. */
  public static final int MAX_TERMS = 1_000_000;

  /** a + b, or an error that says the count is too large for a long (it never wraps round to a negative). */
  static long plus(String what, long a, long b) {
    if (b > 0 && a > Long.MAX_VALUE - b) {
      throw new IllegalArgumentException("parameter count: " + what + " = " + a + " + " + b + " is more than a long holds ("
          + Long.MAX_VALUE + ")");
    }
    return a + b;
  }

  static long times(String what, long a, long b) {
    if (a != 0 && b > Long.MAX_VALUE / a) {
      throw new IllegalArgumentException("parameter count: " + what + " = " + a + " · " + b + " is more than a long holds ("
          + Long.MAX_VALUE + ")");
    }
    return a * b;
  }

  /** {@code depth} layers: layer 1 reads X inputs, every layer above reads the H outputs below. */
  public static Breakdown stacked(Cell cell, int input, int hidden, int depth, Bias bias) {
    Checks.positive("parameter count", "number of layers", depth);
    Checks.notNull("parameter count", "cell type", cell);
    if ((long) depth * cell.blocks * 2 > MAX_TERMS) {
      throw new IllegalArgumentException("parameter count: " + depth + " layers of " + cell + " would list "
          + (long) depth * cell.blocks * 2 + " terms, more than a breakdown lists (" + MAX_TERMS + ")");
    }
    List<Term> terms = new ArrayList<>();
    for (int l = 1; l <= depth; l++) {
      terms.addAll(layer(cell, cell + " layer " + l, l == 1 ? input : hidden, hidden, bias).terms());
    }
    return new Breakdown(terms);
  }

  /** Two independent directions, each a full layer: twice the count of one direction. */
  public static Breakdown bidirectional(Cell cell, int input, int hidden, Bias bias) {
    Checks.notNull("parameter count", "cell type", cell);
    return layer(cell, "forward " + cell, input, hidden, bias).plus(layer(cell, "backward " + cell, input, hidden, bias));
  }

  /** An embedding table: V×D weights, no bias. */
  public static Breakdown embedding(int vocabulary, int dimension) {
    Checks.positive("parameter count", "vocabulary size", vocabulary);
    Checks.positive("parameter count", "embedding size", dimension);
    return new Breakdown(List.of(new Term("embedding", "E", vocabulary + "×" + dimension, (long) vocabulary * dimension,
        0)));
  }

  /** An output layer W_y: O×H, with or without its bias b_y. */
  public static Breakdown output(int inputs, int outputs, boolean withBias) {
    Checks.positive("parameter count", "inputs", inputs);
    Checks.positive("parameter count", "outputs", outputs);
    List<Term> t = new ArrayList<>();
    t.add(new Term("output", "W_y", outputs + "×" + inputs, (long) outputs * inputs, 0));
    if (withBias) t.add(new Term("output", "b_y", String.valueOf(outputs), 0, outputs));
    return new Breakdown(t);
  }

  /**
   * Seed 003's "RNN in terms of embeddings": e_t = E(x_t), h_t = σ(W_h·h_{t-1} + W_he·e_t + b_1),
   * ŷ_t = softmax(U·h_t + b_2), with vocabulary V, embedding size D and hidden size H. With
   * {@code withBiases = false} this is the handout's count (it leaves b_1 and b_2 out).
   */
  public static Breakdown rnnLanguageModel(int vocabulary, int embedding, int hidden, boolean withBiases) {
    Checks.positive("parameter count", "hidden size", hidden);
    List<Term> t = new ArrayList<>(embedding(vocabulary, embedding).terms());
    t.add(new Term("RNN", "W_he", hidden + "×" + embedding, (long) hidden * embedding, 0));
    t.add(new Term("RNN", "W_h", hidden + "×" + hidden, (long) hidden * hidden, 0));
    if (withBiases) t.add(new Term("RNN", "b_1", String.valueOf(hidden), 0, hidden));
    t.add(new Term("output", "U", vocabulary + "×" + hidden, (long) vocabulary * hidden, 0));
    if (withBiases) t.add(new Term("output", "b_2", String.valueOf(vocabulary), 0, vocabulary));
    return new Breakdown(t);
  }
}
