package gated.train;

import gated.Interrupt;
import gated.Interrupted;
import gated.batch.BatchClassifier;
import gated.internal.Checks;
import gated.tensor.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Minibatch training of a {@link Classifier}, written out so a student can read it in one go:
 *
 * <pre>
 *   for each epoch:
 *     shuffle the training examples (seeded)
 *     for each minibatch:
 *       g = mean over the batch of ∂loss/∂θ       (BPTT)
 *       g = clip(g)                               (optional)
 *       θ = optimizer.step(θ, g)
 * </pre>
 *
 * If the gradient stops being finite (an exploding gradient), training stops and the
 * {@link History} says so; nothing NaN is ever written into the weights.
 *
 * <p>Kernel → Interrupt stops training before the next minibatch with an {@link Interrupted}
 * ("interrupted at epoch 12 of 40; the weights of epoch 11 are kept"), whose
 * {@link Interrupted#partial()} is the History of the epochs that finished.
 *
 * <p><b>Two paths, one computation.</b> The loop above computes g one example at a time with
 * {@link Classifier#lossAndGradient}: the teaching path, which reads like the equations. For the
 * encoders the batched path has ({@code Rnn}, {@code Lstm}, {@code Gru}, {@code StackedLstm},
 * {@code BiLstm}), {@code fit} computes the same g, and the accuracies after each epoch, with
 * {@link BatchClassifier}: the examples of a minibatch that have the same length go through the
 * encoder together, in reused arrays, with the same products and sums in the same order. Everything
 * else (shuffling, the mean, clipping, the optimizer, divergence, interruption) is this class's code
 * for both, so the History is the teaching path's, number for number (the tests run both paths on
 * the course's tasks and compare them). Wherever a number could overflow, the batched path stands
 * aside and the teaching path computes that minibatch, so a diverging run stops with the teaching
 * path's own message. {@link Builder#teachingPath()} uses the teaching path throughout, e.g. to show
 * that both give the same History.
 */
public final class Trainer {
  /** How gradients are clipped before each step. */
  public enum Clipping { NONE, BY_NORM, BY_VALUE }

  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final Supplier<Optimizer> optimizer;
  private final Clipping clipping;
  private final double clipThreshold;
  private final double stopAt;
  private final boolean teachingPath;
  private final Consumer<Step<?>> watcher;

  private Trainer(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.optimizer = b.optimizer;
    this.clipping = b.clipping;
    this.clipThreshold = b.clipThreshold;
    this.stopAt = b.stopAt;
    this.teachingPath = b.teachingPath;
    this.watcher = b.watcher;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What happened while training.
   *
   * @param model the trained classifier
   * @param loss mean loss per example, one entry per epoch
   * @param trainAccuracy accuracy on the training set after each epoch
   * @param testAccuracy accuracy on the test set after each epoch (empty without a test set)
   * @param gradientNorm the largest global gradient norm seen in each epoch, before clipping
   * @param diverged empty, or why training stopped early
   */
  public record History<W extends Params<W>>(Classifier<W> model, List<Double> loss, List<Double> trainAccuracy,
      List<Double> testAccuracy, List<Double> gradientNorm, String diverged) {

    public boolean hasDiverged() {
      return !diverged.isEmpty();
    }

    public double finalTestAccuracy() {
      if (testAccuracy.isEmpty()) {
        throw new IllegalArgumentException("training history: there is no test accuracy ("
            + (hasDiverged() ? "training diverged before an epoch finished" : "fit was given an empty test set") + ")");
      }
      return testAccuracy.get(testAccuracy.size() - 1);
    }

    public double finalTrainAccuracy() {
      if (trainAccuracy.isEmpty()) {
        throw new IllegalArgumentException("training history: no epoch finished, so there is no training accuracy ("
            + diverged + ")");
      }
      return trainAccuracy.get(trainAccuracy.size() - 1);
    }

    /**
     * The first epoch (counted from 1) after which the test accuracy was at least {@code level}, or empty if
     * no epoch of this run reached it (within its budget of epochs).
     */
    public OptionalInt epochsToTestAccuracy(double level) {
      for (int e = 0; e < testAccuracy.size(); e++) if (testAccuracy.get(e) >= level) return OptionalInt.of(e + 1);
      return OptionalInt.empty();
    }
  }

  /**
   * One optimizer step as a {@link Builder#onStep watcher} sees it, before the step is taken.
   *
   * @param epoch the epoch, counted from 1
   * @param batch the minibatch within the epoch, counted from 1
   * @param before the classifier before this step
   * @param examples the minibatch
   * @param gradient the mean gradient over the minibatch, before clipping
   */
  public record Step<W extends Params<W>>(int epoch, int batch, Classifier<W> before, List<Example> examples,
      ClassifierWeights<W> gradient) {
    public Step {
      Checks.notNull("training step", "classifier before the step", before);
      Checks.notNull("training step", "gradient", gradient);
      examples = List.copyOf(Checks.nonEmpty("training step", "minibatch", examples));
    }
  }

  public <W extends Params<W>> History<W> fit(Classifier<W> model, List<Example> train, List<Example> test) {
    Checks.notNull("training", "model", model);
    Checks.nonEmpty("training", "training set", train);
    Checks.notNull("training", "test set", test);
    Optimizer opt = optimizer.get();
    BatchClassifier<W> batched = teachingPath ? null : batchedPath(model, train, test);   // null: teaching path only
    Random random = new Random(seed);
    List<Example> order = new ArrayList<>(train);
    List<Double> losses = new ArrayList<>(), trainAcc = new ArrayList<>(), testAcc = new ArrayList<>();
    List<Double> norms = new ArrayList<>();
    String diverged = "";
    Classifier<W> current = model;
    for (int epoch = 0; epoch < epochs && diverged.isEmpty(); epoch++) {
      Collections.shuffle(order, random);
      Classifier<W> kept = current;                                          // after the last full epoch
      double lossSum = 0;
      double maxNorm = 0;
      try {
        for (int start = 0; start < order.size(); start += batchSize) {
          if (Interrupt.requested()) {
            throw new Interrupted("interrupted at epoch " + (epoch + 1) + " of " + epochs + "; the weights of "
                + (epoch == 0 ? "the model passed in" : "epoch " + epoch) + " are kept", new History<>(kept,
                List.copyOf(losses), List.copyOf(trainAcc), List.copyOf(testAcc), List.copyOf(norms), ""));
          }
          List<Example> batch = order.subList(start, Math.min(order.size(), start + batchSize));
          ClassifierWeights<W> g = null;
          Optional<BatchClassifier.Sum<W>> sum = Optional.empty();
          if (batched != null) sum = (batched = batched.withModel(current)).lossAndGradient(batch);
          if (sum.isPresent()) {                                             // the batched path: the same numbers, all at once
            for (double loss : sum.get().losses()) {
              lossSum += loss;
              if (!Double.isFinite(lossSum)) throw lossOverflow(epoch, loss);
            }
            g = sum.get().gradient();
          } else {
            for (Example ex : batch) {
              Classifier.Result<W> r = current.lossAndGradient(ex);
              lossSum += r.loss();
              if (!Double.isFinite(lossSum)) throw lossOverflow(epoch, r.loss());
              g = g == null ? r.gradient() : g.plusScaled(r.gradient(), 1);
            }
          }
          g = g.scale(1.0 / batch.size());                                   // mean over the minibatch
          double norm = g.norm();
          maxNorm = Math.max(maxNorm, norm);
          if (watcher != null) watcher.accept(new Step<>(epoch + 1, start / batchSize + 1, current, batch, g));
          if (!Double.isFinite(norm)) {
            throw new NonFiniteException("epoch " + (epoch + 1) + ": the gradient norm is " + norm
                + " (an exploding gradient)");
          }
          g = switch (clipping) {
            case NONE -> g;
            case BY_NORM -> Clip.byGlobalNorm(g, clipThreshold);
            case BY_VALUE -> Clip.byValue(g, clipThreshold);
          };
          current = current.withWeights(opt.step(current.weights(), g));     // θ ← optimizer(θ, g)
        }
      } catch (NonFiniteException e) {
        diverged = e.getMessage();
        losses.add(Double.POSITIVE_INFINITY);
        norms.add(maxNorm);
        break;
      }
      losses.add(lossSum / order.size());
      norms.add(maxNorm);
      if (batched != null) batched = batched.withModel(current);
      try {
        double trained = accuracy(current, train, batched);
        double tested = test.isEmpty() ? Double.NaN : accuracy(current, test, batched);
        trainAcc.add(trained);
        if (!test.isEmpty()) testAcc.add(tested);
      } catch (NonFiniteException e) {                                     // the weights are finite, a forward pass is not
        diverged = "epoch " + (epoch + 1) + ", measuring accuracy: " + e.getMessage();
        break;                                                             // the epochs measured so far are kept
      }
      if (!test.isEmpty() && testAcc.get(testAcc.size() - 1) >= stopAt) break;      // reached the level: stop early
    }
    return new History<>(current, List.copyOf(losses), List.copyOf(trainAcc), List.copyOf(testAcc),
        List.copyOf(norms), diverged);
  }

  /** The summed loss left the doubles: L ≈ max z − z_y, so the logits of that example are far apart. */
  private static NonFiniteException lossOverflow(int epoch, double exampleLoss) {
    return new NonFiniteException("softmax cross-entropy: the loss summed over epoch " + (epoch + 1)
        + " overflowed at an example with L = " + Progress.number(exampleLoss) + "; the output layer's logits differ by about"
        + " that much (diverged training?)");
  }

  /**
   * The batched form of the model if it has one and every example fits it (else the teaching path
   * runs and is the one that reports what does not fit).
   */
  private static <W extends Params<W>> BatchClassifier<W> batchedPath(Classifier<W> model, List<Example> train,
      List<Example> test) {
    if (!BatchClassifier.supports(model.encoder())) return null;
    BatchClassifier<W> b = BatchClassifier.of(model).orElse(null);
    return b != null && b.accepts(train) && b.accepts(test) ? b : null;
  }

  /** {@link Classifier#accuracy}, on the batched path where it has one. */
  private static <W extends Params<W>> double accuracy(Classifier<W> model, List<Example> data, BatchClassifier<W> batched) {
    OptionalDouble a = batched == null ? OptionalDouble.empty() : batched.accuracy(data);
    return a.isPresent() ? a.getAsDouble() : model.accuracy(data);
  }

  /** Options with defaults: 20 epochs, batch 8, seed 42, Adam with α = 0.01, no clipping, the batched path where there is one. */
  public static final class Builder {
    private int epochs = 20;
    private int batchSize = 8;
    private long seed = 42;
    private Supplier<Optimizer> optimizer = () -> Adam.withLearningRate(0.01);
    private Clipping clipping = Clipping.NONE;
    private double clipThreshold = 1;
    private double stopAt = Double.POSITIVE_INFINITY;
    private boolean teachingPath;
    private Consumer<Step<?>> watcher;

    private Builder() {}

    public Builder epochs(int epochs) {
      this.epochs = Checks.positive("trainer", "epochs", epochs);
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive("trainer", "batch size", batchSize);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder adam(double learningRate) {
      Checks.positive("trainer", "learning rate", learningRate);
      this.optimizer = () -> Adam.withLearningRate(learningRate);
      return this;
    }

    public Builder sgd(double learningRate) {
      Sgd sgd = Sgd.withLearningRate(learningRate);
      this.optimizer = () -> sgd;
      return this;
    }

    public Builder clipByNorm(double threshold) {
      this.clipThreshold = Checks.positive("trainer", "clipping threshold", threshold);
      this.clipping = Clipping.BY_NORM;
      return this;
    }

    public Builder clipByValue(double limit) {
      this.clipThreshold = Checks.positive("trainer", "clipping limit", limit);
      this.clipping = Clipping.BY_VALUE;
      return this;
    }

    /**
     * Stop after the first epoch whose test accuracy is at least {@code level} (0 < level ≤ 1), so that
     * {@code epochs} becomes a budget: a run that learns stops early, and
     * {@link History#epochsToTestAccuracy} says when. Without a test set it never stops early.
     */
    public Builder stopAtTestAccuracy(double level) {
      if (!(level > 0 && level <= 1)) {
        throw new IllegalArgumentException("trainer: the test accuracy to stop at must be in (0, 1], got " + level);
      }
      this.stopAt = level;
      return this;
    }

    /**
     * Computes every gradient and accuracy on the teaching path, one example at a time through
     * {@link Classifier#lossAndGradient} (the batched path is used otherwise, where the model has one).
     * The History is the same either way; this path is slower, and reads like the equations.
     */
    public Builder teachingPath() {
      this.teachingPath = true;
      return this;
    }

    /**
     * Calls {@code watcher} at every optimizer step with the classifier before the step, the minibatch and its
     * gradient before clipping, e.g. to keep the step with the largest gradient. It must not throw.
     */
    public Builder onStep(Consumer<Step<?>> watcher) {
      this.watcher = Checks.notNull("trainer", "step watcher", watcher);
      return this;
    }

    public Trainer build() {
      return new Trainer(this);
    }
  }
}
