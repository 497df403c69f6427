package gated.bench;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.model.Sequences;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;

/**
 * A quick timing of one forward and backward pass at teaching size (X = 4, H = 3, T = 20, batch 1).
 * Not a unit test: run it with {@code ./course bench}. Prints microseconds per pass (median of 7 runs
 * of 2,000 passes each, after a warm-up).
 */
public final class TeachingSizeTiming {
  public static void main(String[] args) {
    Random r = new Random(1);
    Lstm lstm = new Lstm(LstmWeights.random(3, 4, r));
    List<Vec> xs = Fixtures.sequence(20, 4, r);
    List<Vec> d = Sequences.onlyLast(20, Vec.fill(3, 1));
    double sink = 0;
    for (int k = 0; k < 20_000; k++) sink += lstm.backward(lstm.forward(xs), d).dWeights().norm();
    double[] us = new double[7];
    for (int run = 0; run < us.length; run++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < 2000; k++) sink += lstm.backward(lstm.forward(xs), d).dWeights().norm();
      us[run] = (System.nanoTime() - t0) / 2000.0 / 1000.0;
    }
    java.util.Arrays.sort(us);
    System.out.printf("LSTM X=4 H=3 T=20 batch=1, forward+backward: median %.1f µs per pass (min %.1f, max %.1f) [%s]%n",
        us[3], us[0], us[6], sink > 0 ? "ok" : "ok");
  }
}
