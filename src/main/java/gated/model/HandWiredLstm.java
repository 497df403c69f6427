package gated.model;

import gated.cell.GateWeights;
import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * LSTM weights written by hand, by word and unit, for a cell that reads the one-hot words of a
 * {@link Vocabulary}: "the word Bob pushes the forget gate of unit 0 by −16". Each gate's W is
 * [H, H+V] on [h_{t-1}; x_t], so column H + k multiplies word k; this builder does that arithmetic.
 * The recurrent columns (those on h_{t-1}) stay 0, so every gate reacts to the current word only.
 *
 * <pre>
 *   LstmWeights bobDan = HandWiredLstm.over(vocab, 2)
 *       .bias(LstmGate.FORGET, 8).bias(LstmGate.INPUT, -8).bias(LstmGate.OUTPUT, 8)
 *       .on("Bob").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, 3)
 *       .on("Dan").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, -3)
 *       .build();
 * </pre>
 *
 * <p>Immutable: every method returns a new builder, so a wiring can be kept and varied
 * ({@code wiring.on("navy").candidate(0, -3).build()} leaves {@code wiring} as it was). Setting an entry
 * twice keeps the last value. Biases not set are 0.
 */
public final class HandWiredLstm {
  private static final String OP = "HandWiredLstm";

  private final Vocabulary vocab;
  private final int units;
  private final String word;                                   // the word the next weights are read from
  private final Map<LstmGate, double[][]> w;                   // per gate W: [H, H+V]
  private final Map<LstmGate, double[]> b;                     // per gate b: [H]

  private HandWiredLstm(Vocabulary vocab, int units, String word, Map<LstmGate, double[][]> w,
      Map<LstmGate, double[]> b) {
    this.vocab = vocab;
    this.units = units;
    this.word = word;
    this.w = w;
    this.b = b;
  }

  /** All weights and biases 0: a cell of {@code units} units reading one-hot words of {@code vocab}. */
  public static HandWiredLstm over(Vocabulary vocab, int units) {
    Checks.notNull(OP, "vocabulary", vocab);
    Checks.positive(OP, "number of units", units);
    int cols = Checks.sum(OP, "H + V", units, vocab.size());
    long perGate = Checks.entries(OP, "weight matrix W: [H, H+V]", units, cols);   // checked before anything is
    Checks.allocatable(OP, "four " + units + "×" + cols + " weight matrices and their biases",   // allocated
        4 * perGate + 4L * units);
    Map<LstmGate, double[][]> w = new EnumMap<>(LstmGate.class);
    Map<LstmGate, double[]> b = new EnumMap<>(LstmGate.class);
    for (LstmGate g : LstmGate.values()) {
      w.put(g, new double[units][cols]);
      b.put(g, new double[units]);
    }
    return new HandWiredLstm(vocab, units, null, w, b);
  }

  /** The same bias for every unit of one block, e.g. {@code bias(FORGET, 8)}: f = σ(8) ≈ 1 unless a word says otherwise. */
  public HandWiredLstm bias(LstmGate gate, double value) {
    double v = finite("bias of the " + checked(gate).title(), value);
    HandWiredLstm next = copy(word);
    Arrays.fill(next.b.get(gate), v);
    return next;
  }

  /** The bias of one unit of one block. */
  public HandWiredLstm bias(LstmGate gate, int unit, double value) {
    double v = finite("bias of the " + checked(gate).title() + ", unit " + unit, value);
    HandWiredLstm next = copy(word);
    next.b.get(gate)[unit(unit)] = v;
    return next;
  }

  /** The word whose one-hot entry the following {@code forget/input/candidate/output} weights multiply. */
  public HandWiredLstm on(String word) {
    Checks.notNull(OP, "word", word);
    if (!vocab.words().contains(word)) {
      throw new IllegalArgumentException(OP + ": \"" + word + "\" is not in the vocabulary " + vocab.words());
    }
    return copy(word);
  }

  /** The weight from the current word to the forget gate f of {@code unit}. */
  public HandWiredLstm forget(int unit, double weight) {
    return weight(LstmGate.FORGET, unit, weight);
  }

  /** The weight from the current word to the input gate i of {@code unit}. */
  public HandWiredLstm input(int unit, double weight) {
    return weight(LstmGate.INPUT, unit, weight);
  }

  /** The weight from the current word to the candidate c̃ = g of {@code unit}. */
  public HandWiredLstm candidate(int unit, double weight) {
    return weight(LstmGate.CANDIDATE, unit, weight);
  }

  /** The weight from the current word to the output gate o of {@code unit}. */
  public HandWiredLstm output(int unit, double weight) {
    return weight(LstmGate.OUTPUT, unit, weight);
  }

  /** The weight from the current word to one unit of one block: entry (unit, H + index of the word) of its W. */
  public HandWiredLstm weight(LstmGate gate, int unit, double weight) {
    checked(gate);
    if (word == null) {
      throw new IllegalArgumentException(OP + ": say which word the weight of the " + gate.title() + " comes from first, "
          + "e.g. .on(\"" + vocab.word(0) + "\")." + gate.name().toLowerCase() + "(" + unit + ", " + weight + ")");
    }
    HandWiredLstm next = copy(word);
    next.w.get(gate)[unit(unit)][units + vocab.indexOf(word)] =
        finite("weight from \"" + word + "\" to the " + gate.title() + ", unit " + unit, weight);
    return next;
  }

  /** The weights: W_f, W_i, W_g, W_o of shape [H, H+V] and their biases. */
  public LstmWeights build() {
    LstmWeights.Builder out = LstmWeights.builder();
    for (LstmGate g : LstmGate.values()) out.gate(g, new GateWeights(Matrix.of(w.get(g)), Vec.of(b.get(g))));
    return out.build();
  }

  private HandWiredLstm copy(String currentWord) {
    Map<LstmGate, double[][]> w2 = new EnumMap<>(LstmGate.class);
    Map<LstmGate, double[]> b2 = new EnumMap<>(LstmGate.class);
    for (LstmGate g : LstmGate.values()) {
      double[][] rows = new double[units][];
      for (int k = 0; k < units; k++) rows[k] = w.get(g)[k].clone();
      w2.put(g, rows);
      b2.put(g, b.get(g).clone());
    }
    return new HandWiredLstm(vocab, units, currentWord, w2, b2);
  }

  private int unit(int unit) {
    if (unit < 0 || unit >= units) {
      throw new IllegalArgumentException(OP + ": unit " + unit + " is outside 0.." + (units - 1) + " (the cell has "
          + units + " units)");
    }
    return unit;
  }

  private static LstmGate checked(LstmGate gate) {
    return Checks.notNull(OP, "gate", gate);
  }

  private static double finite(String what, double v) {
    if (!Double.isFinite(v)) throw new IllegalArgumentException(OP + ": the " + what + " is " + v + "; it must be finite");
    return v;
  }
}
