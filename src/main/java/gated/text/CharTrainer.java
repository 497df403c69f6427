package gated.text;

import gated.Interrupt;
import gated.Interrupted;
import gated.internal.Checks;
import gated.tensor.Params;
import gated.train.Adam;
import gated.train.Clip;
import gated.train.NonFiniteException;
import gated.train.Progress;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link CharModel} on a long text with truncated back-propagation through time:
 *
 * <pre>
 *   state = 0
 *   for update u = 0, 1, 2, …  (until the update or time budget runs out):
 *     k = u mod (minibatches per pass);  if k = 0: state = 0          (a new pass over the text)
 *     loss, g, end = model.lossAndGradient(inputs(k), targets(k), state)
 *     g = clip(g, by global norm)
 *     θ = Adam(θ, g)
 *     state = end   (carried: row b of minibatch k+1 continues row b of minibatch k)
 *                   (or 0 when state carrying is switched off)
 *     every few updates: bits per character on the held-out batches
 * </pre>
 *
 * The time budget counts training only, on the CPU clock of the thread that trains: the held-out
 * evaluations are timed separately, and other programs on a busy machine do not eat into it, so two
 * models given the same budget get the same amount of computing. Wall-clock time is reported too.
 * Progress is the course's one progress line ({@link Progress}): the training bits per character, the latest
 * held-out score, updates per second and the time left, rewritten in place. Kernel → Interrupt stops training
 * between two updates with an {@link Interrupted} whose {@link Interrupted#partial()} is the History so far,
 * with the model of the last finished update.
 */
public final class CharTrainer {
  private final int streams;
  private final int steps;
  private final double learningRate;
  private final double clipNorm;
  private final int maxUpdates;
  private final double maxSeconds;
  private final int evaluations;
  private final boolean logSpaced;
  private final boolean carryState;
  private final PrintStream progress;

  private CharTrainer(Builder b) {
    this.streams = b.streams;
    this.steps = b.steps;
    this.learningRate = b.learningRate;
    this.clipNorm = b.clipNorm;
    this.maxUpdates = b.maxUpdates;
    this.maxSeconds = b.maxSeconds;
    this.evaluations = b.evaluations;
    this.logSpaced = b.logSpaced;
    this.carryState = b.carryState;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What happened.
   *
   * @param model the trained model
   * @param updates the update count at each evaluation (0 = before training)
   * @param seconds training seconds (CPU time of the training thread) at each evaluation
   * @param heldOutBits held-out bits per character at each evaluation
   * @param trainBits mean training bits per character of the updates since the previous evaluation (NaN at 0)
   * @param trainSeconds total training time, CPU time of the training thread (evaluations excluded)
   * @param trainWallSeconds the same on the wall clock
   * @param evalSeconds total wall-clock time of the held-out evaluations
   * @param characters characters trained on (B·T per update)
   * @param diverged empty, or why training stopped
   * @param models the model at each evaluation (0 = before training), e.g. to sample from it
   */
  public record History<P extends Params<P>>(CharModel<P> model, List<Integer> updates, List<Double> seconds,
      List<Double> heldOutBits, List<Double> trainBits, double trainSeconds, double trainWallSeconds, double evalSeconds,
      long characters,
      String diverged, List<CharModel<P>> models) {

    public double finalHeldOutBits() {
      return heldOutBits.get(heldOutBits.size() - 1);
    }

    public int totalUpdates() {
      return updates.get(updates.size() - 1);
    }

    public double[] updatesArray() {
      return updates.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    public double[] secondsArray() {
      return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] heldOutArray() {
      return heldOutBits.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /** Trains on {@code train} (character indices) and scores on {@code heldOut} batches. */
  public <P extends Params<P>> History<P> fit(CharModel<P> model, int[] train, BpttBatches heldOut) {
    Checks.notNull("character training", "model", model);
    Checks.notNull("character training", "held-out batches", heldOut);
    BpttBatches batches = BpttBatches.of(train, streams, steps);
    Adam adam = Adam.withLearningRate(learningRate);
    List<Integer> ups = new ArrayList<>();
    List<Double> secs = new ArrayList<>(), held = new ArrayList<>(), tr = new ArrayList<>();
    List<CharModel<P>> snapshots = new ArrayList<>();
    snapshots.add(model);
    long evalNanos = 0;
    evalNanos += evaluate(model, heldOut, ups, secs, held, tr, 0, 0, Double.NaN);
    CharModel<P> current = model;
    CharModel.State state = current.zeroState(streams);
    long trainNanos = 0;                                                     // CPU time of this thread
    long wallNanos = 0;
    double sinceNats = 0;
    long sinceChars = 0;
    int u = 0;
    String diverged = "";
    int evaluation = 1;                                                      // the next evaluation, 1 … evaluations
    Progress line = progress == null ? null : Progress.of(maxUpdates).label(model.name()).lossName("bits/char")
        .note(String.format("held-out %.3f", held.get(0))).to(progress);
    while (true) {
      if (Interrupt.requested()) {                                          // Kernel → Interrupt: stop between updates
        if (line != null) line.finish();
        throw new Interrupted("interrupted after update " + u + "; its model is kept in the History of this "
            + "exception (partial())", new History<>(current, List.copyOf(ups), List.copyOf(secs), List.copyOf(held),
            List.copyOf(tr), trainNanos / 1e9, wallNanos / 1e9, evalNanos / 1e9, (long) u * streams * steps,
            "interrupted", List.copyOf(snapshots)));
      }
      long s = cpuNanos();
      long w = System.nanoTime();
      int k = u % batches.count();
      if (k == 0 || !carryState) state = current.zeroState(streams);
      try {
        CharModel.Training<P> r = current.lossAndGradient(batches.inputs(k), batches.targets(k), state);
        double norm = r.gradient().norm();
        if (!Double.isFinite(norm)) throw new NonFiniteException("the gradient norm is " + norm);
        P g = Clip.byGlobalNorm(r.gradient(), clipNorm);                   // g ← g·min(1, threshold/‖g‖)
        current = current.withWeights(adam.step(current.weights(), g));     // θ ← Adam(θ, g)
        state = r.end();                                                    // values only: no gradient crosses
        sinceNats += r.loss();
        sinceChars += r.characters();
        if (line != null) line.step(Bits.fromNats(r.loss() / r.characters()));
      } catch (NonFiniteException e) {
        diverged = "update " + (u + 1) + ": " + e.getMessage();
        trainNanos += cpuNanos() - s;
        wallNanos += System.nanoTime() - w;
        break;
      }
      u++;
      trainNanos += cpuNanos() - s;
      wallNanos += System.nanoTime() - w;
      double done = Math.max((double) u / maxUpdates, trainNanos / 1e9 / maxSeconds);
      boolean last = done >= 1;
      if (last || done >= fractionAt(evaluation)) {
        while (evaluation < evaluations && fractionAt(evaluation) <= done) evaluation++;   // one evaluation per update
        double trainBits = Bits.fromNats(sinceNats / sinceChars);
        sinceNats = 0;
        sinceChars = 0;
        evalNanos += evaluate(current, heldOut, ups, secs, held, tr, u, trainNanos / 1e9, trainBits);
        snapshots.add(current);
        if (line != null) line.note(String.format("held-out %.3f", held.get(held.size() - 1)));
      }
      if (last) break;
    }
    if (line != null) line.finish();
    if (!diverged.isEmpty() && progress != null) progress.println("stopped: " + diverged);
    if (diverged.isEmpty() && u < maxUpdates && progress != null) {
      String budget = maxSeconds == Math.rint(maxSeconds) ? String.format("%.0f", maxSeconds) : String.valueOf(maxSeconds);
      progress.println("stopped by the time budget of " + budget + " s (CPU) after " + u + " of " + maxUpdates + " updates");
    }
    return new History<>(current, List.copyOf(ups), List.copyOf(secs), List.copyOf(held), List.copyOf(tr),
        trainNanos / 1e9, wallNanos / 1e9, evalNanos / 1e9, (long) u * streams * steps, diverged, List.copyOf(snapshots));
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU time of the current thread in nanoseconds, or the wall clock where the JVM cannot measure it. */
  static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
        ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /**
   * The share of the run (of its updates or of its time budget, whichever is further along) at which evaluation e
   * (1 … evaluations) falls: evenly spaced, e / E, or doubling, 2^(e − E), so that the early, fast changes are seen.
   */
  private double fractionAt(int e) {
    return logSpaced ? Math.pow(2, e - evaluations) : (double) e / evaluations;
  }

  private static long evaluate(CharModel<?> model, BpttBatches heldOut, List<Integer> ups, List<Double> secs,
      List<Double> held, List<Double> tr, int u, double seconds, double trainBits) {
    long s = System.nanoTime();
    held.add(Evaluation.bitsPerChar(model, heldOut));
    ups.add(u);
    secs.add(seconds);
    tr.add(trainBits);
    return System.nanoTime() - s;
  }

  /**
   * Options: B = 16 streams, T = 32 steps, Adam α = 0.01, clipping at norm 1, at most 1000 updates or
   * 30 s of training (whichever comes first), 8 held-out evaluations, state carried, no progress lines.
   */
  public static final class Builder {
    private int streams = 16;
    private int steps = 32;
    private double learningRate = 0.01;
    private double clipNorm = 1;
    private int maxUpdates = 1000;
    private double maxSeconds = 30;
    private int evaluations = 8;
    private boolean logSpaced;
    private boolean carryState = true;
    private PrintStream progress;

    private Builder() {}

    /** B: rows per minibatch, each a contiguous stream of the text. */
    public Builder streams(int streams) {
      this.streams = Checks.positive("character training", "streams B", streams);
      return this;
    }

    /** T: characters per row, the length back-propagation reaches back. */
    public Builder steps(int steps) {
      this.steps = Checks.positive("character training", "steps T", steps);
      return this;
    }

    public Builder adam(double learningRate) {
      this.learningRate = Checks.positive("character training", "learning rate α", learningRate);
      return this;
    }

    /** Scale the gradient down to this global norm when it is larger. */
    public Builder clipByNorm(double threshold) {
      this.clipNorm = Checks.positive("character training", "clipping threshold", threshold);
      return this;
    }

    public Builder maxUpdates(int updates) {
      this.maxUpdates = Checks.positive("character training", "updates", updates);
      return this;
    }

    /** A training-time budget in CPU seconds of the training thread (held-out evaluations not counted). */
    public Builder maxSeconds(double seconds) {
      this.maxSeconds = Checks.positive("character training", "seconds", seconds);
      return this;
    }

    /** How many held-out evaluations to spread evenly over the run (besides the one before training). */
    public Builder evaluations(int evaluations) {
      this.logSpaced = false;
      this.evaluations = Checks.positive("character training", "evaluations", evaluations);
      return this;
    }

    /**
     * {@code evaluations} held-out evaluations at doubling distances, the last at the end: with 8 over 800 updates,
     * at updates 7, 13, 25, 50, 100, 200, 400 and 800 (or at those shares of the time budget).
     */
    public Builder logSpacedEvaluations(int evaluations) {
      this.evaluations = Checks.positive("character training", "evaluations", evaluations);
      this.logSpaced = true;
      return this;
    }

    /** false: every minibatch starts from h_0 = 0 instead of where the previous one ended. */
    public Builder carryState(boolean carry) {
      this.carryState = carry;
      return this;
    }

    /**
     * Where the progress line goes (e.g. System.out; null for none): one {@link Progress} line, updated in place
     * at most once a second, with the held-out score of the latest evaluation.
     */
    public Builder progress(PrintStream out) {
      this.progress = out;
      return this;
    }

    public CharTrainer build() {
      return new CharTrainer(this);
    }
  }
}
