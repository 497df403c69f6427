package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * The course's replacement for rapaio-jupyter-kernel 3.0.1's class of the same name: how JShell
 * runs a snippet inside the kernel's JVM, and how a running snippet is stopped. It takes
 * precedence because the course's jar comes before the kernel's jar on the class path; the course
 * script compiles it against the pinned kernel 3.0.1 and refuses any other version. Written for
 * this course; see kernel/README.md for the diagnosis.
 *
 * <h2>What was wrong</h2>
 * The kernel's version ran each snippet on a thread pool and, on an interrupt, cancelled the task
 * (Thread.interrupt, which a busy loop never looks at) and then shut the pool down for good. The
 * snippet went on running in the background, and from then on every snippet was rejected by the
 * dead pool; JShell swallows that kind of failure, so every later cell "succeeded" at once and ran
 * nothing.
 *
 * <h2>What this class does</h2>
 * <ul>
 *   <li>One long-lived runner thread (its context class loader is JShell's, as the libraries
 *       that use ServiceLoader need) runs the snippets one at a time; the kernel's shell thread
 *       waits for each.</li>
 *   <li>{@link #requestStop} (Kernel → Interrupt) marks the rest of the current cell as stopped,
 *       interrupts the runner (the course library's long loops poll that flag, see
 *       {@code gated.Interruption}), and stops snippet code itself: on JDK 20 and later through
 *       JShell's own stop flag, which {@link LocalExecutionControl} compiles into every loop of
 *       the snippet's code (hence this class extends it and lets it {@code load} the classes);
 *       on JDK 17-19, where that instrumentation does not exist, with Thread.stop after a short
 *       grace period in which the library can stop cleanly.</li>
 *   <li>A stopped snippet surfaces as an EvalException whose class name is
 *       {@link #INTERRUPTED_MARKER}, which the kernel's JavaEngine turns into an
 *       EvaluationInterruptedException; the runner survives and the next cell runs normally.</li>
 *   <li>Results are handed to the JavaEngine as objects (not strings), under a key, as the
 *       kernel's own class did, so that values can be displayed richly.</li>
 * </ul>
 */
public class RapaioExecutionControl extends LocalExecutionControl {

  /** Exception class names the kernel's JavaEngine recognises (its compiled-in constants). */
  public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
  public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";

  /** How long a library loop gets to stop by itself before Thread.stop (JDK 17-19 only). */
  static final long GRACE_MILLIS = 300;
  /** After this long the runner is given up (left running) and the cell reports so. */
  static final long ABANDON_MILLIS = 3000;

  private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;
  private static final AtomicInteger RUNNERS = new AtomicInteger();
  private static volatile RapaioExecutionControl instance;

  private final long timeoutMillis;
  private final ClassLoader snippetLoader;
  private final Map<String, Object> results = new HashMap<>();
  private volatile Runner runner;
  private volatile boolean stopRequested;
  private volatile boolean timedOut;
  private volatile long stopRequestedAt;
  private volatile String abandoned = "";
  private volatile long runNanos;

  public RapaioExecutionControl(long timeoutMillis) {
    super();   // installs JShell's class loader as this thread's context class loader
    this.timeoutMillis = timeoutMillis;
    this.snippetLoader = Thread.currentThread().getContextClassLoader();
    instance = this;
  }

  /** The control JShell created for the kernel (there is one per kernel), or null before that. */
  public static RapaioExecutionControl instance() {
    return instance;
  }

  public long getTimeout() {
    return timeoutMillis;
  }

  /**
   * The value of the snippet that {@link #invoke(Method)} returned {@code key} for. JShell replaces
   * the key of a snippet that has no value (a statement) by "", which has no value here: null.
   */
  public Object takeResult(String key) {
    synchronized (results) {
      return results.remove(key);
    }
  }

  /** A new cell starts: an interrupt that came before it no longer applies. */
  public void beginCell() {
    stopRequested = false;
    timedOut = false;
    runNanos = 0;
    synchronized (results) {
      results.clear();   // values of statements, which JShell never asks for
    }
  }

  /** True if the current cell was asked to stop. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Seconds the current cell's snippets have run (the rest of a cell's time is JShell compiling). */
  public double runSeconds() {
    return runNanos / 1e9;
  }

  /** Non-empty if a snippet did not stop in time and its thread was left running. */
  public String abandoned() {
    return abandoned;
  }

  /** Kernel → Interrupt: stop the running snippet and skip the rest of the cell. Any thread. */
  public void requestStop() {
    if (!stopRequested) {
      stopRequestedAt = System.nanoTime();
      stopRequested = true;
    }
    Runner r = runner;
    if (r != null && r.busy) r.interrupt();
    if (!THREAD_STOP_WORKS) {
      try {
        super.stop();   // raises JShell's stop flag, checked in every loop of snippet code
      } catch (Exception ignored) {
        // nothing is running: nothing to stop
      }
    }
  }

  /** Called by JShell.stop() and by the kernel's JavaEngine.interrupt(). */
  @Override
  public void stop() {
    requestStop();
  }

  /** Called by the kernel's JavaEngine.interrupt(); same as {@link #stop()}. */
  public void interrupt() {
    requestStop();
  }

  /** Runs a snippet's do-it method on the runner thread and waits for it. */
  @Override
  protected String invoke(Method doit) throws Exception {
    if (stopRequested) throw stopped();
    if (!THREAD_STOP_WORKS) {
      // LocalExecutionControl's own invoke loads JShell's stop-flag class on first use and lowers
      // the flag; running it on a method that does nothing does just that.
      super.invoke(NOTHING);
    }
    Runner r = runner();
    Job job = new Job(doit);
    while (!r.jobs.offer(job, 1, TimeUnit.SECONDS)) r = runner();   // a runner that died is replaced
    long started = System.nanoTime();
    long lastStop = 0;
    while (!job.done.await(50, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      if (timeoutMillis > 0 && !stopRequested && now - started > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
        timedOut = true;
        requestStop();
      }
      if (!stopRequested) continue;
      long since = TimeUnit.NANOSECONDS.toMillis(now - stopRequestedAt);
      r.interrupt();   // again: a library may have swallowed the first one
      if (THREAD_STOP_WORKS && since >= GRACE_MILLIS && now - lastStop > TimeUnit.MILLISECONDS.toNanos(200) && r.busy) {
        lastStop = now;
        stopThread(r);
      }
      if (since >= ABANDON_MILLIS) {
        runner = null;   // the next snippet gets a fresh runner
        abandoned = "the stopped cell's thread " + r.getName() + " did not end within "
            + ABANDON_MILLIS / 1000 + " s and was left running";
        throw stopped();
      }
    }
    runNanos += System.nanoTime() - started;
    Throwable failure = job.failure;
    if (failure == null) {
      String key = UUID.randomUUID().toString();
      synchronized (results) {
        results.put(key, job.value);
      }
      return key;
    }
    if (failure instanceof ThreadDeath) throw stopped();   // JShell's stop flag or Thread.stop
    if (failure instanceof SPIResolutionException e) throw e;
    throw new InvocationTargetException(failure);          // JShell reports it as the user's exception
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stopThread(Thread t) {
    t.stop();   // JDK 17-19 only (guarded by THREAD_STOP_WORKS)
  }

  private UserException stopped() {
    return new UserException(timedOut ? "Execution timed out" : "Execution interrupted.",
        timedOut ? TIMEOUT_MARKER : INTERRUPTED_MARKER, new StackTraceElement[0]);
  }

  private Runner runner() {
    Runner r = runner;
    if (r == null || !r.isAlive()) {
      r = new Runner();
      runner = r;   // before start(): the runner's loop runs while it is the current one
      r.start();
    }
    return r;
  }

  /** A method that does nothing, for {@link #invoke(Method)}. */
  public static Object nothing() {
    return null;
  }

  private static final Method NOTHING;

  static {
    try {
      NOTHING = RapaioExecutionControl.class.getMethod("nothing");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final class Job {
    final Method method;
    final CountDownLatch done = new CountDownLatch(1);
    volatile Object value;
    volatile Throwable failure;

    Job(Method method) {
      this.method = method;
    }
  }

  /** The thread that runs snippets; it survives a stopped snippet. */
  private final class Runner extends Thread {
    final SynchronousQueue<Job> jobs = new SynchronousQueue<>();
    volatile boolean busy;

    Runner() {
      super("cell-runner-" + RUNNERS.incrementAndGet());
      setDaemon(true);
      setContextClassLoader(snippetLoader);
    }

    @Override
    public void run() {
      while (runner == this) {
        Job job;
        try {
          job = jobs.poll(1, TimeUnit.SECONDS);
        } catch (Throwable interruptedOrStopped) {
          continue;
        }
        if (job == null) continue;
        try {
          Thread.interrupted();   // a stop meant for an earlier snippet must not reach this one
          busy = true;
          job.value = job.method.invoke(null);
        } catch (InvocationTargetException e) {
          job.failure = e.getCause();
        } catch (Throwable t) {
          job.failure = t;
        } finally {
          busy = false;
          job.done.countDown();
        }
      }
    }
  }
}
