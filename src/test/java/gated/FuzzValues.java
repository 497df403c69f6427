package gated;

import gated.PublicApiFuzzTest.Call;
import gated.cell.Dl4jLstmWeights;
import gated.cell.FusedLstmWeights;
import gated.cell.GateWeights;
import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.LstmCell;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.PytorchLstmWeights;
import gated.cell.RnnCell;
import gated.cell.RnnStep;
import gated.cell.RnnWeights;
import gated.cell.RowGateWeights;
import gated.model.BiLstm;
import gated.model.BiLstmWeights;
import gated.model.DenseWeights;
import gated.model.Embedding;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.MergeMode;
import gated.model.Nd4jLstm;
import gated.model.ParamCount;
import gated.model.Rnn;
import gated.model.SequenceModel;
import gated.model.StackedLstm;
import gated.model.StackedLstmWeights;
import gated.model.Vocabulary;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import gated.train.Adam;
import gated.train.Classifier;
import gated.train.ClassifierWeights;
import gated.train.Example;
import gated.train.GradientCheck;
import gated.train.GradientFlow;
import gated.train.Loss;
import gated.train.NonFiniteException;
import gated.train.Optimizer;
import gated.train.Sgd;
import gated.train.Trainer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Seeded arguments for {@link PublicApiFuzzTest}. Each call has a small "world" (hidden size H, input
 * size X, sequence length T, number of classes) and one model of each kind built for it, so that
 * arguments usually fit one another (a trace of the receiver's own forward pass, gradients of its
 * shapes) and the call reaches the computation; but any argument may instead be of another size, hold
 * NaN, ±Infinity or a huge value, be an overflowing size, or be null.
 */
final class FuzzValues {
  private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e300, -1e300, 1e154, 0.0, -0.0, 1e-300};
  /** Sizes that are wrong, or too large for an array on their own or once squared (46341² &gt; 2³¹). */
  private static final int[] SPECIAL_INTS = {-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 46341, Integer.MAX_VALUE - 8};
  private static final String[] WORDS = {"cat", "mat", "rat", "cat mat", "rat cat mat", "", "   ", "dog", "cat  rat"};

  private final Random r;
  private final int h;
  private final int x;
  private final int t;
  private final int classes;
  private final Map<Class<?>, Object> world = new HashMap<>();
  private Object receiver;
  private Params<?> lastParams;
  private final List<Integer> affinity = new ArrayList<>();   // sizes of the receiver and of earlier arguments

  FuzzValues(Random random) {
    this.r = random;
    this.h = 1 + r.nextInt(3);
    this.x = 1 + r.nextInt(3);
    this.t = 1 + r.nextInt(3);
    this.classes = 2 + r.nextInt(2);
  }

  /** A call of {@code member}: a receiver for an instance method, then one value per parameter. */
  Call call(Executable member) {
    if (member instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
      receiver = instance(m.getDeclaringClass());
      if (receiver == null) return null;
      if (receiver instanceof Params<?> p) lastParams = p;
      remember(receiver);
    }
    if (receiver instanceof SequenceModel<?> model && (member.getName().equals("backward")
        || member.getName().equals("backwardWithCell")) && chance(0.6)) {     // a model's own trace, one gradient per output
      SequenceModel.Trace trace = model.forward(xs());
      List<Vec> dOutputs = new ArrayList<>();
      for (int k = 0; k < trace.length(); k++) dOutputs.add(aVecOfSize(model.outputSize()));
      return new Call(member, receiver, new Object[] {chance(0.9) ? trace : trace(), dOutputs});
    }
    if (chance(0.4)) {
      Object[] args = componentsOfAValid(member);             // a valid record taken apart, maybe one part swapped
      if (args != null) return new Call(member, receiver, args);
    }
    Type[] types = member.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int k = 0; k < types.length; k++) {
      // SequenceModel<W>.withWeights(W): checked Java code can only pass the model's own kind of weights
      // (anything else needs raw types and fails in the compiler's own cast), so the fuzz does the same.
      boolean ownWeights = receiver instanceof SequenceModel<?> && types[k] instanceof TypeVariable<?> v
          && v.getGenericDeclaration() == SequenceModel.class;
      if (ownWeights) args[k] = sameKind(((SequenceModel<?>) receiver).weights());
      else if (types[k] == Vec.class && chance(0.6) && stateSize(member, k) > 0) args[k] = aVecOfSize(stateSize(member, k));
      else args[k] = value(types[k]);
      remember(args[k]);
    }
    return new Call(member, receiver, args);
  }

  /**
   * A cell's or model's vectors follow the equations: step(x_t, h_{t-1}, c_{t-1}) takes X then H entries,
   * forward(xs, h_0, c_0) and backward(step, ∂L/∂h_t, ∂L/∂c_t) take H. Returns 0 for other receivers.
   */
  private int stateSize(Executable member, int k) {
    boolean firstVec = true;
    for (int i = 0; i < k; i++) if (member.getParameterTypes()[i] == Vec.class) firstVec = false;
    if (receiver instanceof DenseWeights d) return firstVec ? d.inputSize() : d.outputSize();
    if (receiver instanceof Embedding e) return e.vocabularySize();
    boolean recurrent = receiver instanceof LstmCell || receiver instanceof RnnCell || receiver instanceof GruCell
        || receiver instanceof FusedLstmWeights || receiver instanceof SequenceModel<?>;
    if (!recurrent) return 0;
    return member.getName().equals("step") && firstVec ? x : h;
  }

  /**
   * Arguments that fit together: the components of a valid record whose components have exactly the
   * parameter types of {@code member} (its own record for a constructor; GateWeights for
   * {@code LstmWeights.Builder.input(Matrix, Vec)}, …), one of them sometimes replaced. Null if none has.
   */
  private Object[] componentsOfAValid(Executable member) {
    List<Class<?>> fitting = new ArrayList<>();
    for (Class<?> c : makers().keySet()) {
      if (c.isRecord() && java.util.Arrays.equals(member.getGenericParameterTypes(),   // List<Vec> ≠ List<Term>
          java.util.Arrays.stream(c.getRecordComponents()).map(RecordComponent::getGenericType).toArray())) {
        fitting.add(c);
      }
    }
    if (fitting.isEmpty()) return null;
    Class<?> c = member instanceof Constructor<?> && fitting.contains(member.getDeclaringClass())
        ? member.getDeclaringClass() : pick(fitting);
    RecordComponent[] parts = c.getRecordComponents();
    Object valid = instance(c);
    if (valid == null) return null;
    Object[] args = new Object[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) args[i] = parts[i].getAccessor().invoke(valid);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    if (chance(0.5)) {
      int i = r.nextInt(parts.length);
      args[i] = value(member.getGenericParameterTypes()[i]);
    }
    return args;
  }

  /** Sizes that fit the receiver and the arguments so far: a later size or index often matches them. */
  private void remember(Object o) {
    if (o instanceof Vec v) affinity.add(v.size());
    else if (o instanceof Matrix m) {
      affinity.add(m.rows());
      affinity.add(m.cols());
    } else if (o instanceof double[] a) affinity.add(a.length);
    else if (o instanceof List<?> l) affinity.add(l.size());
    else if (o instanceof Params<?> p) affinity.add(p.count());
    else if (o instanceof Embedding e) affinity.add(e.vocabularySize());
  }

  // ---------------------------------------------------------------------------------------- by type

  /** Any value of the given type: null now and then, junk now and then, usually something that fits. */
  Object value(Type type) {
    if (type instanceof TypeVariable<?> v) return value(v.getBounds()[0]);
    if (type instanceof WildcardType w) return value(w.getUpperBounds()[0]);
    if (type instanceof ParameterizedType p) return parameterized(p);
    Class<?> c = (Class<?>) type;
    if (c.isPrimitive()) return primitive(c);
    if (chance(0.04)) return null;
    if (c.isArray()) return array(c.getComponentType());
    if (c.isEnum()) return c.getEnumConstants()[r.nextInt(c.getEnumConstants().length)];
    if (c == String.class) return pick(WORDS);
    if (c == Object.class) return anyObject();
    if (c == Integer.class) return anInt();
    if (c == Double.class) return aDouble();
    if (c == Random.class) return new Random(r.nextLong());
    if (c.isAssignableFrom(java.io.PrintStream.class) && java.io.OutputStream.class.isAssignableFrom(c)) {
      // into memory: by its constructor, new PrintStream("rat cat mat") would create that file
      return new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (c == DoubleUnaryOperator.class) return function();
    if (c == List.class) return vectors();
    if (c == Vec.class) return aVec();
    if (c == Matrix.class) return aMatrix();
    return instance(c);
  }

  private Object parameterized(ParameterizedType p) {
    Class<?> raw = (Class<?>) p.getRawType();
    Type arg = p.getActualTypeArguments()[0];
    if (raw == ToDoubleFunction.class) return chance(0.04) ? null : loss();
    if (raw != List.class) return value(raw);
    if (chance(0.04)) return null;
    Class<?> element = arg instanceof Class<?> c ? c : arg instanceof ParameterizedType q ? (Class<?>) q.getRawType()
        : Object.class;
    if (element == Vec.class) return vectors();
    if (element == List.class) return batch();
    if (element == Integer.class) return targets();
    if (element == Double.class) return doubles();
    if (element == LstmStep.class) return steps(lstmTrace().steps());
    if (element == RnnStep.class) return steps(rnnTrace().steps());
    if (element == GruStep.class) return steps(gruTrace().steps());
    if (element == Lstm.LstmTrace.class) return chance(0.8) ? stackedTrace().layers() : List.of(lstmTrace());
    if (element == SequenceModel.Trace.class) return traces();
    if (element == LstmWeights.class) return layers();
    if (element == Example.class) return examples();
    if (element == ParamCount.Term.class) return ParamCount.lstm(x, h, ParamCount.Bias.ONE).terms();
    List<Object> out = new ArrayList<>();
    int n = r.nextInt(4);
    for (int k = 0; k < n; k++) out.add(value(element));
    return out;
  }

  private Object primitive(Class<?> c) {
    if (c == int.class) return anInt();
    if (c == double.class) return aDouble();
    if (c == long.class) return chance(0.2) ? (Object) Long.MIN_VALUE : (Object) (long) r.nextInt(100);
    if (c == boolean.class) return r.nextBoolean();
    throw new AssertionError("no generator for " + c);
  }

  private Object array(Class<?> component) {
    int n = r.nextInt(4);
    if (component == double.class) return doubles(receiver instanceof Params<?> p && chance(0.6) ? p.count() : vecSize());
    if (component == double[].class) {
      double[][] rows = new double[1 + r.nextInt(3)][];
      int cols = vecSize();
      for (int k = 0; k < rows.length; k++) rows[k] = chance(0.9) ? doubles(cols) : chance(0.5) ? null : doubles(cols + 1);
      return rows;
    }
    if (component == Matrix.class) {
      Matrix[] blocks = new Matrix[n];
      int rows = vecSize();
      for (int k = 0; k < n; k++) blocks[k] = chance(0.05) ? null : matrix(chance(0.8) ? rows : vecSize(), vecSize());
      return blocks;
    }
    if (component == String.class) {
      String[] words = {"cat", "mat", "rat"};
      return chance(0.2) ? new String[] {"cat", "cat"} : chance(0.1) ? new String[] {"cat", null} : words;
    }
    Object[] out = (Object[]) java.lang.reflect.Array.newInstance(component, n);
    for (int k = 0; k < n; k++) out[k] = value(component);
    return out;
  }

  // ---------------------------------------------------------------------------------------- numbers

  private int anInt() {
    int roll = r.nextInt(20);
    if (roll == 0) return SPECIAL_INTS[r.nextInt(SPECIAL_INTS.length)];
    if (roll <= 6) return r.nextInt(6);
    if (roll <= 10 && !affinity.isEmpty()) return affinity.get(r.nextInt(affinity.size())) - (chance(0.3) ? 1 : 0);
    int[] fitting = {h, x, t, classes, h + x, 2 * h, 4 * h, 1};
    return fitting[r.nextInt(fitting.length)];
  }

  private double aDouble() {
    return chance(0.15) ? SPECIAL[r.nextInt(SPECIAL.length)] : chance(0.5) ? r.nextGaussian() : r.nextDouble();
  }

  private int vecSize() {
    if (!affinity.isEmpty() && chance(0.3)) return Math.max(1, Math.min(64, affinity.get(r.nextInt(affinity.size()))));
    if (chance(0.25)) return 1 + r.nextInt(6);
    int[] fitting = {h, x, classes, h + x, 2 * h, 4 * h, t};
    return fitting[r.nextInt(fitting.length)];
  }

  private double[] doubles(int n) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) v[k] = r.nextGaussian();
    if (n > 0 && chance(0.12)) v[r.nextInt(n)] = SPECIAL[r.nextInt(SPECIAL.length)];
    return v;
  }

  private Vec vec(int n) {
    return Vec.of(doubles(n));
  }

  /** Usually random numbers; sometimes a one-hot vector or a probability distribution, as some operations need. */
  private Vec aVec() {
    return aVecOfSize(vecSize());
  }

  private Vec aVecOfSize(int n) {
    if (chance(receiver instanceof Embedding ? 0.5 : 0.1)) {
      double[] e = new double[n];
      e[r.nextInt(n)] = 1;
      return Vec.of(e);
    }
    if (chance(0.1)) return gated.cell.Activations.softmax(finiteVec(n));
    return vec(n);
  }

  /** A matrix, often of the receiver's shape (for a sum) or with as many rows as it has columns (for a product). */
  private Matrix aMatrix() {
    if (receiver instanceof Matrix m && chance(0.5)) return matrix(chance(0.5) ? m.rows() : m.cols(), m.cols());
    if (chance(0.4)) {                                        // the shapes of the course's weight matrices
      int[][] shapes = {{h, h + x}, {h, h}, {x, h}, {h, x}, {x, 4 * h}, {h, 4 * h}, {4 * h, x}, {4 * h, h}, {classes, h}};
      int[] s = shapes[r.nextInt(shapes.length)];
      return matrix(s[0], s[1]);
    }
    return matrix(vecSize(), vecSize());
  }

  private Vec finiteVec(int n) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) v[k] = r.nextGaussian();
    return Vec.of(v);
  }

  private Matrix matrix(int rows, int cols) {
    return Matrix.of(rows, cols, doubles(rows * cols));
  }

  private List<Double> doubles() {
    List<Double> out = new ArrayList<>();
    int n = r.nextInt(4);
    for (int k = 0; k < n; k++) out.add(chance(0.9) ? Math.abs(r.nextGaussian()) : aDouble());
    return out;
  }

  private DoubleUnaryOperator function() {
    List<DoubleUnaryOperator> fs = List.of(v -> v, v -> 2 * v, Math::tanh, Math::exp, v -> Double.NaN, Math::log,
        v -> 1 / v, v -> v * 1e300);
    return fs.get(r.nextInt(fs.size()));
  }

  private ToDoubleFunction<Params<?>> loss() {
    List<ToDoubleFunction<Params<?>>> fs = List.of(
        w -> {
          double s = 0;
          for (double v : w.toArray()) s += v * v / 2;      // ∂/∂θ = θ
          return s;
        },
        w -> Double.NaN, w -> 1.0, w -> Double.POSITIVE_INFINITY, w -> w.toArray()[0]);
    return fs.get(r.nextInt(fs.size()));
  }

  // ---------------------------------------------------------------------------------------- sequences

  /** x_1 … x_T of the world's input size, usually; otherwise of another size, with a null, or empty. */
  private List<Vec> vectors() {
    if (chance(0.55)) return xs();
    int n = chance(0.1) ? 0 : chance(0.7) ? t : 1 + r.nextInt(4);
    int size = chance(0.7) ? pickInt(h, 2 * h, x, classes) : vecSize();
    List<Vec> out = new ArrayList<>();
    for (int k = 0; k < n; k++) out.add(chance(0.03) ? null : vec(size));
    return out;
  }

  private List<Vec> xs() {
    return cached(XS.class, () -> {
      List<Vec> out = new ArrayList<>();
      for (int k = 0; k < t; k++) out.add(finiteVec(x));
      return new XS(out);
    }).xs();
  }

  private record XS(List<Vec> xs) {}

  private List<List<Vec>> batch() {
    List<List<Vec>> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) out.add(chance(0.8) ? xs() : vectors());
    return out;
  }

  private List<Integer> targets() {
    List<Integer> out = new ArrayList<>();
    int n = chance(0.8) ? t : r.nextInt(4);
    for (int k = 0; k < n; k++) out.add(chance(0.3) ? null : chance(0.9) ? r.nextInt(classes) : pickInt(-1, 99));
    return out;
  }

  private <S> List<S> steps(List<S> steps) {
    List<S> out = new ArrayList<>(steps);
    if (chance(0.1)) java.util.Collections.reverse(out);
    if (chance(0.05)) out.add(null);
    if (chance(0.05)) out.clear();
    return out;
  }

  private List<SequenceModel.Trace> traces() {
    SequenceModel<?> m = model();
    List<SequenceModel.Trace> out = new ArrayList<>();
    int n = 1 + r.nextInt(2);
    for (int k = 0; k < n; k++) out.add(chance(0.9) ? m.forward(xs()) : trace());
    return out;
  }

  private List<LstmWeights> layers() {
    if (chance(0.7)) return stackedWeights().layers();
    return List.of(lstmWeights(), LstmWeights.random(1 + r.nextInt(3), 1 + r.nextInt(3), r));
  }

  private List<Example> examples() {
    List<Example> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) out.add(chance(0.95) ? example() : oddExample());
    return out;
  }

  /** An example made of generated vectors; they may hold NaN or ±Inf, which Example refuses: then a usual one. */
  private Example oddExample() {
    try {
      return Example.labelled(vectorsOrXs(), 0);
    } catch (IllegalArgumentException refused) {
      return example();
    }
  }

  private List<Vec> vectorsOrXs() {
    List<Vec> v = vectors();
    return v == null || v.isEmpty() || v.contains(null) ? xs() : v;
  }

  private Example example() {
    return Example.labelled(xs(), r.nextInt(classes));
  }

  // ---------------------------------------------------------------------------------------- instances

  /** A receiver or argument of a library type; the world's own object most of the time. */
  Object instance(Class<?> c) {
    if (c.isEnum()) return c.getEnumConstants()[r.nextInt(c.getEnumConstants().length)];
    Supplier<?> make = makers().get(c);
    if (make != null) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        return null;                                           // e.g. a NaN weight refused by a conversion
      }
    }
    return byConstructorOrFactory(c);
  }

  private Map<Class<?>, Supplier<?>> makers;

  private Map<Class<?>, Supplier<?>> makers() {
    if (makers != null) return makers;
    Map<Class<?>, Supplier<?>> m = new LinkedHashMap<>();      // in this order, so that a seed replays a run
    m.put(Vec.class, () -> vec(vecSize()));
    m.put(Matrix.class, () -> matrix(vecSize(), vecSize()));
    m.put(LstmWeights.class, this::lstmWeightsMaybeBad);
    m.put(RnnWeights.class, () -> maybeBad(chance(0.8) ? rnnWeights() : RnnWeights.random(h, x, r)));
    m.put(GruWeights.class, () -> maybeBad(chance(0.8) ? gruWeights() : GruWeights.random(h, 1 + x, r)));
    m.put(DenseWeights.class, () -> maybeBad(chance(0.8) ? head() : DenseWeights.random(classes, 1 + h, r)));
    m.put(BiLstmWeights.class, () -> maybeBad(biWeights()));
    m.put(StackedLstmWeights.class, () -> maybeBad(stackedWeights()));
    m.put(ClassifierWeights.class, () -> maybeBad(classifier().weights()));
    m.put(Params.class, this::params);
    m.put(GateWeights.class, () -> lstmWeights().gate(pick(LstmGate.values())));
    m.put(RowGateWeights.class, () -> pick(gruWeights().reset(), gruWeights().update(), gruWeights().candidate()));
    m.put(FusedLstmWeights.class, () -> lstmWeightsMaybeBad().toFused());
    m.put(PytorchLstmWeights.class, () -> lstmWeightsMaybeBad().toPytorch());
    m.put(Dl4jLstmWeights.class, () -> lstmWeightsMaybeBad().toDl4j());
    m.put(LstmCell.class, () -> new LstmCell(lstmWeights()));
    m.put(RnnCell.class, () -> new RnnCell(rnnWeights()));
    m.put(GruCell.class, () -> new GruCell(gruWeights()));
    m.put(LstmStep.class, () -> chance(0.8) ? pick(lstmTrace().steps())
        : new LstmCell(LstmWeights.random(h, 1 + x, r)).step(finiteVec(1 + x), Vec.zeros(h), Vec.zeros(h)));
    m.put(RnnStep.class, () -> chance(0.8) ? pick(rnnTrace().steps())
        : new RnnCell(RnnWeights.random(1 + h, x, r)).step(finiteVec(x), Vec.zeros(1 + h)));
    m.put(GruStep.class, () -> chance(0.8) ? pick(gruTrace().steps())
        : new GruCell(GruWeights.random(h, 1 + x, r)).step(finiteVec(1 + x), Vec.zeros(h)));
    m.put(Lstm.class, this::lstm);
    m.put(Rnn.class, this::rnn);
    m.put(Gru.class, this::gru);
    m.put(BiLstm.class, this::biLstm);
    m.put(StackedLstm.class, this::stacked);
    m.put(SequenceModel.class, this::model);
    m.put(Nd4jLstm.class, () -> cached(Nd4jLstm.class, () -> new Nd4jLstm(lstmWeights())));
    m.put(Lstm.LstmTrace.class, this::lstmTrace);
    m.put(Rnn.RnnTrace.class, this::rnnTrace);
    m.put(Gru.GruTrace.class, this::gruTrace);
    m.put(StackedLstm.StackedTrace.class, this::stackedTrace);
    m.put(BiLstm.BiTrace.class, this::biTrace);
    m.put(SequenceModel.Trace.class, this::trace);
    m.put(Example.class, this::example);
    m.put(Classifier.class, this::classifier);
    m.put(Optimizer.class, () -> chance(0.5) ? Sgd.withLearningRate(0.1) : adam());
    m.put(Adam.class, this::adam);
    m.put(Sgd.class, () -> Sgd.withLearningRate(pickDouble(0.1, 1e-3, 1e308)));
    m.put(Trainer.class, this::trainer);
    m.put(Trainer.Builder.class, Trainer::builder);
    m.put(LstmWeights.Builder.class, () -> {
      LstmWeights w = lstmWeights();
      LstmWeights.Builder b = LstmWeights.builder();
      for (LstmGate g : LstmGate.values()) if (chance(0.8)) b.gate(g, w.gate(g));
      return b;
    });
    m.put(GruWeights.Builder.class, () -> {
      GruWeights w = gruWeights();
      GruWeights.Builder b = GruWeights.builder();
      if (chance(0.8)) b.reset(w.reset().wx(), w.reset().wh(), w.reset().b());
      if (chance(0.8)) b.update(w.update().wx(), w.update().wh(), w.update().b());
      if (chance(0.8)) b.candidate(w.candidate().wx(), w.candidate().wh(), w.candidate().b());
      return b;
    });
    m.put(Trainer.History.class, () -> trainer().fit(classifier(), examples(), examples()));
    m.put(Vocabulary.class, () -> Vocabulary.of("cat", "mat", "rat"));
    m.put(Embedding.class, () -> new Embedding(Matrix.uniform(3, 1 + r.nextInt(3), 1, r)));
    m.put(Flat.Reader.class, () -> new Flat.Reader(finiteVec(4).toArray(), 4, "fuzz reader"));
    m.put(Loss.Value.class, () -> Loss.softmaxCrossEntropy(finiteVec(classes), r.nextInt(classes)));
    m.put(GradientCheck.Result.class, () -> new GradientCheck.Result(4, 1, 0.5, 2));
    m.put(GradientFlow.Profile.class, () -> GradientFlow.hiddenGradientNorms("fuzz", model(), xs()));
    m.put(ParamCount.Breakdown.class, () -> ParamCount.lstm(x, h, ParamCount.Bias.ONE));
    m.put(ParamCount.Term.class, () -> pick(ParamCount.lstm(x, h, ParamCount.Bias.TWO).terms()));
    m.put(NonFiniteException.class, () -> new NonFiniteException("fuzz: an overflow"));
    m.put(MergeMode.class, () -> pick(MergeMode.values()));
    makers = m;
    return m;
  }

  /** Records and classes without a maker: a public constructor or static factory with generated arguments. */
  private Object byConstructorOrFactory(Class<?> c) {
    List<Executable> ways = new ArrayList<>(List.of(c.getConstructors()));
    for (Method m : c.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c) ways.add(m);
    }
    if (c.isRecord()) {
      Class<?>[] types = java.util.Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
          .toArray(Class<?>[]::new);
      try {
        ways.add(0, c.getDeclaredConstructor(types));
      } catch (NoSuchMethodException e) {
        throw new AssertionError(e);
      }
    }
    for (int attempt = 0; attempt < 4 && !ways.isEmpty(); attempt++) {
      Executable way = ways.get(attempt == 0 ? 0 : r.nextInt(ways.size()));
      Object[] args = new Object[way.getParameterCount()];
      Type[] types = way.getGenericParameterTypes();
      for (int k = 0; k < args.length; k++) args[k] = value(types[k]);
      try {
        return way instanceof Constructor<?> k ? k.newInstance(args) : ((Method) way).invoke(null, args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        // bad arguments for this way: try another
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------- the world

  @SuppressWarnings("unchecked")
  private <T> T cached(Class<?> key, Supplier<T> make) {
    Object o = world.get(key);
    if (o == null) {
      o = make.get();                                   // may itself build other world objects
      world.put(key, o);
    }
    return (T) o;
  }

  private LstmWeights lstmWeights() {
    return cached(LstmWeights.class, () -> LstmWeights.random(h, x, r));
  }

  private LstmWeights lstmWeightsMaybeBad() {
    return maybeBad(chance(0.8) ? lstmWeights() : LstmWeights.random(1 + r.nextInt(3), 1 + r.nextInt(3), r));
  }

  private RnnWeights rnnWeights() {
    return cached(RnnWeights.class, () -> RnnWeights.random(h, x, chance(0.1) ? 1e200 : 1, r));
  }

  private GruWeights gruWeights() {
    return cached(GruWeights.class, () -> GruWeights.random(h, x, r));
  }

  private BiLstmWeights biWeights() {
    return cached(BiLstmWeights.class, () -> BiLstmWeights.random(h, x, r));
  }

  private StackedLstmWeights stackedWeights() {
    return cached(StackedLstmWeights.class, () -> StackedLstmWeights.random(1 + r.nextInt(2), h, x, r));
  }

  private DenseWeights head() {
    return cached(DenseWeights.class, () -> DenseWeights.random(classes, h, r));
  }

  /** Weights, now and then with one entry replaced by NaN, ±Infinity or a huge value. */
  private <P extends Params<P>> P maybeBad(P w) {
    if (!chance(0.06)) return w;
    double[] a = w.toArray();
    a[r.nextInt(a.length)] = SPECIAL[r.nextInt(SPECIAL.length)];
    return w.withArray(a);
  }

  /**
   * Weights of some kind. Parameters come in pairs (weights and gradient, θ and analytic gradient), so
   * the second is usually of the first one's shapes, with new numbers.
   */
  private Params<?> params() {
    if (lastParams != null && chance(0.7)) return withNumbers(lastParams);
    Params<?> p = switch (r.nextInt(7)) {
      case 0 -> lstmWeightsMaybeBad();
      case 1 -> rnnWeights();
      case 2 -> gruWeights();
      case 3 -> head();
      case 4 -> biWeights();
      case 5 -> stackedWeights();
      default -> classifier().weights();
    };
    lastParams = p;
    return p;
  }

  /** Weights of the same kind: of the same shapes with new numbers, or of other sizes. */
  private Params<?> sameKind(Params<?> p) {
    if (chance(0.8)) return withNumbers(p);
    int a = 1 + r.nextInt(3), b = 1 + r.nextInt(3);
    Params<?> other = p;
    if (p instanceof LstmWeights) other = LstmWeights.random(a, b, r);
    if (p instanceof RnnWeights) other = RnnWeights.random(a, b, r);
    if (p instanceof GruWeights) other = GruWeights.random(a, b, r);
    if (p instanceof BiLstmWeights) other = BiLstmWeights.random(a, b, r);
    if (p instanceof StackedLstmWeights) other = StackedLstmWeights.random(1 + r.nextInt(2), a, b, r);
    return other;
  }

  private Params<?> withNumbers(Params<?> p) {
    double[] a = new double[p.count()];
    for (int k = 0; k < a.length; k++) a[k] = chance(0.002) ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian();
    return (Params<?>) p.withArray(a);
  }

  private Lstm lstm() {
    return cached(Lstm.class, () -> Lstm.of(lstmWeights()));
  }

  private Rnn rnn() {
    return cached(Rnn.class, () -> Rnn.of(rnnWeights()));
  }

  private Gru gru() {
    return cached(Gru.class, () -> Gru.of(gruWeights()));
  }

  private BiLstm biLstm() {
    return cached(BiLstm.class, () -> BiLstm.of(biWeights(), pick(MergeMode.values())));
  }

  private StackedLstm stacked() {
    return cached(StackedLstm.class, () -> StackedLstm.of(stackedWeights()));
  }

  private SequenceModel<?> model() {
    return cached(SequenceModel.class, () -> switch (r.nextInt(5)) {
      case 0 -> lstm();
      case 1 -> rnn();
      case 2 -> gru();
      case 3 -> biLstm();
      default -> stacked();
    });
  }

  private Lstm.LstmTrace lstmTrace() {
    return chance(0.85) ? cached(Lstm.LstmTrace.class, () -> lstm().forward(xs()))
        : Lstm.of(LstmWeights.random(h, 1 + x, r)).forward(List.of(finiteVec(1 + x)));
  }

  private Rnn.RnnTrace rnnTrace() {
    return chance(0.85) ? cached(Rnn.RnnTrace.class, () -> rnn().forward(xs()))
        : Rnn.of(RnnWeights.random(h, x, r)).forward(xs());
  }

  private Gru.GruTrace gruTrace() {
    return cached(Gru.GruTrace.class, () -> gru().forward(xs()));
  }

  private StackedLstm.StackedTrace stackedTrace() {
    return cached(StackedLstm.StackedTrace.class, () -> stacked().forward(xs()));
  }

  private BiLstm.BiTrace biTrace() {
    return cached(BiLstm.BiTrace.class, () -> biLstm().forward(xs()));
  }

  private SequenceModel.Trace trace() {
    return chance(0.7) ? model().forward(xs()) : switch (r.nextInt(5)) {
      case 0 -> lstmTrace();
      case 1 -> rnnTrace();
      case 2 -> gruTrace();
      case 3 -> biTrace();
      default -> stackedTrace();
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Classifier<?> classifier() {
    return cached(Classifier.class, () -> Classifier.of((SequenceModel) model(), classes, r));
  }

  private Adam adam() {
    Adam adam = Adam.withLearningRate(pickDouble(0.01, 0.5, 1e308));
    if (chance(0.4)) {                                          // an Adam that already belongs to a model
      LstmWeights w = lstmWeights();
      adam.step(w, (LstmWeights) withNumbers(w));
    }
    return adam;
  }

  private Trainer trainer() {
    Trainer.Builder b = Trainer.builder().epochs(1 + r.nextInt(2)).batchSize(1 + r.nextInt(3)).seed(r.nextLong());
    if (chance(0.5)) b.adam(pickDouble(0.01, 0.1, 1e308));
    else b.sgd(pickDouble(0.01, 0.5, 1e308));
    if (chance(0.3)) b.clipByNorm(1);
    else if (chance(0.2)) b.clipByValue(0.5);
    return b.build();
  }

  private Object anyObject() {
    return switch (r.nextInt(6)) {
      case 0 -> vec(vecSize());
      case 1 -> matrix(vecSize(), vecSize());
      case 2 -> lstmWeights();
      case 3 -> "text";
      case 4 -> 3;
      default -> null;
    };
  }

  // ---------------------------------------------------------------------------------------- dice

  private boolean chance(double p) {
    return r.nextDouble() < p;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[r.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  private int pickInt(int... options) {
    return options[r.nextInt(options.length)];
  }

  private double pickDouble(double... options) {
    return options[r.nextInt(options.length)];
  }
}
