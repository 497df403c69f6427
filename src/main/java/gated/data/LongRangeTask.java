package gated.data;

import gated.internal.Checks;
import gated.model.Vocabulary;
import gated.train.Example;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic long-range dependency: the answer depends only on the first token, which lies {@code gap}
 * steps before the point where the answer is asked for.
 *
 * <p>It is the toy version of "I grew up in France … I speak fluent <em>French</em>". The first token is one
 * of K "countries"; then come {@code gap} filler words drawn at random from F distractors ("… and then I
 * moved, worked, travelled …"); the label, read after the last step, is the country's "language", which is
 * simply the index of the first token. Everything between carries no information, so a model can only
 * answer above chance (1/K) if it carries the first token across the whole gap:
 *
 * <pre>
 *   x_1 = e_k (country k),   x_2 … x_{gap+1} = e_{K + j_t} (filler j_t, uniform over F),   label = k
 * </pre>
 *
 * Inputs are one-hot over the vocabulary country 0 … K−1 followed by filler 0 … F−1, so the input size is
 * X = K + F and a sequence has T = gap + 1 steps. Labels are balanced: example n has class n mod K. The
 * same settings and seed always give the same examples.
 *
 * <pre>
 *   LongRangeTask task = LongRangeTask.builder().classes(2).gap(10).fillers(4).examples(100).seed(1).build();
 *   List&lt;Example&gt; train = task.generate();
 *   List&lt;Example&gt; test = task.withSeed(2).generate();
 * </pre>
 *
 * @param classes K ≥ 2: how many countries (and languages), the number of classes
 * @param gap how many filler tokens separate the country from the question, ≥ 0
 * @param fillers F ≥ 1: how many different filler words there are
 * @param examples how many sequences {@link #generate()} returns, ≥ 1
 * @param seed the seed of the generator
 */
public record LongRangeTask(int classes, int gap, int fillers, int examples, long seed) {
  private static final String[] COUNTRIES = {"France", "Italy", "Spain", "Germany", "Japan", "Brazil", "Greece",
      "Poland"};
  private static final String[] LANGUAGES = {"French", "Italian", "Spanish", "German", "Japanese", "Portuguese",
      "Greek", "Polish"};

  public LongRangeTask {
    String op = "long-range task";
    if (classes < 2) {
      throw new IllegalArgumentException(op + ": classes (countries) must be at least 2, got " + classes);
    }
    if (gap < 0) throw new IllegalArgumentException(op + ": gap must be 0 or more filler tokens, got " + gap);
    Checks.positive(op, "fillers (distractor words)", fillers);
    Checks.positive(op, "examples", examples);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same task with another gap. */
  public LongRangeTask withGap(int gap) {
    return new LongRangeTask(classes, gap, fillers, examples, seed);
  }

  /** The same task with another seed, e.g. for a test set. */
  public LongRangeTask withSeed(long seed) {
    return new LongRangeTask(classes, gap, fillers, examples, seed);
  }

  /** The same task with another number of examples. */
  public LongRangeTask withExamples(int examples) {
    return new LongRangeTask(classes, gap, fillers, examples, seed);
  }

  /** X = K + F: the size of each one-hot input. */
  public int inputSize() {
    return classes + fillers;
  }

  /** T = gap + 1: the number of steps in every sequence. */
  public int length() {
    return gap + 1;
  }

  /** 1/K: the accuracy of guessing, since the classes are balanced. */
  public double chance() {
    return 1.0 / classes;
  }

  /** The K countries then the F fillers, in the order of the one-hot positions. */
  public Vocabulary vocabulary() {
    String[] words = new String[inputSize()];
    for (int k = 0; k < classes; k++) words[k] = country(k);
    for (int j = 0; j < fillers; j++) words[classes + j] = "filler" + j;
    return Vocabulary.of(words);
  }

  /** The name of country k: France, Italy, … for the first eight, then "country8", … */
  public static String country(int k) {
    if (k < 0) throw new IllegalArgumentException("long-range task: country index " + k + " is negative");
    return k < COUNTRIES.length ? COUNTRIES[k] : "country" + k;
  }

  /** The language of country k, the name of class k: French, Italian, … then "language8", … */
  public static String language(int k) {
    if (k < 0) throw new IllegalArgumentException("long-range task: language index " + k + " is negative");
    return k < LANGUAGES.length ? LANGUAGES[k] : "language" + k;
  }

  /** The words of one example, e.g. [France, filler2, filler0, …], decoded from its one-hot inputs. */
  public List<String> words(Example example) {
    Checks.notNull("long-range task", "example", example);
    Vocabulary v = vocabulary();
    List<String> out = new ArrayList<>();
    for (Vec x : example.inputs()) {
      Checks.vector("long-range task", "input", x, inputSize(), "the input size K + F");
      out.add(v.word(x.argmax()));
    }
    return out;
  }

  /** {@link #examples()} labelled sequences; example n has class n mod K, its fillers are drawn with {@link #seed()}. */
  public List<Example> generate() {
    Random random = new Random(seed);
    Vocabulary v = vocabulary();
    List<Example> out = new ArrayList<>(examples);
    for (int n = 0; n < examples; n++) {
      int k = n % classes;
      List<Vec> xs = new ArrayList<>(length());
      xs.add(v.oneHot(country(k)));                                      // x_1 = e_k: "I grew up in France"
      for (int t = 0; t < gap; t++) xs.add(v.oneHot("filler" + random.nextInt(fillers)));   // … distractors …
      out.add(Example.labelled(xs, k));                                  // label after the last step: "French"
    }
    return List.copyOf(out);
  }

  /** Names every setting; defaults: 2 classes, gap 10, 4 fillers, 100 examples, seed 1. */
  public static final class Builder {
    private int classes = 2;
    private int gap = 10;
    private int fillers = 4;
    private int examples = 100;
    private long seed = 1;

    private Builder() {}

    public Builder classes(int classes) {
      this.classes = classes;
      return this;
    }

    public Builder gap(int gap) {
      this.gap = gap;
      return this;
    }

    public Builder fillers(int fillers) {
      this.fillers = fillers;
      return this;
    }

    public Builder examples(int examples) {
      this.examples = examples;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public LongRangeTask build() {
      return new LongRangeTask(classes, gap, fillers, examples, seed);
    }
  }
}
