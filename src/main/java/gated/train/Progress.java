package gated.train;

import gated.internal.Checks;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a training run longer than a few seconds: call {@link #step} once per minibatch and
 * {@link #finish} at the end.
 *
 * <pre>
 *   Progress progress = Progress.of(steps).label("LSTM");
 *   for (int s = 0; s &lt; steps; s++) {
 *     double loss = …;                 // one minibatch: forward, backward, optimizer step
 *     progress.step(loss);
 *   }
 *   progress.finish();
 * </pre>
 *
 * By default one line is rewritten in place (a carriage return before each update, at most one
 * update per second): the course's Java kernel sends each update as it is printed, Jupyter merges
 * carriage-return output into a single changing line, and nbconvert's HTML (the handouts) shows only
 * its last state. {@link #lines} prints a new line per update instead (every ten seconds
 * by default), for logs. The line counts minibatches as "updates" (one optimizer update each), so that
 * "step" stays free for the time steps t = 1 … T of a sequence. Each printed line shows the update, the
 * mean loss since the previous line, updates per second and the estimated time left:
 *
 * <pre>  LSTM  update 120/1000 (12%)  loss 2.314  9.8 updates/s  ETA 1 min 30 s</pre>
 *
 * <p>The finished line gives the total: {@code LSTM  1000 updates in 1 min 42 s (9.8 updates/s), last loss 1.523}.
 * A {@link #note} (for example the latest held-out score) is added after the loss on every line.
 */
public final class Progress {
  private final int total;
  private final LongSupplier clock;
  private PrintStream out = System.out;
  private String label = "";
  private String lossName = "loss";
  private String note = "";
  private boolean inPlace = true;
  private long intervalNanos = 1_000_000_000L;
  private boolean explicitInterval;

  private final long start;
  private long lastPrint;
  private int steps;
  private double windowSum;
  private int windowCount;
  private double lastWindowMean = Double.NaN;
  private int printedWidth;
  private int updates;
  private boolean finished;

  Progress(int total, LongSupplier clock) {
    this.total = total;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastPrint = start;
  }

  /**
   * Progress towards {@code totalSteps} minibatches (0 if unknown: no percentage, no ETA). The clock
   * starts now: make it just before the loop.
   */
  public static Progress of(int totalSteps) {
    if (totalSteps < 0) throw new IllegalArgumentException("progress: the number of steps must be 0 (unknown) or more, got " + totalSteps);
    return new Progress(totalSteps, System::nanoTime);
  }

  /** A name printed first on every line, e.g. "LSTM" when several models train one after another. */
  public Progress label(String label) {
    this.label = Checks.notNull("progress", "label", label);
    return this;
  }

  /** What the number passed to {@link #step} is called on the line (default "loss"; e.g. "bits/char"). */
  public Progress lossName(String name) {
    this.lossName = Checks.notNull("progress", "loss name", name);
    return this;
  }

  /**
   * A short note shown after the loss on every line from now on, e.g. the latest held-out score
   * ({@code "held-out 2.345"}); empty for none. It appears on the final line too.
   */
  public Progress note(String note) {
    this.note = Checks.notNull("progress", "note", note);
    return this;
  }

  /** At most one update per {@code seconds}. */
  public Progress every(double seconds) {
    Checks.positive("progress", "seconds between updates", seconds);
    this.intervalNanos = (long) (seconds * 1e9);
    this.explicitInterval = true;
    return this;
  }

  /** A new line per update instead of one line rewritten in place (every ten seconds unless {@link #every} says otherwise). */
  public Progress lines() {
    this.inPlace = false;
    if (!explicitInterval) intervalNanos = 10_000_000_000L;
    return this;
  }

  /** Where the lines go (default System.out). */
  public Progress to(PrintStream stream) {
    this.out = Checks.notNull("progress", "stream", stream);
    return this;
  }

  /** One minibatch done, with its loss. Prints an update when the interval has passed since the last one. */
  public void step(double loss) {
    if (finished) throw new IllegalStateException("progress: step() after finish()");
    long now = clock.getAsLong();
    steps++;
    windowSum += loss;
    windowCount++;
    if (steps == 1 || now - lastPrint >= intervalNanos) {
      lastWindowMean = windowSum / windowCount;
      windowSum = 0;
      windowCount = 0;
      lastPrint = now;
      print(update(now));
    }
  }

  /** Ends the run with a summary line. */
  public void finish() {
    if (finished) return;
    finished = true;
    long now = clock.getAsLong();
    if (windowCount > 0) lastWindowMean = windowSum / windowCount;
    String line = prefix() + steps + (steps == 1 ? " update" : " updates") + " in " + duration(seconds(now))
        + (steps > 0 ? String.format(Locale.ROOT, " (%s updates/s), last %s %s", rate(now), lossName, number(lastWindowMean)) : "")
        + (note.isEmpty() ? "" : ", " + note);
    if (inPlace) {
      out.print("\r" + pad(line) + "\n");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Minibatches done so far. */
  public int steps() {
    return steps;
  }

  /** Seconds since this progress was made. */
  public double elapsedSeconds() {
    return seconds(clock.getAsLong());
  }

  /** How many updates have been printed (not counting the final line). */
  public int updates() {
    return updates;
  }

  private String update(long now) {
    StringBuilder s = new StringBuilder(prefix());
    s.append("update ").append(steps);
    if (total > 0) s.append('/').append(total).append(String.format(Locale.ROOT, " (%d%%)", (int) (100L * steps / total)));
    s.append("  ").append(lossName).append(' ').append(number(lastWindowMean));
    if (!note.isEmpty()) s.append("  ").append(note);
    s.append("  ").append(rate(now)).append(" updates/s");
    if (total > 0 && steps < total) s.append("  ETA ").append(duration(seconds(now) / steps * (total - steps)));
    return s.toString();
  }

  private void print(String line) {
    updates++;
    if (inPlace) {
      out.print("\r" + pad(line));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Spaces after a shorter line, so a terminal shows no leftovers of the longer one before it. */
  private String pad(String line) {
    String padded = line.length() < printedWidth ? line + " ".repeat(printedWidth - line.length()) : line;
    printedWidth = line.length();
    return padded;
  }

  private String prefix() {
    return label.isEmpty() ? "" : label + "  ";
  }

  private double seconds(long now) {
    return (now - start) / 1e9;
  }

  /** Steps per second since the start. */
  private String rate(long now) {
    double s = seconds(now);
    return s <= 0 ? "–" : number(steps / s);
  }

  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 1e7 ? "%.2e" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f"
        : a >= 0.01 || a == 0 ? "%.3f" : "%.2e", v);                     // 1e308 as 1.00e+308, not 309 digits
  }

  /** "45 s", "1 min 30 s", "2 h 5 min". */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 10) return String.format(Locale.ROOT, "%.1f s", seconds);
    if (s < 60) return s + " s";
    if (s < 3600) return s / 60 + " min " + s % 60 + " s";
    return s / 3600 + " h " + (s % 3600) / 60 + " min";
  }
}
