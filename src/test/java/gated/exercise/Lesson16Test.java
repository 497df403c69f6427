package gated.exercise;

import static gated.exercise.LessonExerciseFixtures.BOOK;
import static gated.exercise.LessonExerciseFixtures.right;
import static gated.exercise.LessonExerciseFixtures.wrongWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Lesson16Test {
  @Test
  void pytorchCountsTwoBiasVectorsPerGate() {
    right(BOOK.check("16.1", 4L * (20 * (10 + 20) + 2 * 20)));       // 2560
    wrongWith(BOOK.check("16.1", 4L * (20 * 30 + 20)), "one bias per gate");
    wrongWith(BOOK.check("16.1", 4L * (20 * 30)), "left out the biases");
  }

  @Test
  void theSecondBidirectionalLayerReadsTwoH() {
    long layer1 = 2L * 4 * (20 * (10 + 20) + 20), layer2 = 2L * 4 * (20 * (40 + 20) + 20);   // 4960 + 9760
    right(BOOK.check("16.2", layer1 + layer2));
    wrongWith(BOOK.check("16.2", layer1 + 2L * 4 * (20 * (20 + 20) + 20)), "2H numbers, not H");
    wrongWith(BOOK.check("16.2", 2 * layer1), "does not read the X inputs");
    wrongWith(BOOK.check("16.2", 4L * (20 * 30 + 20) + 4L * (20 * 40 + 20)), "one direction");
  }

  @Test
  void theEmbeddingPredictionFollowsTheInequality() {
    right(BOOK.check("16.3", 'A', 10_000, 300, 512));               // 3,153,600 < 5,120,000
    right(BOOK.check("16.3", 'B', 8, 6, 5));                        // 78 ≥ 40
    right(BOOK.check("16.3", 'B', 10, 5, 10));                      // 100 = 100: not cheaper
    wrongWith(BOOK.check("16.3", 'A', 8, 6, 5), "the run says B");
    assertThrows(IllegalArgumentException.class, () -> BOOK.check("16.3", 'A', 0, 6, 5));
  }

  @Test
  void theInterpretationExplainsEveryOption() {
    LessonExerciseFixtures.choiceExplains("16.4", 'B', 'A', "sequence length never enters", 'C', "does not change", 'D', "far too little");
  }
}
