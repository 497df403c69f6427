package gated.batch;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only block of numbers [T, B, F]: for each of B sequences, T vectors of F numbers. The
 * inputs of a batched layer, its outputs h_1 … h_T, and the gradients that flow between layers.
 *
 * <p>Layout (what the matrix products see): one row per (step, sequence), time-major, so row
 * {@code t·B + b} holds step t of sequence b and the B rows of one step are adjacent. The rows of
 * the whole minibatch form one [T·B, F] matrix (that is what lets the input projection be a
 * single product); the rows of step t form the [B, F] matrix of that step.
 *
 * <p>A {@code SeqBatch} made by {@link #of} or {@link #copy} owns its numbers. One handed out by
 * a layer is a view of that layer's reused buffers: it is readable until the layer's next pass
 * (reading it later throws {@link IllegalStateException}); {@link #copy} keeps it.
 *
 * <p>Accessors take the sequence first, then the step, like the {@code [B][T][F]} arrays they
 * accept and return; both count from 0.
 */
public final class SeqBatch implements BatchInput {
  final Mem mem;
  final int offset;  // where row 0 starts
  final int ld;      // numbers from one row to the next (≥ F)
  private final int steps;
  private final int batch;
  private final int features;
  private final Workspace.Lease lease; // null: owned

  SeqBatch(Mem mem, int offset, int ld, int steps, int batch, int features, Workspace.Lease lease) {
    this.mem = mem;
    this.offset = offset;
    this.ld = ld;
    this.steps = steps;
    this.batch = batch;
    this.features = features;
    this.lease = lease;
  }

  /**
   * B sequences of T vectors, copied into the given precision.
   *
   * @param sequences sequences.get(b).get(t) is x_t of sequence b (every x_t of the same size F)
   */
  public static SeqBatch of(List<List<Vec>> sequences, Precision precision) {
    String op = "minibatch of sequences";
    Checks.nonEmpty(op, "the list of sequences", sequences);
    Checks.notNull(op, "precision", precision);
    int b = sequences.size();
    List<Vec> first = sequences.get(0);
    Checks.nonEmpty(op, "sequence 0", first);
    int t = first.size();
    int f = first.get(0).size();
    double[][][] values = new double[b][t][];
    for (int s = 0; s < b; s++) {
      List<Vec> xs = sequences.get(s);
      Checks.nonEmpty(op, "sequence " + s, xs);
      if (xs.size() != t) {
        throw new IllegalArgumentException(op + ": sequence " + s + " has " + xs.size() + " steps but sequence 0 has " + t
            + "; every sequence of a minibatch needs the same length T");
      }
      for (int k = 0; k < t; k++) {
        Checks.vector(op, "x_" + (k + 1) + " of sequence " + s, xs.get(k), f, "the size of x_1 of sequence 0");
        values[s][k] = xs.get(k).toArray();
      }
    }
    return of(values, precision);
  }

  /** From an array [B][T][F], copied. Every number must be finite. */
  public static SeqBatch of(double[][][] values, Precision precision) {
    String op = "minibatch of sequences";
    Checks.notNull(op, "values", values);
    Checks.notNull(op, "precision", precision);
    if (values.length == 0 || values[0] == null || values[0].length == 0 || values[0][0] == null
        || values[0][0].length == 0) {
      throw new IllegalArgumentException(op + ": the array must be [B][T][F] with B, T, F ≥ 1");
    }
    int b = values.length, t = values[0].length, f = values[0][0].length;
    Mem m = Mem.allocate(precision, (long) t * b * f, op);
    for (int s = 0; s < b; s++) {
      if (values[s] == null || values[s].length != t) {
        throw new IllegalArgumentException(op + ": sequence " + s + " has " + (values[s] == null ? "no" : values[s].length)
            + " steps but sequence 0 has " + t + "; every sequence of a minibatch needs the same length T");
      }
      for (int k = 0; k < t; k++) {
        double[] x = values[s][k];
        if (x == null || x.length != f) {
          throw new IllegalArgumentException(op + ": x_" + (k + 1) + " of sequence " + s + " has "
              + (x == null ? "no" : x.length) + " entries but x_1 of sequence 0 has " + f);
        }
        for (int j = 0; j < f; j++) {
          if (!Double.isFinite(x[j])) {
            throw new IllegalArgumentException(op + ": x_" + (k + 1) + " of sequence " + s + " holds " + x[j]
                + " at index " + j + "; inputs must be finite numbers");
          }
        }
        m.put((k * b + s) * f, x, 0, f);
      }
    }
    return new SeqBatch(m, 0, f, t, b, f, null);
  }

  /** T × B × F zeros. */
  public static SeqBatch zeros(int steps, int batchSize, int features, Precision precision) {
    String op = "minibatch of zeros";
    Checks.positive(op, "T", steps);
    Checks.positive(op, "B", batchSize);
    Checks.positive(op, "F", features);
    Checks.notNull(op, "precision", precision);
    return new SeqBatch(Mem.allocate(precision, (long) steps * batchSize * features, op), 0, features, steps,
        batchSize, features, null);
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public int batchSize() {
    return batch;
  }

  @Override
  public int features() {
    return features;
  }

  public Precision precision() {
    return mem.precision();
  }

  /** Columns [from, from + count) of every row, as a view under the same lease. */
  SeqBatch columns(int from, int count) {
    return new SeqBatch(mem, offset + from, ld, steps, batch, count, lease);
  }

  /** False once a later pass of the layer that made this view has overwritten it. */
  public boolean isReadable() {
    return lease == null || lease.valid();
  }

  void requireReadable(String op) {
    if (lease != null) lease.check(op);
  }

  /** Index of (step t, sequence b, entry 0) in {@link #mem}. */
  int at(int t, int b) {
    return offset + (t * batch + b) * ld;
  }

  /** Entry k of x_t of sequence b (all counted from 0). */
  public double get(int b, int t, int k) {
    requireReadable("SeqBatch.get");
    check(b, t);
    if (k < 0 || k >= features) throw new IllegalArgumentException("SeqBatch.get: entry " + k + " is outside 0.." + (features - 1));
    return mem.get(at(t, b) + k);
  }

  /** The vector at step t of sequence b. */
  public Vec vector(int b, int t) {
    requireReadable("SeqBatch.vector");
    check(b, t);
    double[] v = new double[features];
    mem.get(at(t, b), v, 0, features);
    return Vec.of(v);
  }

  /** Sequence b as T vectors, in the form the teaching path ({@code gated.model}) uses. */
  public List<Vec> sequence(int b) {
    requireReadable("SeqBatch.sequence");
    check(b, 0);
    List<Vec> out = new ArrayList<>(steps);
    for (int t = 0; t < steps; t++) out.add(vector(b, t));
    return out;
  }

  /** Every sequence: {@code sequences().get(b).get(t)}. */
  public List<List<Vec>> sequences() {
    List<List<Vec>> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) out.add(sequence(b));
    return out;
  }

  /** Step t of every sequence as a [B, F] matrix (row b is sequence b). */
  public Matrix step(int t) {
    requireReadable("SeqBatch.step");
    check(0, t);
    double[] v = new double[batch * features];
    for (int b = 0; b < batch; b++) mem.get(at(t, b), v, b * features, features);
    return Matrix.of(batch, features, v);
  }

  /** Entry k of every step of sequence b: one unit's trace over time, [T]. */
  public double[] unit(int b, int k) {
    requireReadable("SeqBatch.unit");
    check(b, 0);
    if (k < 0 || k >= features) throw new IllegalArgumentException("SeqBatch.unit: entry " + k + " is outside 0.." + (features - 1));
    double[] out = new double[steps];
    for (int t = 0; t < steps; t++) out[t] = mem.get(at(t, b) + k);
    return out;
  }

  /** Every number, [B][T][F]. */
  public double[][][] toArray() {
    requireReadable("SeqBatch.toArray");
    double[][][] out = new double[batch][steps][features];
    for (int b = 0; b < batch; b++) for (int t = 0; t < steps; t++) mem.get(at(t, b), out[b][t], 0, features);
    return out;
  }

  /** An owned copy, readable whatever the layer that made this view does next. */
  public SeqBatch copy() {
    requireReadable("SeqBatch.copy");
    Mem m = Mem.allocate(precision(), (long) steps * batch * features, "copy of a minibatch");
    double[] row = new double[features];
    for (int r = 0; r < steps * batch; r++) {
      mem.get(offset + r * ld, row, 0, features);
      m.put(r * features, row, 0, features);
    }
    return new SeqBatch(m, 0, features, steps, batch, features, null);
  }

  /** max |a − b| over every entry; the two must have the same shape. */
  public double maxAbsDifference(SeqBatch other) {
    requireReadable("SeqBatch.maxAbsDifference");
    Checks.notNull("SeqBatch.maxAbsDifference", "other", other);
    other.requireReadable("SeqBatch.maxAbsDifference");
    if (other.steps != steps || other.batch != batch || other.features != features) {
      throw new IllegalArgumentException("SeqBatch.maxAbsDifference: " + shape() + " against " + other.shape());
    }
    double worst = 0;
    for (int t = 0; t < steps; t++) {
      for (int b = 0; b < batch; b++) {
        for (int k = 0; k < features; k++) worst = Math.max(worst, Math.abs(mem.get(at(t, b) + k) - other.mem.get(other.at(t, b) + k)));
      }
    }
    return worst;
  }

  /** "T=35 × B=32 × F=128". */
  public String shape() {
    return "T=" + steps + " × B=" + batch + " × F=" + features;
  }

  private void check(int b, int t) {
    if (b < 0 || b >= batch || t < 0 || t >= steps) {
      throw new IllegalArgumentException("SeqBatch: (sequence " + b + ", step " + t + ") is outside B = " + batch
          + ", T = " + steps);
    }
  }

  @Override
  public String toString() {
    return "SeqBatch " + shape() + " (" + precision() + (lease == null ? "" : ", view") + ")";
  }
}
