package gated.model;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and their indices, in the order given: {@code Vocabulary.of("cat", "mat", "rat")} makes
 * cat = [1 0 0], mat = [0 1 0], rat = [0 0 1], as in seed 000.
 */
public final class Vocabulary {
  private final List<String> words;
  private final Map<String, Integer> index;

  private Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    this.index = new LinkedHashMap<>();
    for (int k = 0; k < words.size(); k++) {
      if (index.put(words.get(k), k) != null) {
        throw new IllegalArgumentException("vocabulary: \"" + words.get(k) + "\" appears twice");
      }
    }
  }

  public static Vocabulary of(String... words) {
    Checks.notNull("vocabulary", "words", words);
    if (words.length == 0) throw new IllegalArgumentException("vocabulary: it needs at least one word");
    for (String w : words) Checks.notNull("vocabulary", "a word", w);
    return new Vocabulary(List.of(words));
  }

  public int size() {
    return words.size();
  }

  public List<String> words() {
    return words;
  }

  public String word(int k) {
    return words.get(Checks.index("vocabulary", "word index", k, words.size()));
  }

  public int indexOf(String word) {
    Checks.notNull("vocabulary", "word", word);
    Integer k = index.get(word);
    if (k == null) throw new IllegalArgumentException("vocabulary: \"" + word + "\" is not one of " + words);
    return k;
  }

  public Vec oneHot(String word) {
    return OneHot.encode(indexOf(word), size());
  }

  /** A sentence split on spaces, one one-hot vector per word. */
  public List<Vec> encode(String sentence) {
    Checks.notNull("vocabulary", "sentence", sentence);
    if (sentence.isBlank()) {
      throw new IllegalArgumentException("vocabulary: the sentence \"" + sentence + "\" is empty; it has no words to encode");
    }
    List<Vec> out = new ArrayList<>();
    for (String w : sentence.trim().split("\\s+")) out.add(oneHot(w));
    return out;
  }
}
