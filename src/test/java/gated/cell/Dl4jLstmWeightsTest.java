package gated.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.model.Lstm;
import gated.model.ParamCount;
import gated.model.SequenceModel;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's own LSTM layer, in test scope only, as an independent reference: the same weights mapped
 * through {@link Dl4jLstmWeights} must give the same h_t and the same gradients, within 1e−8.
 */
class Dl4jLstmWeightsTest {

  @BeforeAll
  static void doublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  private static Layer dl4jLstm(int input, int hidden) {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .dataType(DataType.DOUBLE).seed(1).updater(new NoOp()).list()
        .layer(new LSTM.Builder().nIn(input).nOut(hidden).activation(Activation.TANH)
            .gateActivationFunction(Activation.SIGMOID).helperAllowFallback(true).build())
        .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
            .nIn(hidden).nOut(1).build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    net.initGradientsView();
    return net.getLayer(0);
  }

  private static INDArray toNd(Matrix m) {
    return Nd4j.create(m.toArray2d());
  }

  private static Matrix fromNd(INDArray a) {
    return Matrix.of(a.toDoubleMatrix());
  }

  /** [1, nIn, T] in DL4J's NCW layout, from x_1 … x_T. */
  private static INDArray sequence(List<Vec> xs, int size) {
    INDArray a = Nd4j.zeros(DataType.DOUBLE, 1, size, xs.size());
    for (int t = 0; t < xs.size(); t++) for (int k = 0; k < size; k++) a.putScalar(new int[] {0, k, t}, xs.get(t).get(k));
    return a;
  }

  @Test
  void forwardAndGradientsEqualDl4jWithinOneInHundredMillion() {
    for (int steps : new int[] {1, 20}) {
      int x = 4, h = 3;
      Random r = new Random(2024 + steps);
      LstmWeights ours = LstmWeights.random(h, x, r);
      ours = ours.withGate(LstmGate.FORGET, new GateWeights(ours.forget().w(), Fixtures.randomVec(h, r)));
      ours = ours.withGate(LstmGate.OUTPUT, new GateWeights(ours.output().w(), Fixtures.randomVec(h, r)));
      Dl4jLstmWeights mapped = ours.toDl4j();

      Layer layer = dl4jLstm(x, h);
      layer.setParam("W", toNd(mapped.w()));
      layer.setParam("RW", toNd(mapped.rw()));
      layer.setParam("b", Nd4j.create(mapped.b().toArray()).reshape(1, 4 * h));

      List<Vec> xs = Fixtures.sequence(steps, x, r);
      List<Vec> eps = Fixtures.sequence(steps, h, r);
      LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
      layer.setInput(sequence(xs, x), mgr);
      INDArray out = layer.activate(true, mgr);                    // [1, H, T]

      Lstm lstm = new Lstm(ours);
      Lstm.LstmTrace trace = lstm.forward(xs);
      for (int t = 0; t < steps; t++) {
        for (int k = 0; k < h; k++) {
          assertEquals(out.getDouble(0, k, t), trace.hs().get(t).get(k), 1e-8, "h_" + t + "[" + k + "], T=" + steps);
        }
      }

      Pair<Gradient, INDArray> back = layer.backpropGradient(sequence(eps, h), mgr);
      SequenceModel.Gradients<LstmWeights> g = lstm.backward(trace, eps);
      Dl4jLstmWeights ourGrad = g.dWeights().toDl4j();
      assertTrue(fromNd(back.getFirst().getGradientFor("W")).closeTo(ourGrad.w(), 1e-8), "∂L/∂W, T=" + steps);
      assertTrue(fromNd(back.getFirst().getGradientFor("RW")).closeTo(ourGrad.rw(), 1e-8), "∂L/∂RW, T=" + steps);
      Vec dl4jDb = Vec.of(back.getFirst().getGradientFor("b").toDoubleVector());
      assertTrue(dl4jDb.closeTo(ourGrad.b(), 1e-8), "∂L/∂b, T=" + steps);
      INDArray dx = back.getSecond();                             // ∂L/∂x: [1, X, T]
      for (int t = 0; t < steps; t++) {
        for (int k = 0; k < x; k++) assertEquals(dx.getDouble(0, k, t), g.dInputs().get(t).get(k), 1e-8, "∂L/∂x");
      }
    }
  }

  @Test
  void parameterCountEqualsDl4jNumParams() {
    for (int[] xh : new int[][] {{4, 3}, {1, 1}, {10, 7}, {300, 128}}) {
      Layer layer = dl4jLstm(xh[0], xh[1]);
      assertEquals(layer.numParams(), ParamCount.lstm(xh[0], xh[1], ParamCount.Bias.ONE).total(),
          "LSTM X=" + xh[0] + " H=" + xh[1]);
      assertEquals(layer.numParams(), LstmWeights.zeros(xh[1], xh[0]).count());
    }
  }

  @Test
  void roundTripsThroughTheDl4jLayout() {
    LstmWeights w = LstmWeights.random(3, 4, new Random(5));
    assertEquals(w, w.toDl4j().toLstmWeights());
  }

  @Test
  void importRejectsAWrongShapeLoudly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dl4jLstmWeights(Matrix.zeros(4, 12), Matrix.zeros(3, 11), Vec.zeros(12)));
    assertTrue(e.getMessage().contains("RW is 3×11"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Dl4jLstmWeights(Matrix.zeros(4, 8), Matrix.zeros(3, 12), Vec.zeros(12)));
    assertTrue(e.getMessage().contains("W is 4×8"), e.getMessage());
  }
}
