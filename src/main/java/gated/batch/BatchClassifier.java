package gated.batch;

import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.model.BiLstm;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.Rnn;
import gated.model.SequenceModel;
import gated.model.StackedLstm;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.ClassifierWeights;
import gated.train.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Classifier} run over a whole minibatch at once: the loss and gradient of many
 * {@link Example}s, and the accuracy over a data set, with every number <em>equal</em> to what the
 * teaching path computes one example at a time (bit for bit: the same products and sums in the same
 * order, see {@link ExactLayers}), without its per-step vectors, matrices and checks.
 * {@link gated.train.Trainer} uses it behind {@code fit} for the encoders it has ({@link Rnn},
 * {@link Lstm}, {@link Gru}, {@link StackedLstm}, {@link BiLstm}), so its History is the teaching
 * path's.
 *
 * <p>Examples are grouped by length; each group runs the encoder forward over all its sequences
 * together, the output layer at the steps that have a target, and the encoder backward. Each
 * example's gradient is summed over time on its own, and the examples' gradients are then added in
 * the minibatch's order, as {@code Trainer} adds them on the teaching path.
 *
 * <p><b>When it stands aside.</b> The teaching path checks every number it computes and names the
 * first that overflows; this class does not. So whenever a number could overflow or did, it answers
 * "empty" and the caller computes the same thing on the teaching path, which then reports exactly
 * what it always reports:
 * <ul>
 *   <li>a weight or an input larger than {@link #LIMIT} in magnitude (below it, no pre-activation or
 *       logit can overflow: |z| ≤ (X·10¹⁰⁰ + H)·10¹⁰⁰ + 10¹⁰⁰);</li>
 *   <li>any non-finite number in a logit, a loss, a weight gradient, ∂L/∂x_t, ∂L/∂h_{t-1} or ∂L/∂c_{t-1}.
 *       A backward pass is linear in the gradients, so an overflow anywhere in it reaches one of
 *       these (∂L/∂b sums every ∂L/∂z).</li>
 * </ul>
 *
 * <p>It keeps its arrays from call to call and is not meant for two threads at once; {@link #withModel}
 * makes one for new weights that shares them.
 *
 * @param <W> the encoder's weights record
 */
public final class BatchClassifier<W extends Params<W>> {
  /** The largest weight or input magnitude the batched path vouches for (see the class comment). */
  public static final double LIMIT = 1e100;
  /** Sequences per forward pass when evaluating a data set (larger groups are split). */
  static final int EVALUATION_CHUNK = 256;
  /** How many minibatches and evaluations this path computed, and how often it stood aside (read by the tests). */
  static final LongAdder COMPUTED = new LongAdder();
  static final LongAdder STOOD_ASIDE = new LongAdder();

  private final Classifier<W> model;
  private final double[] w;
  private final boolean inRange;
  private final Buffers buffers;

  /** What every BatchClassifier made by withModel shares: the layers' arrays and the minibatch's. */
  private static final class Buffers {
    final ExactLayers.Layer encoder;
    final ExactLayers.Head head;
    double[] in;
    double[] dOut;
    double[][] acc = new double[0][];
    double[] losses = new double[0];

    Buffers(ExactLayers.Layer encoder, ExactLayers.Head head) {
      this.encoder = encoder;
      this.head = head;
    }
  }

  private BatchClassifier(Classifier<W> model, Buffers buffers) {
    this.model = model;
    this.w = model.weights().toArray();
    this.inRange = withinLimit(w);
    this.buffers = buffers;
  }

  /** True for the encoders the batched path has: {@link Rnn}, {@link Lstm}, {@link Gru}, {@link StackedLstm}, {@link BiLstm}. */
  public static boolean supports(SequenceModel<?> encoder) {
    return encoder instanceof Rnn || encoder instanceof Lstm || encoder instanceof Gru || encoder instanceof StackedLstm
        || encoder instanceof BiLstm;
  }

  /** The batched form of {@code model}, or empty if its encoder has none (see {@link #supports}). */
  public static <W extends Params<W>> Optional<BatchClassifier<W>> of(Classifier<W> model) {
    Checks.notNull("batched classifier", "model", model);
    ExactLayers.Layer encoder = layer(model.encoder());
    if (encoder == null) return Optional.empty();
    ExactLayers.Head head = new ExactLayers.Head(model.head().inputSize(), model.head().outputSize(), encoder.count());
    return Optional.of(new BatchClassifier<>(model, new Buffers(encoder, head)));
  }

  private static ExactLayers.Layer layer(SequenceModel<?> e) {
    if (e instanceof Lstm l) return lstm(l.weights(), 0);
    if (e instanceof Gru g) return new ExactLayers.Gru(g.weights().inputSize(), g.weights().hiddenSize(), 0);
    if (e instanceof Rnn r) return new ExactLayers.Rnn(r.weights().inputSize(), r.weights().hiddenSize(), 0);
    if (e instanceof StackedLstm s) {
      ExactLayers.Layer[] layers = new ExactLayers.Layer[s.weights().depth()];
      int offset = 0;
      for (int l = 0; l < layers.length; l++) {
        layers[l] = lstm(s.weights().layers().get(l), offset);
        offset += layers[l].count();
      }
      return new ExactLayers.Stack(layers);
    }
    if (e instanceof BiLstm b) {
      return new ExactLayers.Bidirectional(b.weights().forward().inputSize(), b.weights().forward().hiddenSize(), 0, b.mode());
    }
    return null;
  }

  private static ExactLayers.Lstm lstm(LstmWeights w, int offset) {
    return new ExactLayers.Lstm(w.inputSize(), w.hiddenSize(), offset);
  }

  /** The classifier this computes for. */
  public Classifier<W> model() {
    return model;
  }

  /**
   * The same architecture with {@code other}'s weights (an optimizer's result), sharing this one's
   * arrays; {@code this} if it is the very same classifier.
   */
  public BatchClassifier<W> withModel(Classifier<W> other) {
    Checks.notNull("batched classifier", "model", other);
    if (other == model) return this;
    if (!other.weights().shapes().equals(model.weights().shapes()) || other.encoder().getClass() != model.encoder().getClass()
        || (other.encoder() instanceof BiLstm b && b.mode() != ((BiLstm) model.encoder()).mode())) {
      throw new IllegalArgumentException("batched classifier withModel: the new model is " + other.weights().shapes()
          + " (" + other.encoder().getClass().getSimpleName() + ") but this one is " + model.weights().shapes() + " ("
          + model.encoder().getClass().getSimpleName() + ")");
    }
    return new BatchClassifier<>(other, buffers);
  }

  /**
   * True if every example fits this classifier: not null, every x_t of the encoder's input size and
   * at most {@link #LIMIT} in magnitude, every target a class of the output layer. Otherwise the
   * teaching path is the one that says what is wrong.
   */
  public boolean accepts(List<Example> data) {
    if (data == null) return false;
    int x = model.encoder().inputSize(), classes = model.head().outputSize();
    for (Example e : data) {
      if (e == null) return false;
      for (Vec v : e.inputs()) {
        if (v.size() != x) return false;
        for (int k = 0; k < x; k++) if (!(Math.abs(v.get(k)) <= LIMIT)) return false;
      }
      for (Integer y : e.targets()) if (y != null && y >= classes) return false;
    }
    return true;
  }

  /**
   * What a minibatch adds up to.
   *
   * @param losses {@link Classifier.Result#loss()} of each example, in the minibatch's order
   * @param gradient Σ over the examples of {@link Classifier.Result#gradient()}, added in the
   *     minibatch's order (not averaged)
   */
  public record Sum<W extends Params<W>>(List<Double> losses, ClassifierWeights<W> gradient) {
    public Sum {
      losses = List.copyOf(losses);
    }
  }

  /**
   * Each example's loss and the summed gradient of {@code examples} (which {@link #accepts}), or empty
   * where the batched path stands aside (a number that could overflow or did: see the class comment).
   */
  public Optional<Sum<W>> lossAndGradient(List<Example> examples) {
    Checks.nonEmpty("batched classifier", "the examples", examples);
    if (!inRange) return standAside(Optional.empty());
    Buffers b = buffers;
    int n = examples.size(), count = w.length;
    if (b.acc.length < n || (n > 0 && b.acc[0].length != count)) {
      b.acc = new double[Math.max(n, b.acc.length)][count];
      b.losses = new double[b.acc.length];
    }
    for (int e = 0; e < n; e++) {
      java.util.Arrays.fill(b.acc[e], 0);
      b.losses[e] = 0;
    }
    for (List<Integer> group : groups(examples, Integer.MAX_VALUE)) {
      if (!lossAndGradient(examples, group)) return standAside(Optional.empty());
    }
    double[] sum = b.acc[0].clone();                                 // example 1, then + example 2, + …
    for (int e = 1; e < n; e++) {
      double[] a = b.acc[e];
      for (int k = 0; k < count; k++) sum[k] = sum[k] + a[k];
    }
    if (!withinFinite(sum)) return standAside(Optional.empty());
    List<Double> losses = new ArrayList<>(n);
    for (int e = 0; e < n; e++) losses.add(b.losses[e]);
    COMPUTED.increment();
    return Optional.of(new Sum<>(losses, model.weights().withArray(sum)));
  }

  /** One group of equal length: forward, the loss at every target step, backward; false if a number overflowed. */
  private boolean lossAndGradient(List<Example> examples, List<Integer> group) {
    Buffers b = buffers;
    int steps = examples.get(group.get(0)).inputs().size(), batch = group.size();
    fill(examples, group);
    b.encoder.forward(w, b.in, steps, batch);
    int o = b.encoder.outputSize();
    b.dOut = ExactLayers.grow(b.dOut, (long) steps * batch * o);
    java.util.Arrays.fill(b.dOut, 0, steps * batch * o, 0);
    double[][] acc = new double[batch][];
    for (int k = 0; k < batch; k++) acc[k] = b.acc[group.get(k)];
    for (int k = 0; k < batch; k++) {
      int e = group.get(k);
      List<Integer> targets = examples.get(e).targets();
      double loss = 0;
      for (int t = 0; t < steps; t++) {                              // L = Σ_t −log softmax(W_y·h_t + b_y)_target, t = 1 … T
        Integer y = targets.get(t);
        if (y == null) continue;
        int row = (t * batch + k) * o;
        double l = b.head.step(w, b.encoder.out, row, y, b.dOut, row, acc[k]);
        if (!Double.isFinite(l)) return false;
        loss += l;
      }
      b.losses[e] = loss;
    }
    b.encoder.backward(w, b.dOut, acc);
    return b.encoder.finite;
  }

  /**
   * The fraction of target steps predicted right over {@code data} (which {@link #accepts}), as
   * {@link Classifier#accuracy}; empty where the batched path stands aside.
   */
  public OptionalDouble accuracy(List<Example> data) {
    Checks.noNulls("batched classifier accuracy", "the examples", data);
    if (!inRange) return standAside(OptionalDouble.empty());
    Buffers b = buffers;
    int correct = 0, total = 0;
    for (List<Integer> group : groups(data, EVALUATION_CHUNK)) {
      int steps = data.get(group.get(0)).inputs().size(), batch = group.size(), o = b.encoder.outputSize();
      fill(data, group);
      b.encoder.forward(w, b.in, steps, batch);
      for (int k = 0; k < batch; k++) {
        List<Integer> targets = data.get(group.get(k)).targets();
        for (int t = 0; t < steps; t++) {
          Integer y = targets.get(t);
          if (y == null) continue;
          int p = b.head.predict(w, b.encoder.out, (t * batch + k) * o);
          if (p < 0) return standAside(OptionalDouble.empty());
          total++;
          if (p == y) correct++;
        }
      }
    }
    COMPUTED.increment();
    return OptionalDouble.of(total == 0 ? 0 : (double) correct / total);
  }

  /** Positions of the examples by length, in order of first appearance, each group split into chunks of at most {@code chunk}. */
  static List<List<Integer>> groups(List<Example> examples, int chunk) {
    Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
    for (int e = 0; e < examples.size(); e++) byLength.computeIfAbsent(examples.get(e).inputs().size(), k -> new ArrayList<>()).add(e);
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> g : byLength.values()) {
      for (int from = 0; from < g.size(); from += chunk) out.add(g.subList(from, Math.min(g.size(), from + chunk)));
    }
    return out;
  }

  /** The inputs of one group (all of length T) into the input array, row t·B + b. */
  private void fill(List<Example> examples, List<Integer> group) {
    int steps = examples.get(group.get(0)).inputs().size(), batch = group.size(), x = model.encoder().inputSize();
    double[] in = buffers.in = ExactLayers.grow(buffers.in, (long) steps * batch * x);
    for (int k = 0; k < batch; k++) {
      List<Vec> xs = examples.get(group.get(k)).inputs();
      for (int t = 0; t < steps; t++) {
        Vec v = xs.get(t);
        int at = (t * batch + k) * x;
        for (int j = 0; j < x; j++) in[at + j] = v.get(j);
      }
    }
  }

  private static boolean withinLimit(double[] values) {
    for (double v : values) if (!(Math.abs(v) <= LIMIT)) return false;
    return true;
  }

  private static boolean withinFinite(double[] values) {
    for (double v : values) if (!Double.isFinite(v)) return false;
    return true;
  }

  private static <T> T standAside(T empty) {
    STOOD_ASIDE.increment();
    return empty;
  }
}
