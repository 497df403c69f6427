package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lesson12Test {
  static final List<Example> DATA = List.of(
      Example.labelled(Lesson12.VOCAB.encode("cat mat rat"), 0),
      Example.labelled(Lesson12.VOCAB.encode("cat rat rat"), 0),
      Example.labelled(Lesson12.VOCAB.encode("mat mat cat"), 1));

  static Classifier<LstmWeights> train(int hidden, long seed, int epochs) {
    Random init = new Random(seed);
    Classifier<LstmWeights> clf = Classifier.of(Lstm.of(LstmWeights.random(hidden, 3, init)), 2, init);
    return Trainer.builder().epochs(epochs).batchSize(3).adam(0.05).seed(1).build().fit(clf, DATA, List.of()).model();
  }

  @Test
  void theScoreDifferenceIsTheRowDifferenceTimesHPlusTheBiasDifference() {
    // z_0 = −0.36 + 0.08 − 0.42 − 0.12 + 0.1 = −0.72, z_1 = 0.72 + 0.72 + 0.63 + 0.42 − 0.1 = 2.39
    assertEquals(3.11, Lesson12.scoreGap(Lesson12.H3), 1e-12);
    right(BOOK.check("12.1", 3.11));
    wrongWith(BOOK.check("12.1", -3.11), "wrong sign");
    wrongWith(BOOK.check("12.1", 3.31), "left out the biases");
    wrongWith(BOOK.check("12.1", 2.39), "z_1 alone");
  }

  @Test
  void theSmallModelIsCountedOverAll27Sentences() {
    int epochs = 40;
    Classifier<LstmWeights> small = train(2, 0, epochs);
    long byHand = 0;
    for (String a : List.of("cat", "mat", "rat")) {
      for (String b : List.of("cat", "mat", "rat")) {
        for (String c : List.of("cat", "mat", "rat")) if (small.predict(Lesson12.VOCAB.encode(a + " " + b + " " + c)) == 1) byHand++;
      }
    }
    right(BOOK.check("12.2", byHand, DATA, epochs));
    long lessonModel = Lesson12.classOneCount(train(4, 0, epochs));
    assertEquals(6, lessonModel, "the lesson prints 6 sentences in class 1 for H = 4 at 40 epochs");
    org.junit.jupiter.api.Assertions.assertNotEquals(lessonModel, byHand, "H = 2 and H = 4 differ at 40 epochs");
    wrongWith(BOOK.check("12.2", lessonModel, DATA, epochs), "H = 4");
  }

  @Test
  void thePredictionReadsTheStudentsModel() {
    // At 40 epochs the lesson's table puts 'cat cat cat' in class 1 for random seed 0 and not for random seed 1.
    right(BOOK.check("12.3", 'A', train(4, 0, 40)));
    right(BOOK.check("12.3", 'B', train(4, 1, 40)));
    wrongWith(BOOK.check("12.3", 'A', train(4, 1, 40)), "the run says B");
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("12.4", 'B', 'A', "no such rule", 'C', "more epochs", 'D', "no labels");
  }
}
