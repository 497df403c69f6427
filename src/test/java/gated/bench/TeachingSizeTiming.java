package gated.bench;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.model.Sequences;
import gated.tensor.Vec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Times one forward and backward pass of an LSTM at teaching size (X = 4, H = 3, T = 20, batch 1):
 * this library's plain path against DL4J's own LSTM layer, in one JVM, one run, and prints the ratio.
 * A measurement, not a unit test: run it with {@code ./course bench}.
 */
public final class TeachingSizeTiming {
  public static void main(String[] args) {
    int x = 4, h = 3, steps = 20;
    Random r = new Random(1);
    Lstm lstm = new Lstm(LstmWeights.random(h, x, r));
    List<Vec> xs = Fixtures.sequence(steps, x, r);
    List<Vec> d = Sequences.onlyLast(steps, Vec.fill(h, 1));
    double ours = medianMicros(2000, () -> lstm.backward(lstm.forward(xs), d).dWeights().norm());

    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
        .updater(new NoOp()).list()
        .layer(new LSTM.Builder().nIn(x).nOut(h).activation(Activation.TANH).build())
        .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(h).nOut(1)
            .build())
        .build());
    net.init();
    net.initGradientsView();
    Layer layer = net.getLayer(0);
    INDArray in = Nd4j.rand(DataType.DOUBLE, 1, x, steps);
    INDArray eps = Nd4j.rand(DataType.DOUBLE, 1, h, steps);
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    double dl4j = medianMicros(200, () -> {
      layer.setInput(in, mgr);
      layer.activate(true, mgr);
      return layer.backpropGradient(eps, mgr).getSecond().sumNumber().doubleValue();
    });

    System.out.printf("LSTM forward+backward, X=%d H=%d T=%d batch=1 (median of 7 runs):%n", x, h, steps);
    System.out.printf("  gated (plain arrays)   %10.1f µs%n", ours);
    System.out.printf("  DL4J LSTM layer (ND4J) %10.1f µs%n", dl4j);
    System.out.printf("  ratio DL4J / gated     %10.1f×%n", dl4j / ours);
  }

  /** Median over 7 runs of the mean time per call, in microseconds, after a warm-up of as many calls. */
  static double medianMicros(int calls, DoubleSupplier work) {
    double sink = 0;
    for (int k = 0; k < 5 * calls; k++) sink += work.getAsDouble();
    double[] us = new double[7];
    for (int run = 0; run < us.length; run++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < calls; k++) sink += work.getAsDouble();
      us[run] = (System.nanoTime() - t0) / (double) calls / 1000.0;
    }
    if (Double.isNaN(sink)) System.out.println("(the timed work produced NaN)");
    Arrays.sort(us);
    return us[3];
  }
}
