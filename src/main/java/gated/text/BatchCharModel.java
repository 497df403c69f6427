package gated.text;

import gated.batch.BatchDense;
import gated.batch.BatchGradients;
import gated.batch.BatchGru;
import gated.batch.BatchLayer;
import gated.batch.BatchLstm;
import gated.batch.BatchRnn;
import gated.batch.BatchTrace;
import gated.batch.Precision;
import gated.batch.SeqBatch;
import gated.batch.Tokens;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.internal.Checks;
import gated.model.DenseWeights;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.ClassifierWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@link CharModel} on the batched path ({@code gated.batch}): the same model as
 * {@link RecurrentCharModel} (same weights, same values and gradients; the tests compare the two), but
 * the whole minibatch goes through matrix products at once, and a character enters as a row of W_x
 * instead of a product with a one-hot vector. Fast enough for real text.
 *
 * @param <W> the core's weights
 */
public final class BatchCharModel<W extends Params<W>> implements CharModel<ClassifierWeights<W>> {
  private final RecurrentCharModel.Kind kind;
  private final BatchLayer<W> core;
  private final BatchDense head;

  private BatchCharModel(RecurrentCharModel.Kind kind, BatchLayer<W> core, BatchDense head) {
    this.kind = kind;
    this.core = core;
    this.head = head;
  }

  /** The batched twin of a teaching-path model, with the same weights, in the given precision. */
  @SuppressWarnings("unchecked")
  public static <W extends Params<W>> BatchCharModel<W> of(RecurrentCharModel<W> model, Precision precision) {
    Checks.notNull("batched character model", "model", model);
    Checks.notNull("batched character model", "precision", precision);
    W w = model.weights().encoder();
    BatchLayer<W> core = switch (model.kind()) {
      case LSTM -> (BatchLayer<W>) BatchLstm.of((LstmWeights) w, precision);
      case GRU -> (BatchLayer<W>) BatchGru.of((GruWeights) w, precision);
      case RNN -> (BatchLayer<W>) BatchRnn.of((RnnWeights) w, precision);
    };
    return new BatchCharModel<>(model.kind(), core, BatchDense.of(model.weights().head(), precision));
  }

  /** A fresh model of the given kind (seeded as {@link RecurrentCharModel#of}), in double precision. */
  public static BatchCharModel<?> of(RecurrentCharModel.Kind kind, int vocabulary, int hidden, Random random) {
    return of(RecurrentCharModel.of(kind, vocabulary, hidden, random), Precision.DOUBLE);
  }

  public RecurrentCharModel.Kind kind() {
    return kind;
  }

  public Precision precision() {
    return core.precision();
  }

  /** The same model on the teaching path, for checking. */
  public RecurrentCharModel<W> teachingModel() {
    return new RecurrentCharModel<>(kind, weights());
  }

  @Override
  public String name() {
    return kind + ", H = " + hiddenSize();
  }

  @Override
  public int vocabularySize() {
    return head.outputSize();
  }

  @Override
  public int hiddenSize() {
    return core.outputSize();
  }

  @Override
  public ClassifierWeights<W> weights() {
    return new ClassifierWeights<>(core.weights(), head.weights());
  }

  @Override
  public BatchCharModel<W> withWeights(ClassifierWeights<W> w) {
    Checks.notNull("batched character model", "weights", w);
    return new BatchCharModel<>(kind, core.withWeights(w.encoder()), head.withWeights(w.head()));
  }

  @Override
  public State zeroState(int rows) {
    Checks.positive("batched character model", "rows", rows);
    return State.zeros(rows, hiddenSize(), kind == RecurrentCharModel.Kind.LSTM);
  }

  @Override
  public Forward forward(int[][] inputs, State start) {
    BatchTrace trace = core.forward(tokens(inputs), toBatch(start, inputs.length));
    State end = fromBatch(trace.finalState());
    List<List<Vec>> hidden = rows(trace.outputs());
    List<List<Vec>> cell = trace instanceof BatchLstm.LstmTrace lt ? rows(lt.cells()) : emptyRows(inputs.length);
    List<List<Vec>> logits = rows(head.logits(trace.outputs()));
    return new Forward(logits, hidden, cell, end);
  }

  @Override
  public Scored score(int[][] inputs, int[][] targets, State start) {
    BatchTrace trace = core.forward(tokens(inputs), toBatch(start, inputs.length));
    State end = fromBatch(trace.finalState());
    double mean = head.meanCrossEntropy(trace.outputs(), Tokens.of(targets, vocabularySize()));
    int n = inputs.length * inputs[0].length;
    return new Scored(mean * n, n, end);
  }

  @Override
  public Training<ClassifierWeights<W>> lossAndGradient(int[][] inputs, int[][] targets, State start) {
    BatchTrace trace = core.forward(tokens(inputs), toBatch(start, inputs.length));
    State end = fromBatch(trace.finalState());
    BatchDense.Fit fit = head.softmaxCrossEntropy(trace.outputs(), Tokens.of(targets, vocabularySize()));
    BatchGradients<W> g = core.backward(trace, fit.dInputs());        // truncated: nothing arrives from after step T
    return new Training<>(fit.loss() * fit.predictions(), fit.predictions(),
        new ClassifierWeights<>(g.dWeights(), fit.dWeights()), end);
  }

  private Tokens tokens(int[][] inputs) {
    Checks.notNull("batched character model", "inputs", inputs);
    return Tokens.of(inputs, vocabularySize());
  }

  private gated.batch.State toBatch(State s, int rows) {
    Checks.notNull("batched character model", "start state", s);
    if (s.rows() != rows) {
      throw new IllegalArgumentException("batched character model: the start state has " + s.rows()
          + " rows but the minibatch has " + rows);
    }
    if (s.hasCell() != (kind == RecurrentCharModel.Kind.LSTM)) {
      throw new IllegalArgumentException("batched character model: a " + kind
          + (kind == RecurrentCharModel.Kind.LSTM ? " needs" : " has no") + " cell state c in its start state");
    }
    List<Matrix> parts = new ArrayList<>();
    parts.add(matrix(s.h()));
    if (s.hasCell()) parts.add(matrix(s.c()));
    return new gated.batch.State(parts);
  }

  private static Matrix matrix(List<Vec> rows) {
    double[][] m = new double[rows.size()][];
    for (int b = 0; b < m.length; b++) m[b] = rows.get(b).toArray();
    return Matrix.of(m);
  }

  private State fromBatch(gated.batch.State s) {
    List<Vec> h = rowsOf(s.part(0));
    List<Vec> c = s.parts().size() > 1 ? rowsOf(s.part(1)) : List.of();
    return new State(h, c);
  }

  private static List<Vec> rowsOf(Matrix m) {
    List<Vec> out = new ArrayList<>(m.rows());
    for (int b = 0; b < m.rows(); b++) out.add(m.row(b));
    return out;
  }

  private static List<List<Vec>> rows(SeqBatch x) {
    List<List<Vec>> out = new ArrayList<>(x.batchSize());
    for (int b = 0; b < x.batchSize(); b++) out.add(x.sequence(b));
    return out;
  }

  private static List<List<Vec>> emptyRows(int rows) {
    List<List<Vec>> out = new ArrayList<>(rows);
    for (int b = 0; b < rows; b++) out.add(List.of());
    return out;
  }
}
