package gated.batch;

import java.util.HashMap;
import java.util.Map;

/**
 * The off-heap buffers of one layer, kept from call to call so that a training loop allocates
 * nothing per step: a buffer is reallocated only when a larger minibatch or a longer segment needs
 * more room. A layer and the layers made from it by {@code withWeights} share one workspace.
 *
 * <p>Because buffers are reused, every view handed out (a trace's outputs, a backward pass's input
 * gradient) carries a {@link Lease} and refuses to be read once a later pass has overwritten it.
 */
final class Workspace {
  final Precision precision;
  final String owner;
  private final Map<String, Mem> buffers = new HashMap<>();
  private final Map<String, double[]> scratch = new HashMap<>();
  private long epoch;
  private long lastForward;
  /** The layer whose weights are in the weight buffer now (identity), or null. */
  Object uploaded;

  Workspace(Precision precision, String owner) {
    this.precision = precision;
    this.owner = owner;
  }

  /** A buffer of at least {@code size} numbers; its contents are whatever the last pass left there. */
  Mem buffer(String name, long size) {
    Mem m = buffers.get(name);
    if (m == null || m.size < size) {
      buffers.remove(name);                          // let the old one go before allocating the new one
      m = Mem.allocate(precision, size, owner + ", buffer " + name);
      buffers.put(name, m);
      if (name.startsWith("weights")) uploaded = null;
    }
    return m;
  }

  /** A heap array of at least {@code size} doubles for the element-wise loops, reused from call to call. */
  double[] scratch(String name, int size) {
    double[] a = scratch.get(name);
    if (a == null || a.length < size) {
      a = new double[size];
      scratch.put(name, a);
    }
    return a;
  }

  /** A buffer of at least {@code size} ones (the column of ones that turns a bias into a product). */
  Mem ones(long size) {
    Mem m = buffers.get("ones");
    if (m == null || m.size < size) {
      m = buffer("ones", size);
      for (int k = 0; k < m.size; k++) m.set(k, 1);
    }
    return m;
  }

  /** Total bytes held. */
  long bytes() {
    long n = 0;
    for (Mem m : buffers.values()) n += (long) m.size * precision.bytes();
    return n;
  }

  synchronized Lease beginForward(String what) {
    epoch++;
    lastForward = epoch;
    return new Lease(this, epoch, true, what);
  }

  synchronized Lease beginBackward(String what) {
    epoch++;
    return new Lease(this, epoch, false, what);
  }

  synchronized boolean valid(Lease l) {
    return l.forward() ? lastForward == l.stamp() : epoch == l.stamp();
  }

  /**
   * The right to read what one pass wrote. A forward pass's values stay readable until the next
   * forward pass on the same workspace; a backward pass's values until the next pass of either kind.
   */
  record Lease(Workspace workspace, long stamp, boolean forward, String what) {
    boolean valid() {
      return workspace.valid(this);
    }

    void check(String op) {
      if (!valid()) {
        throw new IllegalStateException(op + ": " + what + " of " + workspace.owner + " (pass " + stamp
            + ") has been overwritten by a later " + (forward ? "forward" : "forward or backward")
            + " pass on the same layer, which reuses its buffers. Use it before the next pass, or keep a copy "
            + "(SeqBatch.copy(), or build a second layer for a second concurrent pass).");
      }
    }
  }
}
