package gated.train;

import gated.internal.Checks;
import gated.model.DenseWeights;
import gated.model.SequenceModel;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A recurrent encoder with a softmax output layer: y_t = softmax(W_y·h_t + b_y), trained with
 * cross-entropy at the steps an {@link Example} has targets for.
 */
public record Classifier<W extends Params<W>>(SequenceModel<W> encoder, DenseWeights head) {

  public Classifier {
    Checks.notNull("classifier", "encoder", encoder);
    Checks.notNull("classifier", "head", head);
    Checks.finite("classifier", "W_y", head.w());
    Checks.finite("classifier", "b_y", head.b());
    if (head.inputSize() != encoder.outputSize()) {
      throw new IllegalArgumentException("classifier: the output layer W_y is " + head.w().shape()
          + " but the encoder's outputs have " + encoder.outputSize() + " entries");
    }
  }

  /** An encoder plus a freshly initialised output layer for {@code classes} classes. */
  public static <W extends Params<W>> Classifier<W> of(SequenceModel<W> encoder, int classes, Random random) {
    Checks.notNull("classifier", "encoder", encoder);
    return new Classifier<>(encoder, DenseWeights.random(classes, encoder.outputSize(), random));
  }

  public ClassifierWeights<W> weights() {
    return new ClassifierWeights<>(encoder.weights(), head);
  }

  /** The same classifier with other weights of the same shapes (an optimizer's result); another model's are refused. */
  public Classifier<W> withWeights(ClassifierWeights<W> w) {
    Checks.sameShapes("classifier with new weights", "the new weights", w, "the classifier's weights", weights());
    return new Classifier<>(encoder.withWeights(w.encoder()), w.head());
  }

  /** Class probabilities after the last step. */
  public Vec probabilities(List<Vec> xs) {
    return Loss.softmaxCrossEntropy(head.apply(encoder.forward(xs).lastOutput()), 0).probabilities();
  }

  /** Class probabilities after every step. */
  public List<Vec> probabilitiesAtEachStep(List<Vec> xs) {
    List<Vec> out = new ArrayList<>();
    for (Vec h : encoder.forward(xs).outputs()) out.add(Loss.softmaxCrossEntropy(head.apply(h), 0).probabilities());
    return out;
  }

  /** The most probable class after the last step. */
  public int predict(List<Vec> xs) {
    return probabilities(xs).argmax();
  }

  /**
   * The loss summed over target steps, and its gradient.
   *
   * @param loss Σ_t −log p_t(target_t)
   * @param gradient ∂loss/∂(every weight)
   * @param correct how many target steps were predicted right
   * @param targets how many target steps there were
   * @param dHidden total ∂L/∂h_t of the encoder at each step
   */
  public record Result<W extends Params<W>>(double loss, ClassifierWeights<W> gradient, int correct, int targets,
      List<Vec> dHidden) {
    public Result {
      Checks.finite("classifier result", "loss", loss);
    }
  }

  /** Forward, loss and back-propagation through time for one example. */
  public Result<W> lossAndGradient(Example ex) {
    Checks.notNull("classifier", "example", ex);
    SequenceModel.Trace trace = encoder.forward(ex.inputs());
    List<Vec> hs = trace.outputs();
    List<Vec> dOut = new ArrayList<>(hs.size());
    DenseWeights dHead = head.zerosLike();
    double loss = 0;
    int correct = 0, targets = 0;
    for (int t = 0; t < hs.size(); t++) {
      Integer y = ex.targets().get(t);
      if (y == null) {
        dOut.add(Vec.zeros(encoder.outputSize()));
        continue;
      }
      Loss.Value l = Loss.softmaxCrossEntropy(head.apply(hs.get(t)), y);   // L_t = −log softmax(W_y·h_t + b_y)_y
      loss += l.value();
      targets++;
      if (l.probabilities().argmax() == y) correct++;
      DenseWeights.Grad g = head.backward(hs.get(t), l.gradient());        // ∂L/∂W_y, ∂L/∂b_y, ∂L/∂h_t
      dHead = dHead.plusScaled(g.dWeights(), 1);
      dOut.add(g.dh());
    }
    SequenceModel.Gradients<W> g = encoder.backward(trace, dOut);          // BPTT through the encoder
    return new Result<>(loss, new ClassifierWeights<>(g.dWeights(), dHead), correct, targets, g.dHidden());
  }

  /** The fraction of target steps predicted right over a data set. */
  public double accuracy(List<Example> data) {
    Checks.noNulls("classifier accuracy", "the examples", data);
    int correct = 0, total = 0;
    for (Example ex : data) {
      List<Vec> hs = encoder.forward(ex.inputs()).outputs();
      for (int t = 0; t < hs.size(); t++) {
        Integer y = ex.targets().get(t);
        if (y == null) continue;
        Checks.index("classifier accuracy", "target class", y, head.outputSize());
        total++;
        if (head.apply(hs.get(t)).argmax() == y) correct++;
      }
    }
    return total == 0 ? 0 : (double) correct / total;
  }
}
