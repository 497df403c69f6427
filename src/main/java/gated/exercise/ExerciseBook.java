package gated.exercise;

import gated.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable set of exercises, looked up by id; {@link CourseExercises#book()} is the course's. */
public final class ExerciseBook {
  private final Map<String, Exercise> byId;

  private ExerciseBook(Map<String, Exercise> byId) {
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }

  public static ExerciseBook of(List<Exercise> exercises) {
    Checks.notNull("exercise book", "exercises", exercises);
    Map<String, Exercise> m = new LinkedHashMap<>();
    for (Exercise e : exercises) {
      Checks.notNull("exercise book", "an exercise", e);
      if (m.put(e.id(), e) != null) throw new IllegalArgumentException("exercise book: id " + e.id() + " is defined twice");
    }
    return new ExerciseBook(m);
  }

  /** The exercise with this id, or a clear error listing the ids of its notebook. */
  public Exercise get(String id) {
    Checks.notNull("exercise", "id", id);
    Exercise e = byId.get(id);
    if (e != null) return e;
    List<String> near = new ArrayList<>();
    for (String k : byId.keySet()) if (id.length() >= 2 && k.startsWith(id.substring(0, 2))) near.add(k);
    throw new IllegalArgumentException("no exercise \"" + id + "\"" + (near.isEmpty() ? "" : "; this notebook has " + near));
  }

  public List<Exercise> all() {
    return List.copyOf(byId.values());
  }

  /** The exercises of one notebook, e.g. "04", in order. */
  public List<Exercise> ofNotebook(String notebook) {
    return byId.values().stream().filter(e -> e.notebook().equals(notebook)).toList();
  }

  public Verdict check(String id, Object given, Object... context) {
    return get(id).judge(given, new Context(id, context));
  }

  public Verdict compare(String id, Object prediction, Object outcome, Object... context) {
    return get(id).judgePrediction(prediction, outcome, new Context(id, context));
  }
}
