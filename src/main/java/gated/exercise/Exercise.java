package gated.exercise;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One exercise: its id ("04.1" = notebook 04, exercise 1), the rung of the ladder it stands on, what it
 * practises, and how an answer is judged. The expected value is a function of the lesson objects the
 * check cell passes ({@link Context}), computed when the student checks, never printed.
 *
 * <p>Made with the static factories, refined with {@code withMistake}; immutable.
 */
public final class Exercise {

  /** The ladder of a notebook's exercises: by hand, extending the lesson's code, exploring. */
  public enum Rung { BY_HAND, CODING, EXPLORATION }

  /** How the answer is given: what type the student's variable has. */
  public enum Kind { NUMBER, COUNT, VECTOR, CHOICE, PREDICTION, RULE }

  /** A known wrong answer and the hint it deserves, e.g. "you left out the bias". */
  record Mistake(Function<Context, Object> value, String hint) {}

  private final String id;
  private final Rung rung;
  private final Kind kind;
  private final String practises;
  private final double tolerance;
  private final Function<Context, Object> expected;
  private final Map<Character, String> options;       // CHOICE and choice PREDICTION: option -> why
  private final BiFunction<Object, Context, Verdict> rule;
  private final List<Mistake> mistakes;
  private final boolean predictsChoice;

  private Exercise(String id, Rung rung, Kind kind, String practises, double tolerance, Function<Context, Object> expected,
      Map<Character, String> options, BiFunction<Object, Context, Verdict> rule, List<Mistake> mistakes,
      boolean predictsChoice) {
    this.id = id;
    this.rung = rung;
    this.kind = kind;
    this.practises = practises;
    this.tolerance = tolerance;
    this.expected = expected;
    this.options = options;
    this.rule = rule;
    this.mistakes = List.copyOf(mistakes);
    this.predictsChoice = predictsChoice;
  }

  private static Exercise make(String id, Rung rung, Kind kind, String practises, double tolerance,
      Function<Context, Object> expected, Map<Character, String> options, BiFunction<Object, Context, Verdict> rule,
      boolean predictsChoice) {
    String op = "exercise";
    Checks.notNull(op, "id", id);
    if (!id.matches("\\d\\d\\.\\d+")) {
      throw new IllegalArgumentException("exercise: id \"" + id + "\" must look like NN.k (notebook, exercise), e.g. 04.1");
    }
    Checks.notNull(op, "rung", rung);
    Checks.notNull(op, "what it practises", practises);
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("exercise " + id + ": tolerance must be finite and ≥ 0, got " + tolerance);
    }
    return new Exercise(id, rung, kind, practises, tolerance, expected, options, rule, List.of(), predictsChoice);
  }

  /** A number, right within ± tolerance. */
  public static Exercise number(String id, Rung rung, String practises, Function<Context, Double> expected,
      double tolerance) {
    Checks.notNull("exercise " + id, "expected", expected);
    return make(id, rung, Kind.NUMBER, practises, tolerance, expected::apply, null, null, false);
  }

  /** A whole number (a count of parameters, steps, entries), right when equal. */
  public static Exercise count(String id, Rung rung, String practises, Function<Context, Long> expected) {
    Checks.notNull("exercise " + id, "expected", expected);
    return make(id, rung, Kind.COUNT, practises, 0, expected::apply, null, null, false);
  }

  /** A vector, right when every entry is within ± tolerance. */
  public static Exercise vector(String id, Rung rung, String practises, Function<Context, Vec> expected,
      double tolerance) {
    Checks.notNull("exercise " + id, "expected", expected);
    return make(id, rung, Kind.VECTOR, practises, tolerance, expected::apply, null, null, false);
  }

  /**
   * Multiple choice: {@code correct} is one of the options; {@code why} explains every option, the right
   * one included (shown after the student picks it).
   */
  public static Exercise choice(String id, Rung rung, String practises, char correct, Map<Character, String> why) {
    Map<Character, String> options = options(id, why);
    if (!options.containsKey(correct)) {
      throw new IllegalArgumentException("exercise " + id + ": the correct option '" + correct + "' is not among " + options.keySet());
    }
    return make(id, rung, Kind.CHOICE, practises, 0, c -> correct, options, null, false);
  }

  /**
   * Predict, then run, with a numeric prediction: the student's prediction is compared with the
   * outcome of the run they made; it counts as right within ± {@code tolerance}. {@code why} is shown
   * either way, after the run.
   */
  public static Exercise predictNumber(String id, Rung rung, String practises, double tolerance, String why) {
    Checks.notNull("exercise " + id, "why", why);
    return make(id, rung, Kind.PREDICTION, practises, tolerance, null, Map.of('=', why), null, false);
  }

  /**
   * Predict, then run, with a choice: {@code outcome} reads the option that the run's results (passed
   * as lesson objects after the outcome) make true; {@code why} explains every option.
   */
  public static Exercise predictChoice(String id, Rung rung, String practises, Function<Context, Character> outcome,
      Map<Character, String> why) {
    Checks.notNull("exercise " + id, "outcome", outcome);
    return make(id, rung, Kind.PREDICTION, practises, 0, outcome::apply, options(id, why), null, true);
  }

  /**
   * An exploration judged by a rule that holds for any knob setting, e.g. "the LSTM's accuracy at your
   * gap is at least the RNN's": {@code rule} gets the student's answer and the lesson objects.
   */
  public static Exercise rule(String id, Rung rung, String practises, BiFunction<Object, Context, Verdict> rule) {
    Checks.notNull("exercise " + id, "rule", rule);
    return make(id, rung, Kind.RULE, practises, 0, null, null, rule, false);
  }

  /** A known slip and its hint: when the answer equals {@code value} (within the tolerance), say {@code hint}. */
  public Exercise withMistake(Function<Context, Object> value, String hint) {
    Checks.notNull("exercise " + id, "mistake", value);
    Checks.notNull("exercise " + id, "hint", hint);
    List<Mistake> more = new ArrayList<>(mistakes);
    more.add(new Mistake(value, hint));
    return new Exercise(id, rung, kind, practises, tolerance, expected, options, rule, more, predictsChoice);
  }

  private static Map<Character, String> options(String id, Map<Character, String> why) {
    Checks.notNull("exercise " + id, "option explanations", why);
    if (why.size() < 2) throw new IllegalArgumentException("exercise " + id + ": a choice needs at least two options");
    Map<Character, String> out = new TreeMap<>();
    why.forEach((k, v) -> {
      if (k == null || v == null || v.isBlank()) {
        throw new IllegalArgumentException("exercise " + id + ": every option needs a letter and an explanation");
      }
      out.put(Character.toUpperCase(k), v);
    });
    return Map.copyOf(out);
  }

  public String id() {
    return id;
  }

  public Rung rung() {
    return rung;
  }

  public Kind kind() {
    return kind;
  }

  /** One line: what the exercise practises. */
  public String practises() {
    return practises;
  }

  public double tolerance() {
    return tolerance;
  }

  /** The notebook number, e.g. "04". */
  public String notebook() {
    return id.substring(0, 2);
  }

  // ------------------------------------------------------------------ judging --

  /** Judges a check: {@code given} is the student's variable. */
  Verdict judge(Object given, Context context) {
    return switch (kind) {
      case NUMBER -> judgeNumber(given, context);
      case COUNT -> judgeCount(given, context);
      case VECTOR -> judgeVector(given, context);
      case CHOICE -> judgeChoice(given, (Character) expected.apply(context));
      case RULE -> given == null || isUnanswered(given) ? Verdict.unanswered() : rule.apply(given, context);
      case PREDICTION -> {
        if (predictsChoice) yield judgePrediction(given, null, context);
        throw new IllegalArgumentException("exercise " + id
            + " compares a prediction with a run: use Exercises.compare(\"" + id + "\", yourPrediction, yourRunsNumber)");
      }
    };
  }

  /** Judges a prediction against the run: {@code outcome} is the run's number (numeric predictions). */
  Verdict judgePrediction(Object prediction, Object outcome, Context context) {
    if (kind != Kind.PREDICTION) {
      throw new IllegalArgumentException("exercise " + id + " is not a prediction: use Exercises.check(\"" + id + "\", …)");
    }
    if (isUnanswered(prediction)) return new Verdict(Verdict.Status.UNANSWERED, "write down your prediction before you run");
    if (predictsChoice) {
      char p = asChoice(prediction);
      char happened = (Character) expected.apply(context);
      if (!options.containsKey(p)) return Verdict.wrong("'" + p + "' is not one of the options " + options.keySet());
      String why = options.get(happened);
      return p == happened ? Verdict.correct("The run agrees with your prediction (" + p + "). " + why)
          : Verdict.wrong("the run says " + happened + ", you predicted " + p + ". " + why);
    }
    double p = asNumber(prediction, "prediction");
    if (outcome == null || isUnanswered(outcome)) return new Verdict(Verdict.Status.UNANSWERED, "now run the experiment");
    double o = asNumber(outcome, "outcome of the run");
    String why = options.get('=');
    return Hints.close(p, o, tolerance)
        ? Verdict.correct("Your prediction is within ±" + tolerance + " of the run. " + why)
        : Verdict.wrong("the run differs from your prediction by more than ±" + tolerance + ". " + why);
  }

  private Verdict judgeNumber(Object given, Context context) {
    if (isUnanswered(given)) return Verdict.unanswered();
    double g = asNumber(given, "answer");
    double e = ((Number) expected.apply(context)).doubleValue();
    if (Hints.close(g, e, tolerance)) return Verdict.correct("");
    for (Mistake m : mistakes) {
      if (Hints.close(g, ((Number) m.value().apply(context)).doubleValue(), tolerance)) return Verdict.wrong(m.hint());
    }
    return Verdict.wrong(Hints.number(g, e, tolerance));
  }

  private Verdict judgeCount(Object given, Context context) {
    if (isUnanswered(given)) return Verdict.unanswered();
    if (!(given instanceof Long || given instanceof Integer || given instanceof Short || given instanceof Byte)) {
      throw new IllegalArgumentException("exercise " + id + " asks for a whole number (long), not a "
          + given.getClass().getSimpleName());
    }
    long g = ((Number) given).longValue();
    if (g < 0) return Verdict.unanswered();
    long e = ((Number) expected.apply(context)).longValue();
    if (g == e) return Verdict.correct("");
    for (Mistake m : mistakes) if (g == ((Number) m.value().apply(context)).longValue()) return Verdict.wrong(m.hint());
    return Verdict.wrong(Hints.count(g, e));
  }

  private Verdict judgeVector(Object given, Context context) {
    if (isUnanswered(given)) return Verdict.unanswered();
    if (!(given instanceof Vec g)) {
      throw new IllegalArgumentException("exercise " + id + " asks for a vector (Vec.of(…)), not a "
          + given.getClass().getSimpleName());
    }
    Vec e = (Vec) expected.apply(context);
    if (g.closeTo(e, tolerance)) return Verdict.correct("");
    for (Mistake m : mistakes) if (g.closeTo((Vec) m.value().apply(context), tolerance)) return Verdict.wrong(m.hint());
    return Verdict.wrong(Hints.vector(g, e, tolerance));
  }

  private Verdict judgeChoice(Object given, char correct) {
    if (isUnanswered(given)) return Verdict.unanswered();
    char g = asChoice(given);
    if (!options.containsKey(g)) return Verdict.wrong("'" + g + "' is not one of the options " + options.keySet());
    return g == correct ? Verdict.correct(options.get(g)) : Verdict.wrong("not " + g + ": " + options.get(g));
  }

  private char asChoice(Object given) {
    if (given instanceof Character c) return Character.toUpperCase(c);
    if (given instanceof String s && s.trim().length() == 1) return Character.toUpperCase(s.trim().charAt(0));
    throw new IllegalArgumentException("exercise " + id + " asks for one letter among " + options.keySet() + ", e.g. 'B'");
  }

  private double asNumber(Object v, String what) {
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("exercise " + id + ": the " + what + " must be a number, not a "
        + v.getClass().getSimpleName());
  }

  /** The placeholders a notebook starts with: NaN, null, '?' or ' ' (and, for counts, a negative number). */
  static boolean isUnanswered(Object given) {
    if (given == null) return true;
    if (given instanceof Double d) return d.isNaN();
    if (given instanceof Float f) return f.isNaN();
    if (given instanceof Character c) return c == '?' || c == ' ';
    if (given instanceof String s) return s.isBlank() || s.trim().equals("?");
    return false;
  }

  /** The expected value, for the course's own checks (the answer log and tests), never for notebooks. */
  Object expected(Context context) {
    return expected == null ? null : expected.apply(context);
  }

  @Override
  public String toString() {
    return id + " (" + rung.name().toLowerCase().replace('_', ' ') + ", " + kind.name().toLowerCase() + "): " + practises;
  }
}
