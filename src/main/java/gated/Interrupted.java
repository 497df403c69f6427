package gated;

/**
 * A long loop of the library stopped because the notebook's Kernel → Interrupt was pressed (see
 * {@link Interrupt}). The message is the one line the student sees, e.g. "interrupted at epoch 12
 * of 40; the weights of epoch 11 are kept".
 */
public final class Interrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Object partial;

  public Interrupted(String message) {
    this(message, null);
  }

  /**
   * @param message the one line to show
   * @param partial the last complete result (e.g. the training history up to the last full
   *     epoch), or null if there is none
   */
  public Interrupted(String message, Object partial) {
    super(message);
    this.partial = partial;
  }

  /**
   * The last complete result the loop had when it stopped, or null. {@code Trainer.fit} gives its
   * {@code Trainer.History} of the epochs that finished, with their weights.
   */
  public Object partial() {
    return partial;
  }
}
