package gated.data;

import gated.internal.Checks;
import gated.model.Vocabulary;
import gated.tensor.Vec;
import gated.train.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A tagging task whose answer lies in the future (seed 002's "Apple" sentences): "Apple is something
 * that competitors simply cannot reproduce." against "Apple is something that I like to eat."
 *
 * <p>Every sequence has {@code length} words. Word 1 is always "Apple"; word {@code 1 + gap} is the
 * deciding word, "reproduce" (class 0, the company) or "eat" (class 1, the fruit); every other word
 * is a filler drawn at random from {@link #FILLERS}, so it carries no information. The only target
 * is at step 1, the label of "Apple" (Example.tagged with null elsewhere). A forward model reads
 * "Apple" before the deciding word, so its output there cannot depend on the label.
 *
 * <p>With the defaults of seed 002, {@code AppleTask.of(8, 7)}, the deciding word is the last one,
 * exactly as in both of the seed's sentences.
 *
 * @param length T, the number of words in each sequence (at least 2)
 * @param gap how many steps after "Apple" the deciding word comes (1 ≤ gap ≤ T − 1)
 */
public record AppleTask(int length, int gap) {
  /** The ambiguous word, always at step 1. */
  public static final String AMBIGUOUS = "Apple";
  /** The deciding words, by class: "reproduce" → 0 (company), "eat" → 1 (fruit). */
  public static final List<String> DECIDERS = List.of("reproduce", "eat");
  /** The class names, by class. */
  public static final List<String> CLASSES = List.of("company", "fruit");
  /** The fillers: the other words of seed 002's two sentences. */
  public static final List<String> FILLERS = List.of("is", "something", "that", "competitors", "simply", "cannot",
      "I", "like", "to");

  private static final Vocabulary VOCABULARY = buildVocabulary();

  public AppleTask {
    if (length < 2) {
      throw new IllegalArgumentException("future task: a sequence needs at least 2 words (\"Apple\" and the deciding "
          + "word), got length " + length);
    }
    if (gap < 1 || gap > length - 1) {
      throw new IllegalArgumentException("future task: the deciding word must come 1 … " + (length - 1)
          + " steps after \"Apple\" in a sequence of " + length + " words, got gap " + gap);
    }
  }

  public static AppleTask of(int length, int gap) {
    return new AppleTask(length, gap);
  }

  private static Vocabulary buildVocabulary() {
    List<String> words = new ArrayList<>();
    words.add(AMBIGUOUS);
    words.addAll(DECIDERS);
    words.addAll(FILLERS);
    return Vocabulary.of(words.toArray(new String[0]));
  }

  /** "Apple", "reproduce", "eat", then the fillers: 12 words, so each x_t is a one-hot vector of size 12. */
  public Vocabulary vocabulary() {
    return VOCABULARY;
  }

  /** X, the size of each one-hot input. */
  public int inputSize() {
    return VOCABULARY.size();
  }

  /** Two classes: company and fruit. */
  public int classes() {
    return CLASSES.size();
  }

  /** The step (0-based) of the target: "Apple" is word 1, index 0. */
  public int targetIndex() {
    return 0;
  }

  /** The index (0-based) of the deciding word. */
  public int deciderIndex() {
    return gap;
  }

  /** A random sentence of class {@code label}: "Apple", fillers, the deciding word at 1 + gap, fillers. */
  public List<String> sentence(int label, Random random) {
    checkLabel(label);
    Checks.notNull("future task", "random", random);
    List<String> words = new ArrayList<>(length);
    words.add(AMBIGUOUS);
    for (int t = 1; t < length; t++) {
      words.add(t == gap ? DECIDERS.get(label) : FILLERS.get(random.nextInt(FILLERS.size())));
    }
    return words;
  }

  /** The class a sentence belongs to: the deciding word at index {@code gap} says which. */
  public int labelOf(List<String> words) {
    checkWords(words);
    int label = DECIDERS.indexOf(words.get(gap));
    if (label < 0) {
      throw new IllegalArgumentException("future task: word " + (gap + 1) + " should be one of " + DECIDERS + ", got \""
          + words.get(gap) + "\"");
    }
    return label;
  }

  /** One-hot inputs x_1 … x_T and a target at step 1 only (null elsewhere). */
  public Example example(List<String> words) {
    int label = labelOf(words);
    List<Vec> xs = new ArrayList<>(words.size());
    for (String w : words) xs.add(VOCABULARY.oneHot(w));
    List<Integer> targets = new ArrayList<>(Collections.nCopies(words.size(), (Integer) null));
    targets.set(targetIndex(), label);
    return Example.tagged(xs, targets);
  }

  /** The sentence as words, e.g. "Apple that I simply to is like eat". */
  public static String text(List<String> words) {
    Checks.nonEmpty("future task", "words", words);
    return String.join(" ", words);
  }

  /**
   * {@code count} examples, classes alternating 0, 1, 0, 1 … so the set is balanced (chance is 1/2
   * when count is even), with fillers from {@code random}.
   */
  public List<Example> examples(int count, Random random) {
    Checks.positive("future task", "number of examples", count);
    List<Example> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) out.add(example(sentence(k % 2, random)));
    return out;
  }

  private void checkWords(List<String> words) {
    Checks.nonEmpty("future task", "words", words);
    if (words.size() != length) {
      throw new IllegalArgumentException("future task: expected " + length + " words, got " + words.size());
    }
    if (!AMBIGUOUS.equals(words.get(0))) {
      throw new IllegalArgumentException("future task: word 1 must be \"" + AMBIGUOUS + "\", got \"" + words.get(0) + "\"");
    }
  }

  private void checkLabel(int label) {
    if (label < 0 || label >= CLASSES.size()) {
      throw new IllegalArgumentException("future task: label must be 0 (company) or 1 (fruit), got " + label);
    }
  }
}
