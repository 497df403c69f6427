package gated.batch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * A flat array of numbers outside the Java heap (a direct buffer in native byte order), so that
 * OpenBLAS can multiply it in place. The element-wise loops copy rows in and out in bulk
 * ({@link #get(int, double[], int, int)}, {@link #put}) and compute on heap arrays of doubles, so
 * their code is the same, and as fast, in both precisions; {@link #get(int)} and {@link #set} are
 * for the few places that touch single numbers.
 *
 * <p>Never shared outside the package: the public face of a buffer is a read-only {@link SeqBatch}.
 */
abstract sealed class Mem permits Mem.D, Mem.F {
  /** The largest direct buffer Java allows is 2³¹ − 1 bytes. */
  static final long MAX_BYTES = Integer.MAX_VALUE;

  final int size;
  /** Per-role JavaCPP pointers onto this memory, made once by {@link Gemm} (A, B, C of a product). */
  final Object[] blasViews = new Object[3];

  private Mem(int size) {
    this.size = size;
  }

  /** {@code size} zeros of the given precision; {@code what} names the buffer in an error. */
  static Mem allocate(Precision p, long size, String what) {
    if (size < 1) throw new IllegalArgumentException(what + ": a buffer needs at least one number, got " + size);
    if (size * p.bytes() > MAX_BYTES) {
      throw new IllegalArgumentException(what + " needs " + size + " numbers (" + size * p.bytes() / (1 << 20)
          + " MiB), more than one direct buffer can hold (2 GiB); use a smaller minibatch or shorter segments");
    }
    ByteBuffer bytes = ByteBuffer.allocateDirect((int) (size * p.bytes())).order(ByteOrder.nativeOrder());
    return p == Precision.DOUBLE ? new D(bytes.asDoubleBuffer(), (int) size) : new F(bytes.asFloatBuffer(), (int) size);
  }

  abstract Precision precision();

  abstract double get(int i);

  abstract void set(int i, double v);

  final void add(int i, double v) {
    set(i, get(i) + v);
  }

  /** Entries [from, to) set to zero. */
  final void zero(int from, int to) {
    for (int i = from; i < to; i++) set(i, 0);
  }

  /** Copies {@code n} numbers from {@code src[srcAt…]} to this memory at {@code at}. */
  abstract void put(int at, double[] src, int srcAt, int n);

  /** Copies {@code n} numbers from this memory at {@code at} into {@code dst[dstAt…]}. */
  abstract void get(int at, double[] dst, int dstAt, int n);

  /** The underlying NIO buffer (a DoubleBuffer or a FloatBuffer), for the BLAS binding. */
  abstract java.nio.Buffer buffer();

  static final class D extends Mem {
    final DoubleBuffer buf;

    private D(DoubleBuffer buf, int size) {
      super(size);
      this.buf = buf;
    }

    @Override
    Precision precision() {
      return Precision.DOUBLE;
    }

    @Override
    double get(int i) {
      return buf.get(i);
    }

    @Override
    void set(int i, double v) {
      buf.put(i, v);
    }

    @Override
    void put(int at, double[] src, int srcAt, int n) {
      buf.put(at, src, srcAt, n);
    }

    @Override
    void get(int at, double[] dst, int dstAt, int n) {
      buf.get(at, dst, dstAt, n);
    }

    @Override
    java.nio.Buffer buffer() {
      return buf;
    }
  }

  static final class F extends Mem {
    final FloatBuffer buf;
    /** Room for bulk copies through float (grows once to the largest copy, then reused). */
    private float[] scratch = new float[0];

    private F(FloatBuffer buf, int size) {
      super(size);
      this.buf = buf;
    }

    @Override
    Precision precision() {
      return Precision.FLOAT;
    }

    @Override
    double get(int i) {
      return buf.get(i);
    }

    @Override
    void set(int i, double v) {
      buf.put(i, (float) v);
    }

    /** Synchronized: the float scratch is shared by every bulk copy of this buffer. */
    @Override
    synchronized void put(int at, double[] src, int srcAt, int n) {
      float[] f = room(n);
      for (int k = 0; k < n; k++) f[k] = (float) src[srcAt + k];
      buf.put(at, f, 0, n);
    }

    @Override
    synchronized void get(int at, double[] dst, int dstAt, int n) {
      float[] f = room(n);
      buf.get(at, f, 0, n);
      for (int k = 0; k < n; k++) dst[dstAt + k] = f[k];
    }

    private float[] room(int n) {
      if (scratch.length < n) scratch = new float[n];
      return scratch;
    }

    @Override
    java.nio.Buffer buffer() {
      return buf;
    }
  }
}
