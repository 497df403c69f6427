package gated.text;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.internal.Checks;
import gated.model.DenseWeights;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.Rnn;
import gated.model.SequenceModel;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.ClassifierWeights;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@link CharModel} built from the course's own layers ({@link Rnn}, {@link Gru}, {@link Lstm}),
 * run one sequence and one step at a time, exactly as the lessons write them:
 *
 * <pre>
 *   x_t = one-hot(character t)                        [V]
 *   h_t = core(x_t, h_{t-1})  (and c_t for the LSTM)   [H]
 *   z_t = W_y·h_t + b_y                               [V]   logits; W_y: [V, H], b_y: [V]
 *   p_t = softmax(z_t),  loss_t = −ln p_t(next character)
 * </pre>
 *
 * Exact, and slow: fine for small models.
 *
 * @param kind which core
 * @param weights the core's weights and the output layer, in that flat order
 * @param <W> the core's weights
 */
public record RecurrentCharModel<W extends Params<W>>(Kind kind, ClassifierWeights<W> weights)
    implements CharModel<ClassifierWeights<W>> {

  /** The recurrent core, and how many weight blocks W·[h; x] + b it has (1, 3 or 4). */
  public enum Kind {
    RNN(1), GRU(3), LSTM(4);

    private final int blocks;

    Kind(int blocks) {
      this.blocks = blocks;
    }

    /** Parameters of the core plus the output layer: blocks·(H(H+V) + H) + (VH + V). */
    public long parameters(int vocabulary, int hidden) {
      return (long) blocks * ((long) hidden * (hidden + vocabulary) + hidden) + (long) vocabulary * hidden + vocabulary;
    }

    /** The largest H whose {@link #parameters} do not exceed {@code budget}. */
    public int hiddenSizeFor(int vocabulary, long budget) {
      Checks.positive("parameter budget", "vocabulary size", vocabulary);
      int h = 0;
      while (parameters(vocabulary, h + 1) <= budget) h++;
      if (h == 0) {
        throw new IllegalArgumentException("parameter budget: " + budget + " parameters are fewer than a " + this
            + " with one hidden unit needs (" + parameters(vocabulary, 1) + ")");
      }
      return h;
    }
  }

  public RecurrentCharModel {
    Checks.notNull("character model", "kind", kind);
    Checks.notNull("character model", "weights", weights);
    if (weights.head().inputSize() != hiddenOf(weights.encoder())
        || weights.head().outputSize() != inputOf(weights.encoder())) {
      throw new IllegalArgumentException("character model: the output layer W_y is " + weights.head().w().shape()
          + " but it must be V×H = " + inputOf(weights.encoder()) + "×" + hiddenOf(weights.encoder()));
    }
  }

  /** A model of the given kind with V inputs and H units, seeded. */
  public static RecurrentCharModel<?> of(Kind kind, int vocabulary, int hidden, Random random) {
    Checks.notNull("character model", "kind", kind);
    return switch (kind) {
      case RNN -> rnn(vocabulary, hidden, random);
      case GRU -> gru(vocabulary, hidden, random);
      case LSTM -> lstm(vocabulary, hidden, random);
    };
  }

  /** An LSTM with V inputs and H units, weights uniform in ±1/√H, and an output layer. */
  public static RecurrentCharModel<LstmWeights> lstm(int vocabulary, int hidden, Random random) {
    return new RecurrentCharModel<>(Kind.LSTM, new ClassifierWeights<>(LstmWeights.random(hidden, vocabulary, random),
        DenseWeights.random(vocabulary, hidden, random)));
  }

  public static RecurrentCharModel<GruWeights> gru(int vocabulary, int hidden, Random random) {
    return new RecurrentCharModel<>(Kind.GRU, new ClassifierWeights<>(GruWeights.random(hidden, vocabulary, random),
        DenseWeights.random(vocabulary, hidden, random)));
  }

  public static RecurrentCharModel<RnnWeights> rnn(int vocabulary, int hidden, Random random) {
    return new RecurrentCharModel<>(Kind.RNN, new ClassifierWeights<>(RnnWeights.random(hidden, vocabulary, random),
        DenseWeights.random(vocabulary, hidden, random)));
  }

  /** The same model with the forget-gate bias b_f set to {@code value} in every unit (LSTM only). */
  @SuppressWarnings("unchecked")
  public RecurrentCharModel<W> withForgetBias(double value) {
    if (kind != Kind.LSTM) throw new IllegalArgumentException("forget bias: a " + kind + " has no forget gate");
    LstmWeights w = (LstmWeights) weights.encoder();
    LstmWeights v = new LstmWeights(new gated.cell.GateWeights(w.forget().w(), Vec.fill(w.hiddenSize(), value)),
        w.input(), w.candidate(), w.output());
    return new RecurrentCharModel<>(kind, new ClassifierWeights<>((W) v, weights.head()));
  }

  @Override
  public String name() {
    return kind + ", H = " + hiddenSize();
  }

  @Override
  public int vocabularySize() {
    return weights.head().outputSize();
  }

  @Override
  public int hiddenSize() {
    return weights.head().inputSize();
  }

  @Override
  public RecurrentCharModel<W> withWeights(ClassifierWeights<W> w) {
    return new RecurrentCharModel<>(kind, w);
  }

  @Override
  public State zeroState(int rows) {
    Checks.positive("character model", "rows", rows);
    return State.zeros(rows, hiddenSize(), kind == Kind.LSTM);
  }

  /** The core as a sequence model of the library. */
  @SuppressWarnings("unchecked")
  public SequenceModel<W> core() {
    return switch (kind) {
      case RNN -> (SequenceModel<W>) Rnn.of((RnnWeights) weights.encoder());
      case GRU -> (SequenceModel<W>) Gru.of((GruWeights) weights.encoder());
      case LSTM -> (SequenceModel<W>) Lstm.of((LstmWeights) weights.encoder());
    };
  }

  @Override
  public Forward forward(int[][] inputs, State start) {
    checkBatch(inputs, null, start);
    SequenceModel<W> core = core();
    List<List<Vec>> logits = new ArrayList<>(), hidden = new ArrayList<>(), cell = new ArrayList<>();
    List<Vec> hEnd = new ArrayList<>(), cEnd = new ArrayList<>();
    for (int b = 0; b < inputs.length; b++) {
      SequenceModel.Trace trace = run(core, oneHot(inputs[b]), start, b);
      List<Vec> hs = trace.outputs();
      List<Vec> z = new ArrayList<>(hs.size());
      for (Vec h : hs) z.add(weights.head().apply(h));                  // z_t = W_y·h_t + b_y
      logits.add(z);
      hidden.add(hs);
      hEnd.add(hs.get(hs.size() - 1));
      if (trace instanceof Lstm.LstmTrace lt) {
        cell.add(lt.cs());
        cEnd.add(lt.last().c());
      } else {
        cell.add(List.of());
      }
    }
    return new Forward(logits, hidden, cell, new State(hEnd, cEnd));
  }

  @Override
  public Training<ClassifierWeights<W>> lossAndGradient(int[][] inputs, int[][] targets, State start) {
    checkBatch(inputs, targets, start);
    SequenceModel<W> core = core();
    DenseWeights head = weights.head();
    int n = inputs.length * inputs[0].length;
    double loss = 0;
    double[] dCore = new double[weights.encoder().count()];
    double[] dWy = new double[head.outputSize() * head.inputSize()];     // ∂L/∂W_y, row-major [V, H]
    double[] dBy = new double[head.outputSize()];                        // ∂L/∂b_y
    List<Vec> hEnd = new ArrayList<>(), cEnd = new ArrayList<>();
    for (int b = 0; b < inputs.length; b++) {
      SequenceModel.Trace trace = run(core, oneHot(inputs[b]), start, b);
      List<Vec> hs = trace.outputs();
      List<Vec> dOut = new ArrayList<>(hs.size());
      for (int t = 0; t < hs.size(); t++) {
        Vec h = hs.get(t);
        Loss.Value l = Loss.softmaxCrossEntropy(head.apply(h), targets[b][t]);  // −ln softmax(W_y·h_t + b_y)_target
        loss += l.value();
        Vec dz = l.gradient().scale(1.0 / n);                              // of the mean over the B·T characters
        for (int v = 0; v < dz.size(); v++) {
          double d = dz.get(v);
          dBy[v] += d;                                                     // ∂L/∂b_y = dz
          for (int k = 0; k < h.size(); k++) dWy[v * h.size() + k] += d * h.get(k);   // ∂L/∂W_y = dz ⊗ h_t
        }
        dOut.add(dz.times(head.w()));                                      // ∂L/∂h_t = W_yᵀ·dz
      }
      double[] g = core.backward(trace, dOut).dWeights().toArray();       // BPTT inside this minibatch only
      for (int k = 0; k < g.length; k++) dCore[k] += g[k];
      hEnd.add(hs.get(hs.size() - 1));
      if (trace instanceof Lstm.LstmTrace lt) cEnd.add(lt.last().c());
    }
    ClassifierWeights<W> grad = new ClassifierWeights<>(weights.encoder().withArray(dCore),
        new DenseWeights(Matrix.of(head.outputSize(), head.inputSize(), dWy), Vec.of(dBy)));
    return new Training<>(loss, n, grad, new State(hEnd, cEnd));
  }

  private SequenceModel.Trace run(SequenceModel<W> core, List<Vec> xs, State start, int row) {
    Vec h0 = start.h().get(row);
    if (core instanceof Lstm lstm) return lstm.forward(xs, h0, start.c().get(row));
    if (core instanceof Rnn rnn) return rnn.forward(xs, h0);
    Gru gru = (Gru) core;                                   // the GRU layer starts from zero; run its cell from h0
    GruCell cell = gru.cell();
    List<GruStep> steps = new ArrayList<>(xs.size());
    Vec h = h0;
    for (Vec x : xs) {
      GruStep s = cell.step(x, h);
      steps.add(s);
      h = s.h();
    }
    return new Gru.GruTrace(steps);
  }

  private List<Vec> oneHot(int[] ids) {
    List<Vec> xs = new ArrayList<>(ids.length);
    int v = vocabularySize();
    for (int id : ids) {
      if (id < 0 || id >= v) throw new IllegalArgumentException("character model: input index " + id + " is outside 0.."
          + (v - 1));
      double[] x = new double[v];
      x[id] = 1;
      xs.add(Vec.of(x));
    }
    return xs;
  }

  private void checkBatch(int[][] inputs, int[][] targets, State start) {
    String op = "character model";
    Checks.notNull(op, "inputs", inputs);
    Checks.notNull(op, "start state", start);
    if (inputs.length == 0 || inputs[0] == null || inputs[0].length == 0) {
      throw new IllegalArgumentException(op + ": the minibatch needs at least one row of at least one step");
    }
    for (int[] row : inputs) {
      if (row == null || row.length != inputs[0].length) {
        throw new IllegalArgumentException(op + ": every row of the minibatch needs " + inputs[0].length + " steps");
      }
    }
    if (targets != null) {
      if (targets.length != inputs.length) {
        throw new IllegalArgumentException(op + ": " + inputs.length + " rows of inputs but " + targets.length
            + " rows of targets");
      }
      for (int[] row : targets) {
        if (row == null || row.length != inputs[0].length) {
          throw new IllegalArgumentException(op + ": every row of targets needs " + inputs[0].length + " steps");
        }
      }
    }
    if (start.rows() != inputs.length) {
      throw new IllegalArgumentException(op + ": the start state has " + start.rows() + " rows but the minibatch has "
          + inputs.length);
    }
    if (start.hasCell() != (kind == Kind.LSTM)) {
      throw new IllegalArgumentException(op + ": a " + kind + (kind == Kind.LSTM ? " needs" : " has no")
          + " cell state c in its start state");
    }
    if (start.h().get(0).size() != hiddenSize()) {
      throw new IllegalArgumentException(op + ": the start state's h has " + start.h().get(0).size()
          + " entries but H = " + hiddenSize());
    }
  }

  private static int hiddenOf(Params<?> core) {
    if (core instanceof LstmWeights w) return w.hiddenSize();
    if (core instanceof GruWeights w) return w.hiddenSize();
    if (core instanceof RnnWeights w) return w.hiddenSize();
    throw new IllegalArgumentException("character model: the core must be an RNN, GRU or LSTM, got "
        + core.getClass().getSimpleName());
  }

  private static int inputOf(Params<?> core) {
    if (core instanceof LstmWeights w) return w.inputSize();
    if (core instanceof GruWeights w) return w.inputSize();
    if (core instanceof RnnWeights w) return w.inputSize();
    throw new IllegalArgumentException("character model: the core must be an RNN, GRU or LSTM, got "
        + core.getClass().getSimpleName());
  }
}
