package gated;

import java.util.function.Supplier;

/**
 * Kernel → Interrupt for the library's long loops: training epochs and minibatches, gradient
 * checks, sweeps. The notebook kernel interrupts the thread that runs the cell; a long loop calls
 * {@link #check} once per step and stops with an {@link Interrupted} that says, in one line, where
 * it stopped and what is kept. The kernel shows that line and nothing else.
 *
 * <pre>
 *   for (int epoch = 0; epoch &lt; epochs; epoch++) {
 *     int done = epoch;
 *     Interrupt.check(() -&gt; "interrupted at epoch " + (done + 1) + " of " + epochs
 *         + "; the weights of epoch " + done + " are kept");
 *     …
 *   }
 * </pre>
 *
 * <p>Rules for code that calls it:
 * <ul>
 *   <li>Call it between steps, never in the middle of an update: everything the loop has built is
 *       an immutable value, so stopping there leaves nothing half-updated. Attach the last complete
 *       result with {@link Interrupted#Interrupted(String, Object)} when there is one.</li>
 *   <li>Call it from the thread that runs the cell (worker threads are not interrupted); it costs
 *       one read of the thread's interrupt flag, so once per minibatch or per step is fine.</li>
 *   <li>Outside a notebook nothing changes: a thread that nobody interrupts never stops here.</li>
 * </ul>
 *
 * <p>The interrupt flag is left set, so loops further up the stack stop too; the kernel clears it
 * before the next cell.
 */
public final class Interrupt {
  private Interrupt() {}

  /** True if the current thread was asked to stop (Kernel → Interrupt). */
  public static boolean requested() {
    return Thread.currentThread().isInterrupted();
  }

  /**
   * Throws {@link Interrupted} with {@code message.get()} if the current thread was asked to stop.
   *
   * @param message the one line to show, e.g. "interrupted at step 3 of 10"; built only when needed
   */
  public static void check(Supplier<String> message) {
    if (requested()) throw new Interrupted(message.get());
  }
}
