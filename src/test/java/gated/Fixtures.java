package gated;

import gated.model.SequenceModel;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded inputs and a scalar loss for gradient checks. */
public final class Fixtures {
  private Fixtures() {}

  public static Vec randomVec(int n, Random r) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) v[k] = r.nextGaussian();
    return Vec.of(v);
  }

  public static List<Vec> sequence(int steps, int size, Random r) {
    List<Vec> xs = new ArrayList<>();
    for (int t = 0; t < steps; t++) xs.add(randomVec(size, r));
    return xs;
  }

  /** L = Σ_t r_t · output_t for fixed random r_t, so ∂L/∂output_t = r_t. */
  public static <W extends Params<W>> double projectedLoss(SequenceModel<W> model, List<Vec> xs, List<Vec> r) {
    List<Vec> out = model.forward(xs).outputs();
    double s = 0;
    for (int t = 0; t < out.size(); t++) s += out.get(t).dot(r.get(t));
    return s;
  }
}
