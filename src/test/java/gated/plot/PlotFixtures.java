package gated.plot;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.Lstm;
import gated.model.Rnn;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;

/** Small seeded models and traces for the plot tests: H = 3 units, X = 4 inputs, T = 6 steps. */
final class PlotFixtures {
  static final int UNITS = 3;
  static final int INPUTS = 4;
  static final int STEPS = 6;

  private PlotFixtures() {}

  static List<Vec> inputs() {
    return Fixtures.sequence(STEPS, INPUTS, new Random(2));
  }

  static Lstm lstm() {
    return new Lstm(LstmWeights.random(UNITS, INPUTS, new Random(1)));
  }

  static Lstm.LstmTrace trace() {
    return lstm().forward(inputs());
  }

  static Rnn rnn() {
    return new Rnn(RnnWeights.random(UNITS, INPUTS, new Random(1)));
  }
}
