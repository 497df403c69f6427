package gated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gated.cell.GruCell;
import gated.cell.LstmCell;
import gated.cell.RnnCell;
import gated.model.SequenceModel;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import gated.train.Trainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded property-based fuzz test of the whole public API of {@code gated.tensor}, {@code gated.cell},
 * {@code gated.model} and {@code gated.train}. Every public method and constructor is found by reflection
 * and called many times with arguments from {@link FuzzValues}: random shapes and sizes (often fitting,
 * sometimes not), NaN and ±Infinity, huge values, overflowing sizes and nulls. Each call must either
 *
 * <ul>
 *   <li>return a finite, correctly shaped result (no NaN or ±Infinity anywhere inside it), or
 *   <li>throw an {@link IllegalArgumentException} (a {@link NonFiniteException} included) or a
 *       {@link NullPointerException}, thrown by the library itself, whose message names the operation
 *       ("operation: what is wrong").
 * </ul>
 *
 * Never another exception type, never a silent non-finite result. Two documented exceptions to
 * "finite": methods that only store or move numbers ({@link #CARRIERS}) may hand back a NaN they were
 * given, and a norm √Σv² may be +Infinity when Σv² overflows (notebook 02 shows that on purpose).
 *
 * <p>Case k has its own generator ({@link #caseRandom}); a failure prints k, the method and the arguments,
 * and {@code -Dfuzz.case=k} reruns that case alone. {@code -Dfuzz.cases=N} and {@code -Dfuzz.seed=S} change the
 * run; {@code -Dfuzz.verbose=true} lists the slowest targets and those that never returned.
 */
class PublicApiFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 14_2026L);
  static final int CASES = Integer.getInteger("fuzz.cases", 12_000);
  /** -Dfuzz.case=k reruns case k alone, e.g. to step through a failure. */
  static final int ONLY_CASE = Integer.getInteger("fuzz.case", -1);
  static final List<String> PACKAGES = List.of("gated.tensor", "gated.cell", "gated.model", "gated.train");

  /** "operation: details", where the operation is a few words, e.g. "LSTM backward" or "Vec.map". */
  static final Pattern NAMES_AN_OPERATION = Pattern.compile("(?s)^[^:\\n]{3,160}: \\S.*");

  /**
   * Methods that store or move numbers without computing with them: given a NaN, they may return it.
   * Record constructors and record accessors are carriers too.
   */
  static final Set<String> CARRIERS = Set.of(
      "Vec.of", "Vec.fill", "Vec.get", "Vec.toArray", "Vec.slice", "Vec.concat",
      "Matrix.of", "Matrix.get", "Matrix.row", "Matrix.block", "Matrix.transpose", "Matrix.toArray",
      "Matrix.toArray2d", "Matrix.hstack", "Matrix.vstack",
      "Flat.join", "Sequences.reversed", "Sequences.onlyLast", "Reader.take", "Reader.matrixLike", "Reader.vecLike", "Reader.paramsLike",
      "withArray", "toArray", "gate", "withGate", "withWh", "withWeights", "hiddenBlock", "inputBlock",
      "wxRows", "whRows", "fromRows", "build", "weights", "encoder", "steps", "step", "last", "hs", "cs",
      "outputs", "lastOutput", "forwardStates", "backwardStates", "candidate", "preActivation");

  @Test
  void everyPublicMethodReturnsAFiniteResultOrFailsWithAMessageNamingTheOperation() throws Exception {
    List<Target> targets = targets();
    List<String> filesBefore = filesHere();
    Map<String, int[]> perTarget = new TreeMap<>();          // name → {calls, returned, refused}
    Map<String, Long> nanos = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int returned = 0, refused = 0, overflowed = 0;
    ThreadMXBean clock = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long startCpu = clock.getCurrentThreadCpuTime();
    for (int k = ONLY_CASE < 0 ? 0 : ONLY_CASE; k < (ONLY_CASE < 0 ? CASES : ONLY_CASE + 1); k++) {
      long t0 = System.nanoTime();
      Random random = caseRandom(k);
      Target target = targets.get(random.nextInt(targets.size()));
      FuzzValues values = new FuzzValues(random);
      Call call = values.call(target.member());
      int[] stats = perTarget.computeIfAbsent(target.name(), n -> new int[3]);
      stats[0]++;
      if (call == null) continue;                             // no receiver could be made this time
      String problem;
      try {
        Object result = call.invoke();
        stats[1]++;
        returned++;
        problem = checkResult(target, call, result);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        stats[2]++;
        refused++;
        if (cause instanceof NonFiniteException) overflowed++;
        problem = checkRefusal(cause);
      }
      nanos.merge(target.name(), System.nanoTime() - t0, Long::sum);
      if (problem != null && failures.size() < 25) {
        failures.add("case " + k + ", " + target.name() + " on " + call + ":\n    " + problem);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (clock.getCurrentThreadCpuTime() - startCpu) / 1e9;
    System.out.printf(Locale.ROOT, "public API fuzz: %d calls of %d public methods and constructors in %.1f s "
        + "(%.1f s of CPU; seed %d): %d returned a finite, correctly shaped result, %d were refused with a message "
        + "naming the operation (%d of them overflows reported as NonFiniteException)%n", CASES, targets.size(), seconds,
        cpuSeconds, SEED, returned, refused, overflowed);
    if (Boolean.getBoolean("fuzz.verbose")) {
      perTarget.forEach((n, st) -> {
        if (st[1] == 0) System.out.println("  never returned: " + n + " " + java.util.Arrays.toString(st));
      });
    }
    if (Boolean.getBoolean("fuzz.verbose")) nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %8.1f ms  %s%n", e.getValue() / 1e6, e.getKey()));
    if (!failures.isEmpty()) fail(failures.size() + " calls broke the promise:\n  " + String.join("\n  ", failures));
    // CPU time, not wall time, so that a machine busy with other work does not fail the build.
    if (ONLY_CASE >= 0) return;
    assertTrue(CASES < 10_000 || cpuSeconds < 30, "the fuzz must stay under 30 s of CPU, took " + cpuSeconds);
    List<String> neverCalled = perTarget.entrySet().stream().filter(e -> e.getValue()[0] == 0).map(Map.Entry::getKey)
        .toList();
    assertTrue(neverCalled.isEmpty(), "never called: " + neverCalled);
    assertTrue(returned > CASES / 4, "most calls should get through to the computation, only " + returned
        + " of " + CASES + " returned");
    assertEquals(filesBefore, filesHere(), "the calls created or removed files in the working directory");
  }



  /** The names in the working directory: no public method may write a file the user did not ask for. */
  private static List<String> filesHere() throws java.io.IOException {
    try (var names = java.nio.file.Files.list(java.nio.file.Path.of(""))) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }  /** The list of targets is the whole public surface: if it shrinks to nothing the test proves nothing. */
  @Test
  void theFuzzReachesEveryPublicClassOfTheFourPackages() throws Exception {
    List<Target> targets = targets();
    assertTrue(targets.size() > 400, "only " + targets.size() + " targets");
    for (String op : SHAPES.keySet()) {
      assertTrue(targets.stream().anyMatch(t -> t.shortName().equals(op)), "a shape rule for no target: " + op);
    }
    for (String c : List.of("Vec", "Matrix", "LstmCell", "Lstm", "BiLstm", "Adam", "Trainer", "GradientCheck",
        "ParamCount", "Vocabulary", "Embedding", "Nd4jLstm")) {
      assertTrue(targets.stream().anyMatch(t -> t.name().startsWith(c + ".") || t.name().startsWith("new " + c + "(")),
          "no target in " + c);
    }
  }

  /** Case k's own generator: seeds that differ by one still give unrelated cases. */
  static Random caseRandom(int k) {
    long z = SEED * 0x9E3779B97F4A7C15L + k;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  // ------------------------------------------------------------------------------------------ checks

  /** An exception is fine if it is IAE or NPE, thrown by the library, with "operation: details". */
  static String checkRefusal(Throwable e) {
    if (!(e instanceof IllegalArgumentException) && !(e instanceof NullPointerException)) {
      return "threw " + describe(e);
    }
    StackTraceElement[] at = e.getStackTrace();
    if (at.length == 0 || !at[0].getClassName().startsWith("gated.")) return "the JDK threw " + describe(e);
    if (e.getMessage() == null || !NAMES_AN_OPERATION.matcher(e.getMessage()).matches()) {
      return "the message does not name the operation: " + describe(e);
    }
    return null;
  }

  /** A result is fine if it is finite everywhere (carriers aside) and has the shape its method promises. */
  static String checkResult(Target target, Call call, Object result) {
    if (target.member().getDeclaringClass() == NonFiniteException.class) return null;   // it reports a non-finite value
    String nonFinite = Finite.firstNonFinite(result);
    if (nonFinite != null && !allowedNonFinite(target, call, result)) {
      return "returned a non-finite number (" + nonFinite + "): " + abbreviate(String.valueOf(result));
    }
    BiConsumer<Call, Object> shape = SHAPES.get(target.shortName());
    if (shape != null) {
      try {
        shape.accept(call, result);
      } catch (AssertionError e) {
        return "wrong shape: " + e.getMessage();
      }
    }
    return null;
  }

  static boolean allowedNonFinite(Target target, Call call, Object result) {
    String method = target.member().getName();
    boolean carrier = CARRIERS.contains(target.shortName()) || CARRIERS.contains(method) || target.isRecordMember();
    if (carrier && call.inputsHoldNonFinite()) return true;
    if (method.equals("norm") && result instanceof Double d && d == Double.POSITIVE_INFINITY) {
      return call.largestInput() > 1e153;                       // √Σv² overflows only when some |v| > ~1.3e154/√n
    }
    if (result instanceof Trainer.History<?> h) {              // +Infinity marks the epoch that diverged, and only it
      return h.hasDiverged() && Finite.firstNonFinite(h.trainAccuracy()) == null
          && Finite.firstNonFinite(h.loss().subList(0, h.loss().size() - 1)) == null
          && Finite.firstNonFinite(h.gradientNorm().subList(0, h.gradientNorm().size() - 1)) == null;
    }
    return false;
  }

  /** What "correctly shaped" means for the operations whose result shape follows from their inputs. */
  static final Map<String, BiConsumer<Call, Object>> SHAPES = new LinkedHashMap<>();

  static {
    BiConsumer<Call, Object> sameSizeAsReceiver = (c, r) -> assertEquals(((Vec) c.receiver()).size(), ((Vec) r).size());
    for (String op : List.of("Vec.plus", "Vec.minus", "Vec.hadamard", "Vec.scale", "Vec.map")) {
      SHAPES.put(op, sameSizeAsReceiver);
    }
    SHAPES.put("Vec.concat", (c, r) -> assertEquals(((Vec) c.receiver()).size() + ((Vec) c.arg(0)).size(),
        ((Vec) r).size()));
    SHAPES.put("Vec.times", (c, r) -> assertEquals(((Matrix) c.arg(0)).cols(), ((Vec) r).size()));
    SHAPES.put("Matrix.times", (c, r) -> {
      Matrix w = (Matrix) c.receiver();
      if (r instanceof Vec v) assertEquals(w.rows(), v.size());
      else assertEquals(w.rows() + "×" + ((Matrix) c.arg(0)).cols(), ((Matrix) r).shape());
    });
    BiConsumer<Call, Object> sameShapeAsReceiver = (c, r) -> assertEquals(((Matrix) c.receiver()).shape(),
        ((Matrix) r).shape());
    for (String op : List.of("Matrix.plus", "Matrix.minus", "Matrix.scale", "Matrix.map")) {
      SHAPES.put(op, sameShapeAsReceiver);
    }
    SHAPES.put("Matrix.transpose", (c, r) -> assertEquals(((Matrix) c.receiver()).cols() + "×"
        + ((Matrix) c.receiver()).rows(), ((Matrix) r).shape()));
    SHAPES.put("Matrix.outer", (c, r) -> assertEquals(((Vec) c.arg(0)).size() + "×" + ((Vec) c.arg(1)).size(),
        ((Matrix) r).shape()));
    for (String op : List.of("Activations.sigmoid", "Activations.tanh", "Activations.softmax")) {
      SHAPES.put(op, (c, r) -> {
        if (r instanceof Vec v) assertEquals(((Vec) c.arg(0)).size(), v.size());
      });
    }
    // Optimizers, clipping and Params arithmetic hand back weights of exactly the shapes they were given.
    BiConsumer<Call, Object> shapesOfFirstParams = (c, r) -> assertEquals(c.firstParams().shapes(),
        ((Params<?>) r).shapes());
    for (String op : List.of("Sgd.step", "Adam.step", "Optimizer.step", "Clip.byGlobalNorm", "Clip.byValue",
        "Params.plusScaled", "Params.scale", "Params.zerosLike")) {
      SHAPES.put(op, shapesOfFirstParams);
    }
    // A cell's step keeps the hidden size; its backward pass has the shapes of the cell's weights.
    SHAPES.put("LstmCell.step", (c, r) -> assertEquals(((LstmCell) c.receiver()).hiddenSize(),
        ((gated.cell.LstmStep) r).h().size()));
    SHAPES.put("RnnCell.step", (c, r) -> assertEquals(((RnnCell) c.receiver()).hiddenSize(),
        ((gated.cell.RnnStep) r).h().size()));
    SHAPES.put("GruCell.step", (c, r) -> assertEquals(((GruCell) c.receiver()).hiddenSize(),
        ((gated.cell.GruStep) r).h().size()));
    SHAPES.put("LstmCell.backward", (c, r) -> {
      LstmCell cell = (LstmCell) c.receiver();
      LstmCell.Grad g = (LstmCell.Grad) r;
      assertEquals(cell.weights().shapes(), g.dWeights().shapes());
      assertEquals(cell.inputSize(), g.dx().size());
      assertEquals(cell.hiddenSize(), g.dhPrev().size());
    });
    SHAPES.put("RnnCell.backward", (c, r) -> {
      RnnCell cell = (RnnCell) c.receiver();
      assertEquals(cell.weights().shapes(), ((RnnCell.Grad) r).dWeights().shapes());
      assertEquals(cell.inputSize(), ((RnnCell.Grad) r).dx().size());
    });
    SHAPES.put("GruCell.backward", (c, r) -> {
      GruCell cell = (GruCell) c.receiver();
      assertEquals(cell.weights().shapes(), ((GruCell.Grad) r).dWeights().shapes());
      assertEquals(cell.inputSize(), ((GruCell.Grad) r).dx().size());
    });
    // A sequence model gives one output per input, and BPTT gradients of the model's own shapes.
    BiConsumer<Call, Object> forward = (c, r) -> {
      SequenceModel<?> m = (SequenceModel<?>) c.receiver();
      SequenceModel.Trace t = (SequenceModel.Trace) r;
      assertEquals(((List<?>) c.arg(0)).size(), t.length());
      for (Vec y : t.outputs()) assertEquals(m.outputSize(), y.size());
    };
    BiConsumer<Call, Object> backward = (c, r) -> {
      SequenceModel<?> m = (SequenceModel<?>) c.receiver();
      SequenceModel.Gradients<?> g = r instanceof gated.model.Lstm.LstmGradients lg ? lg.gradients()
          : (SequenceModel.Gradients<?>) r;
      assertEquals(m.weights().shapes(), ((Params<?>) g.dWeights()).shapes());
      for (Vec dx : g.dInputs()) assertEquals(m.inputSize(), dx.size());
      assertEquals(((SequenceModel.Trace) c.arg(0)).length(), g.dInputs().size());
    };
    for (String model : List.of("Rnn", "Lstm", "Gru", "BiLstm", "StackedLstm", "SequenceModel")) {
      SHAPES.put(model + ".forward", forward);
      SHAPES.put(model + ".backward", backward);
    }
    SHAPES.put("Lstm.backwardWithCell", backward);
    SHAPES.put("DenseWeights.apply", (c, r) -> assertEquals(((gated.model.DenseWeights) c.receiver()).outputSize(),
        ((Vec) r).size()));
    SHAPES.put("DenseWeights.backward", (c, r) -> assertEquals(((Params<?>) c.receiver()).shapes(),
        ((gated.model.DenseWeights.Grad) r).dWeights().shapes()));
    SHAPES.put("Loss.softmaxCrossEntropy", (c, r) -> assertEquals(((Vec) c.arg(0)).size(),
        ((gated.train.Loss.Value) r).gradient().size()));
  }

  // ------------------------------------------------------------------------------------------ targets

  /** A public method or constructor, named "Class.method" (nested classes as "Outer.Inner"). */
  record Target(String name, String shortName, Executable member) {
    boolean isRecordMember() {
      Class<?> c = member.getDeclaringClass();
      if (!c.isRecord()) return false;
      if (member instanceof Constructor<?>) return true;
      return Stream.of(c.getRecordComponents()).anyMatch(rc -> rc.getName().equals(member.getName())
          && member.getParameterCount() == 0);
    }
  }

  static List<Target> targets() throws Exception {
    Path root = Paths.get(Vec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Target> out = new ArrayList<>();
    for (String pkg : PACKAGES) {
      List<Path> files;
      try (Stream<Path> s = Files.list(root.resolve(pkg.replace('.', '/')))) {
        files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      }
      for (Path f : files) {
        String file = f.getFileName().toString();
        Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - ".class".length()));
        if (!isPublicApi(c)) continue;
        String cls = className(c);
        Method[] methods = c.getDeclaredMethods();          // in no specified order: sorted, so a seed replays a run
        java.util.Arrays.sort(methods, java.util.Comparator.comparing(Method::toGenericString));
        for (Method m : methods) {
          if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) continue;
          if (c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"))) continue; // javac's own
          out.add(new Target(cls + "." + m.getName() + signature(m), cls + "." + m.getName(), m));
        }
        if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
          Constructor<?>[] constructors = c.getConstructors();
          java.util.Arrays.sort(constructors, java.util.Comparator.comparing(Constructor::toGenericString));
          for (Constructor<?> k : constructors) out.add(new Target("new " + cls + signature(k), "new " + cls, k));
        }
      }
    }
    return out;
  }

  static boolean isPublicApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) return false;
    }
    return true;
  }

  static String className(Class<?> c) {
    return c.getEnclosingClass() == null ? c.getSimpleName() : className(c.getEnclosingClass()) + "." + c.getSimpleName();
  }

  static String signature(Executable e) {
    return "(" + String.join(", ", Stream.of(e.getParameterTypes()).map(Class::getSimpleName).toList()) + ")";
  }

  // ------------------------------------------------------------------------------------------ calls

  /** One invocation: the receiver (null for a static method or a constructor) and the arguments. */
  record Call(Executable member, Object receiver, Object[] args) {
    Object invoke() throws InvocationTargetException {
      try {
        if (member instanceof Constructor<?> k) return k.newInstance(args);
        return ((Method) member).invoke(receiver, args);
      } catch (IllegalAccessException | InstantiationException | IllegalArgumentException e) {
        throw new AssertionError("the fuzz itself made a bad call to " + member + ": " + e, e);
      }
    }

    Object arg(int k) {
      return args[k];
    }

    Params<?> firstParams() {
      if (receiver instanceof Params<?> p) return p;
      for (Object a : args) if (a instanceof Params<?> p) return p;
      throw new AssertionError("no weights among the arguments");
    }

    boolean inputsHoldNonFinite() {
      return Finite.firstNonFinite(receiver) != null || Finite.firstNonFinite(args) != null;
    }

    double largestInput() {
      return Math.max(Finite.largest(receiver), Finite.largest(args));
    }

    @Override
    public String toString() {
      String r = receiver == null ? "" : "receiver " + abbreviate(String.valueOf(receiver)) + ", ";
      List<String> a = new ArrayList<>();
      for (Object o : args) a.add(o instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(o));
      return r + "arguments " + abbreviate(a.toString());
    }
  }

  // ------------------------------------------------------------------------------------------ finiteness

  /** Walks a value (records, lists, arrays, weights, vectors, matrices) looking for NaN or ±Infinity. */
  static final class Finite {
    private Finite() {}

    static final int LIST_ENDS = 10_000;

    static String firstNonFinite(Object value) {
      return walk(value, new IdentityHashMap<>(), 0);
    }

    static double largest(Object value) {
      double[] max = {0};
      visitNumbers(value, new IdentityHashMap<>(), 0, v -> max[0] = Math.max(max[0], Math.abs(v)));
      return max[0];
    }

    private static String walk(Object value, IdentityHashMap<Object, Boolean> seen, int depth) {
      String[] found = {null};
      visitNumbers(value, seen, depth, v -> {
        if (found[0] == null && !Double.isFinite(v)) found[0] = String.valueOf(v);
      });
      return found[0];
    }

    interface NumberVisitor {
      void visit(double v);
    }

    private static void visitNumbers(Object value, IdentityHashMap<Object, Boolean> seen, int depth, NumberVisitor f) {
      if (value == null || depth > 12) return;
      if (value instanceof Double d) {
        f.visit(d);
        return;
      }
      if (value instanceof Float x) {
        f.visit(x);
        return;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
          || value instanceof Class<?> || value instanceof Random) {
        return;
      }
      if (seen.put(value, Boolean.TRUE) != null) return;
      if (value instanceof Vec v) {
        for (double x : v.toArray()) f.visit(x);
      } else if (value instanceof Matrix m) {
        for (double x : m.toArray()) f.visit(x);
      } else if (value instanceof Params<?> p && !value.getClass().isRecord()) {
        for (double x : p.toArray()) f.visit(x);
      } else if (value instanceof double[] a) {
        for (double x : a) f.visit(x);
      } else if (value instanceof Object[] a) {
        for (Object o : a) visitNumbers(o, seen, depth + 1, f);
      } else if (value instanceof List<?> l && l.size() > 2 * LIST_ENDS) {
        // A very long list (Sequences.zeros(2³¹ − 1, …) is a view of one vector) is read at both ends.
        for (int i = 0; i < LIST_ENDS; i++) visitNumbers(l.get(i), seen, depth + 1, f);
        for (int i = l.size() - LIST_ENDS; i < l.size(); i++) visitNumbers(l.get(i), seen, depth + 1, f);
      } else if (value instanceof Collection<?> c) {
        for (Object o : c) visitNumbers(o, seen, depth + 1, f);
      } else if (value instanceof Map<?, ?> m) {
        for (Object o : m.values()) visitNumbers(o, seen, depth + 1, f);
      } else if (value.getClass().isRecord()) {
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
          try {
            rc.getAccessor().setAccessible(true);
            visitNumbers(rc.getAccessor().invoke(value), seen, depth + 1, f);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
  }

  static String describe(Throwable e) {
    StackTraceElement[] at = e.getStackTrace();
    return e.getClass().getSimpleName() + " \"" + e.getMessage() + "\"" + (at.length == 0 ? "" : " at " + at[0]);
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
