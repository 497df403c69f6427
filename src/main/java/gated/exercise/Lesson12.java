package gated.exercise;

import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
import gated.model.DenseWeights;
import gated.model.Lstm;
import gated.model.Vocabulary;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Notebook 12, the cat/mat/rat classifier. */
public final class Lesson12 {
  private Lesson12() {}

  static final Vocabulary VOCAB = Vocabulary.of("cat", "mat", "rat");

  /** 12.1: the output layer's two rows and biases, and a last hidden state. */
  static final Vec ROW_0 = Vec.of(-0.4, 0.1, 0.6, -0.2), ROW_1 = Vec.of(0.8, 0.9, -0.9, 0.7), BIAS = Vec.of(0.1, -0.1);
  static final Vec H3 = Vec.of(0.9, 0.8, -0.7, 0.6);

  /** z_1 − z_0 for the output layer z = W_y·h_3 + b_y, computed by the library's output layer. */
  static double scoreGap(Vec h) {
    DenseWeights head = new DenseWeights(Matrix.of(new double[][] {ROW_0.toArray(), ROW_1.toArray()}), BIAS);
    Vec z = head.apply(h);
    return z.get(1) - z.get(0);
  }

  /** The lesson's classifier retrained with H hidden units: weights from random seed 0, the lesson's trainer. */
  static Classifier<LstmWeights> retrained(int hidden, List<Example> data, int epochs) {
    Random init = new Random(0);
    Classifier<LstmWeights> clf = Classifier.of(Lstm.of(LstmWeights.random(hidden, 3, init)), 2, init);
    return Trainer.builder().epochs(epochs).batchSize(3).adam(0.05).seed(1).build().fit(clf, data, List.of()).model();
  }

  /** How many of the 27 three-word sentences a classifier puts in class 1. */
  static long classOneCount(Classifier<?> model) {
    long n = 0;
    for (String a : VOCAB.words()) {
      for (String b : VOCAB.words()) {
        for (String c : VOCAB.words()) if (model.predict(VOCAB.encode(a + " " + b + " " + c)) == 1) n++;
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private static long smallModelCount(Context c) {
    List<Example> data = (List<Example>) c.get(0, List.class, "the three training sentences (data)");
    int epochs = (int) c.number(1, "the lesson's number of epochs (epochs)");
    return classOneCount(retrained(2, data, epochs));
  }

  @SuppressWarnings("unchecked")
  private static long lessonModelCount(Context c) {
    List<Example> data = (List<Example>) c.get(0, List.class, "the three training sentences (data)");
    int epochs = (int) c.number(1, "the lesson's number of epochs (epochs)");
    return classOneCount(retrained(4, data, epochs));
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("12.1", Rung.BY_HAND, "how the output layer turns h_3 into a decision: the score difference",
            c -> scoreGap(H3), 1e-6)
            .withMistake(c -> -scoreGap(H3), "right size, wrong sign: class 1's score minus class 0's")
            .withMistake(c -> ROW_1.dot(H3) - ROW_0.dot(H3),
                "you left out the biases: z = W_y·h_3 + b_y, so z_1 − z_0 includes b_1 − b_0")
            .withMistake(c -> ROW_1.dot(H3) + BIAS.get(1), "that is z_1 alone; the decision compares it with z_0"),
        Exercise.count("12.2", Rung.CODING, "retraining a smaller model and asking it about every sentence",
            Lesson12::smallModelCount)
            .withMistake(Lesson12::lessonModelCount, "that is the count of the lesson's model with H = 4; use H = 2"),
        Exercise.predictChoice("12.3", Rung.EXPLORATION,
            "predicting what a model trained from a new random seed says about a sentence it never saw",
            c -> c.get(0, Classifier.class, "your retrained classifier").predict(VOCAB.encode("cat cat cat")) == 1 ? 'A' : 'B',
            Map.of(
                'A', "Your model puts 'cat cat cat' in class 1. It starts like the two class-0 sentences and ends like the "
                    + "class-1 one; the three training sentences do not decide it, so another random seed may say otherwise.",
                'B', "Your model puts 'cat cat cat' in class 0. It starts like the two class-0 sentences and ends like the "
                    + "class-1 one; the three training sentences do not decide it, so another random seed may say otherwise.")),
        Exercise.choice("12.4", Rung.BY_HAND, "what three training sentences can teach about a fourth", 'B', Map.of(
            'A', "Training accuracy 1 says the model fits the three training sentences; none of them repeats one word "
                + "three times, so the data hold no such rule for it to have found.",
            'B', "Yes: no training sentence repeats one word, so the data say nothing about 'rat rat rat'; her "
                + "model's answer there was decided by its initial weights, and another random seed may differ.",
            'C', "Every random seed the lesson tried reached training accuracy 1.0 on the three sentences; more "
                + "epochs would not give the data a rule about 'rat rat rat'.",
            'D', "The 24 other sentences have no labels, so they cannot be a test set.")));
  }
}
