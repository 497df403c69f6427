package gated.exercise;

import java.util.Arrays;
import java.util.List;

/**
 * The lesson objects a check cell passes after the answer, e.g. the Bob/Dan weights in
 * {@code Exercises.check("04.4", answer4, bobDan)}. An exercise asks for them by position and type, and
 * a missing or wrong object is a clear error that says what the exercise needs.
 */
public final class Context {
  private final String id;
  private final List<Object> values;

  Context(String id, Object[] values) {
    this.id = id;
    this.values = values == null ? List.of() : Arrays.asList(values.clone());
  }

  /** An empty context, for exercises that need nothing from the lesson. */
  public static Context empty(String id) {
    return new Context(id, new Object[0]);
  }

  public int size() {
    return values.size();
  }

  /**
   * The object at {@code position} (0 is the first one after the answer), which must be a {@code type}.
   *
   * @param what how the question names it, e.g. "the Bob/Dan weights bobDan"
   */
  public <T> T get(int position, Class<T> type, String what) {
    if (position >= values.size() || values.get(position) == null) {
      throw new IllegalArgumentException("exercise " + id + " needs " + what + " as argument " + (position + 2)
          + " of the check: Exercises.check(\"" + id + "\", yourAnswer, …)");
    }
    Object v = values.get(position);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("exercise " + id + ": argument " + (position + 2) + " should be " + what + " (a "
          + type.getSimpleName() + "), not a " + v.getClass().getSimpleName());
    }
    return type.cast(v);
  }

  /** A number the student measured (any boxed number), e.g. an accuracy passed to a rule. */
  public double number(int position, String what) {
    return get(position, Number.class, what).doubleValue();
  }
}
