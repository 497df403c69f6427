package gated.bench;

import com.sun.management.ThreadMXBean;
import gated.batch.BatchLstm;
import gated.batch.Precision;
import gated.batch.SeqBatch;
import gated.cell.Dl4jLstmWeights;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The benchmark behind {@code ./course bench}: one LSTM forward and backward pass over a minibatch
 * (inputs and ∂L/∂h_t at every step in; ∂L/∂W, ∂L/∂b and ∂L/∂x_t out), by
 *
 * <ul>
 *   <li>{@code gated.batch.BatchLstm} in double and in float,</li>
 *   <li>the teaching path {@code gated.model.Lstm}, one sequence at a time (skipped at the large size
 *       unless {@code --plain-large}: about half a minute per call),</li>
 *   <li>DL4J's LSTM layer (test scope) with the same weights, in double,</li>
 *   <li>PyTorch's {@code nn.LSTM} in float64 and float32 when {@code python3 -c "import torch"} works
 *       ({@code tools/bench_torch.py}, same protocol, its own random weights of the same shapes),</li>
 * </ul>
 * and ND4J's matrix product at 1024×1024×1024 for the peak it is compared with.
 *
 * <p>Protocol: every implementation of a size is warmed up (at least 3 calls and {@code --warmup}
 * seconds), then timed in {@code --repeats} rounds; in each round each implementation runs k calls
 * (k chosen so a round lasts about 0.3 s, at least 1), in an order that rotates from round to round
 * so that a change in the machine's load hits all of them alike. Reported: the median time per call,
 * the fastest and slowest round, GFLOP/s from the nominal count 3 · 2·T·B·(X+H)·4H (forward Z =
 * [X H]·W, backward ∂W and ∂[X H]), the share of the best ND4J GEMM round, and the heap bytes the
 * calling thread allocates per call (ThreadMXBean; DL4J's and PyTorch's native memory is not seen).
 *
 * <p>Options: {@code --sizes teaching,medium,large} {@code --repeats N} {@code --warmup S}
 * {@code --threads N} {@code --no-torch} {@code --plain-large} {@code --python PATH} {@code --quick}.
 */
public final class Bench {
  record Size(String name, int x, int h, int t, int b) {
    double flops() {
      return 3.0 * 2 * t * b * (double) (x + h) * 4 * h;
    }

    String label() {
      return "(X, H, T, B) = (" + x + ", " + h + ", " + t + ", " + b + ")";
    }
  }

  static final Map<String, Size> SIZES = new LinkedHashMap<>();

  static {
    SIZES.put("teaching", new Size("teaching", 4, 3, 20, 1));
    SIZES.put("medium", new Size("medium", 64, 128, 35, 32));
    SIZES.put("large", new Size("large", 256, 512, 35, 64));
  }

  /** One thing to time: {@link #call} does one forward+backward and returns a number so nothing is optimised away. */
  abstract static class Impl {
    final String name;
    final String family;
    final boolean isFloat;
    double[] perCall;     // seconds, one per round
    long heapPerCall = -1;
    long directPerCall;
    int k = 1;
    double sink;

    Impl(String name, String family, boolean isFloat) {
      this.name = name;
      this.family = family;
      this.isFloat = isFloat;
    }

    abstract double call();

    double median() {
      double[] s = perCall.clone();
      Arrays.sort(s);
      return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    double min() {
      return Arrays.stream(perCall).min().orElse(Double.NaN);
    }

    double max() {
      return Arrays.stream(perCall).max().orElse(Double.NaN);
    }
  }

  /** Measurements that arrive as numbers (PyTorch). */
  static final class External extends Impl {
    External(String name, boolean isFloat, double[] perCall) {
      super(name, "pytorch", isFloat);
      this.perCall = perCall;
    }

    @Override
    double call() {
      throw new UnsupportedOperationException();
    }
  }

  int repeats = 7;
  double warmup = 2.0;
  int threads = 1;
  boolean torch = true;
  boolean plainLarge;
  String python = "python3";
  List<Size> sizes = new ArrayList<>(SIZES.values());
  final ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  final Map<String, String> targets = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    Bench b = new Bench();
    b.parse(args);
    b.run();
  }

  void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> {
          sizes = new ArrayList<>();
          for (String s : args[++i].split(",")) {
            Size z = SIZES.get(s.trim());
            if (z == null) throw new IllegalArgumentException("unknown size '" + s + "'; known: " + SIZES.keySet());
            sizes.add(z);
          }
        }
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--no-torch" -> torch = false;
        case "--plain-large" -> plainLarge = true;
        case "--python" -> python = args[++i];
        case "--quick" -> {
          repeats = 3;
          warmup = 0.5;
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; see the class comment of gated.bench.Bench");
      }
    }
  }

  void run() throws Exception {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    gated.batch.Blas.threads(threads);
    System.out.println("LSTM forward+backward over one minibatch: inputs and ∂L/∂h_t at every step in, ∂L/∂W, ∂L/∂b, ∂L/∂x_t out");
    System.out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s; %s; threads for every library: %d%n",
        Runtime.getRuntime().availableProcessors(), cpuName(), System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("java.version"), gated.batch.Blas.description(), threads);
    System.out.println("load average at start: " + loadAverage() + "  (timings on a shared machine are noisy; compare ratios within this run)");
    System.out.printf(Locale.ROOT, "protocol: warm-up ≥ %.1f s and ≥ 3 calls, then %d rounds, implementations interleaved; "
        + "median [fastest–slowest round] per call%n", warmup, repeats);
    double[] peak = gemmPeak();
    System.out.printf(Locale.ROOT, "ND4J GEMM peak (1024×1024×1024, best of %d rounds): double %.1f GFLOP/s, float %.1f GFLOP/s%n%n",
        repeats, peak[0], peak[1]);
    Map<String, double[]> torchResults = torch ? runTorch() : Map.of();
    for (Size s : sizes) measure(s, peak, torchResults);
    System.out.println("targets (ratios in this run):");
    for (Map.Entry<String, String> e : targets.entrySet()) System.out.println("  " + e.getKey() + ": " + e.getValue());
    System.out.println("load average at end: " + loadAverage());
  }

  /** ND4J's mmul into a preallocated result, best round, for double and float. */
  double[] gemmPeak() {
    double[] out = new double[2];
    int n = 1024;
    DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
    for (int k = 0; k < 2; k++) {
      INDArray a = Nd4j.rand(types[k], n, n), b = Nd4j.rand(types[k], n, n), c = Nd4j.zeros(types[k], n, n);
      Impl g = new Impl("gemm", "nd4j", k == 1) {
        @Override
        double call() {
          Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
          return c.getDouble(0, 0);
        }
      };
      time(List.of(g), false);
      out[k] = 2.0 * n * n * n / g.min() / 1e9;
    }
    return out;
  }

  void measure(Size s, double[] peak, Map<String, double[]> torchResults) throws Exception {
    Random r = new Random(42);
    LstmWeights w = LstmWeights.random(s.h, s.x, r);
    double[][][] x = new double[s.b][s.t][s.x], d = new double[s.b][s.t][s.h];
    for (double[][] q : x) for (double[] v : q) for (int k = 0; k < s.x; k++) v[k] = r.nextGaussian();
    for (double[][] q : d) for (double[] v : q) for (int k = 0; k < s.h; k++) v[k] = r.nextGaussian();

    List<Impl> impls = new ArrayList<>();
    BatchLstm dbl = BatchLstm.of(w, Precision.DOUBLE), flt = BatchLstm.of(w, Precision.FLOAT);
    SeqBatch xd = SeqBatch.of(x, Precision.DOUBLE), dd = SeqBatch.of(d, Precision.DOUBLE);
    SeqBatch xf = SeqBatch.of(x, Precision.FLOAT), df = SeqBatch.of(d, Precision.FLOAT);
    impls.add(new Impl("gated.batch, double", "batch", false) {
      @Override
      double call() {
        return dbl.backward(dbl.forward(xd), dd).dWeights().forget().b().get(0);
      }
    });
    impls.add(new Impl("gated.batch, float", "batch", true) {
      @Override
      double call() {
        return flt.backward(flt.forward(xf), df).dWeights().forget().b().get(0);
      }
    });
    if (!s.name.equals("large") || plainLarge) {
      Lstm plain = new Lstm(w);
      List<List<Vec>> xs = toLists(x), ds = toLists(d);
      impls.add(new Impl("gated.model (plain), double", "plain", false) {
        @Override
        double call() {
          return plain.backwardBatch(plain.forwardBatch(xs), ds).forget().b().get(0);
        }
      });
    }
    Layer layer = dl4j(w, s.x, s.h);
    INDArray in = ncw(x), eps = ncw(d);
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    impls.add(new Impl("DL4J LSTM layer, double", "dl4j", false) {
      @Override
      double call() {
        layer.setInput(in, mgr);
        layer.activate(true, mgr);
        return layer.backpropGradient(eps, mgr).getSecond().getDouble(0, 0, 0);
      }
    });
    // the same computation: outputs agree
    layer.setInput(in, mgr);
    INDArray h = layer.activate(true, mgr);
    double agree = 0;
    SeqBatch ours = dbl.forward(xd).outputs();
    for (int b = 0; b < s.b; b++) for (int t = 0; t < s.t; t += Math.max(1, s.t / 5)) for (int k = 0; k < s.h; k++) {
      agree = Math.max(agree, Math.abs(ours.get(b, t, k) - h.getDouble(b, k, t)));
    }

    System.out.printf(Locale.ROOT, "%s %s: %.3f GFLOP per call (nominal); gated.batch and DL4J outputs agree within %.1e%n",
        s.name, s.label(), s.flops() / 1e9, agree);
    time(impls, true);
    double[] t64 = torchResults.get(key(s, "float64")), t32 = torchResults.get(key(s, "float32"));
    if (t64 != null) impls.add(new External("PyTorch " + torchVersion + ", float64", false, t64));
    if (t32 != null) impls.add(new External("PyTorch " + torchVersion + ", float32", true, t32));
    Impl dl = impls.stream().filter(i -> i.family.equals("dl4j")).findFirst().orElseThrow();
    System.out.println("  implementation                   median     [fastest – slowest]       GFLOP/s  of peak  heap/call   DL4J time ÷ this");
    for (Impl i : impls) {
      double gf = s.flops() / i.median() / 1e9;
      System.out.printf(Locale.ROOT, "  %-30s %10s  [%9s – %9s]  %8.2f  %6.0f%%  %9s  %8.1f×%n", i.name, ms(i.median()), ms(i.min()),
          ms(i.max()), gf, 100 * gf / peak[i.isFloat ? 1 : 0], i.heapPerCall < 0 ? "n/a" : bytes(i.heapPerCall),
          dl.median() / i.median());
    }
    Impl bd = impls.get(0), bf = impls.get(1);
    System.out.printf(Locale.ROOT, "  gated.batch holds %s of off-heap buffers per layer; new direct memory per call after warm-up: %s%n%n",
        bytes(dbl.bufferBytes()), bytes(bd.directPerCall));
    double ratio = dl.median() / bd.median(), share = s.flops() / bd.median() / 1e9 / peak[0];
    if (s.name.equals("teaching")) {
      targets.put(s.name + " double, DL4J time ÷ gated.batch (target ≥ 100×)", verdict(ratio, 100, "×"));
      impls.stream().filter(i -> i.family.equals("plain")).findFirst().ifPresent(p ->
          targets.put(s.name + " double, DL4J time ÷ gated.model plain path (for reference)", String.format(Locale.ROOT, "%.0f×", dl.median() / p.median())));
    } else {
      targets.put(s.name + " double, DL4J time ÷ gated.batch (target ≥ 2×)", verdict(ratio, 2, "×"));
      targets.put(s.name + " double, gated.batch share of ND4J GEMM peak (target ≥ 25%)", verdict(100 * share, 25, "%"));
      if (t32 != null) {
        Impl tf = impls.stream().filter(i -> i.name.endsWith("float32")).findFirst().orElseThrow();
        double best = Math.min(bd.median(), bf.median());
        targets.put(s.name + ", stretch: best gated.batch time ÷ PyTorch float32 (target ≤ 2)",
            String.format(Locale.ROOT, "%.2f — %s", best / tf.median(), best / tf.median() <= 2 ? "met" : "not met"));
      } else {
        targets.put(s.name + ", stretch: vs PyTorch float32", "PyTorch not measured (not installed, or --no-torch)");
      }
    }
  }

  static String verdict(double value, double target, String unit) {
    return String.format(Locale.ROOT, "%.1f%s — %s", value, unit, value >= target ? "met" : "NOT met");
  }

  /** Warm-up, then interleaved rounds; optionally the heap and direct bytes per call. */
  void time(List<Impl> impls, boolean allocation) {
    for (Impl i : impls) {
      long t0 = System.nanoTime();
      int calls = 0;
      while (calls < 3 || (System.nanoTime() - t0) / 1e9 < warmup) {
        i.sink += i.call();
        calls++;
      }
      double per = (System.nanoTime() - t0) / 1e9 / calls;
      i.k = Math.max(1, (int) (0.3 / per));
      i.perCall = new double[repeats];
    }
    for (int round = 0; round < repeats; round++) {
      for (int j = 0; j < impls.size(); j++) {
        Impl i = impls.get((round + j) % impls.size());
        long t0 = System.nanoTime();
        for (int c = 0; c < i.k; c++) i.sink += i.call();
        i.perCall[round] = (System.nanoTime() - t0) / 1e9 / i.k;
      }
    }
    if (allocation) {
      BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
          .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
      for (Impl i : impls) {
        long d0 = direct.getTotalCapacity(), h0 = mx.getCurrentThreadAllocatedBytes();
        for (int c = 0; c < i.k; c++) i.sink += i.call();
        i.heapPerCall = (mx.getCurrentThreadAllocatedBytes() - h0) / i.k;
        i.directPerCall = (direct.getTotalCapacity() - d0) / i.k;
      }
    }
    for (Impl i : impls) if (Double.isNaN(i.sink)) System.out.println("  (" + i.name + " produced NaN)");
  }

  static Layer dl4j(LstmWeights w, int x, int h) {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
        .updater(new NoOp()).list()
        .layer(new LSTM.Builder().nIn(x).nOut(h).activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).build())
        .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(h).nOut(1).build())
        .build());
    net.init();
    net.initGradientsView();
    Layer layer = net.getLayer(0);
    Dl4jLstmWeights m = w.toDl4j();
    layer.setParam("W", Nd4j.create(m.w().toArray2d()));
    layer.setParam("RW", Nd4j.create(m.rw().toArray2d()));
    layer.setParam("b", Nd4j.create(m.b().toArray()).reshape(1, 4 * h));
    return layer;
  }

  /** [B][T][F] → DL4J's [B, F, T]. */
  static INDArray ncw(double[][][] v) {
    int b = v.length, t = v[0].length, f = v[0][0].length;
    double[] flat = new double[b * f * t];
    for (int i = 0; i < b; i++) for (int k = 0; k < f; k++) for (int j = 0; j < t; j++) flat[(i * f + k) * t + j] = v[i][j][k];
    return Nd4j.create(flat, new long[] {b, f, t}, DataType.DOUBLE);
  }

  static List<List<Vec>> toLists(double[][][] v) {
    List<List<Vec>> out = new ArrayList<>();
    for (double[][] seq : v) {
      List<Vec> s = new ArrayList<>();
      for (double[] x : seq) s.add(Vec.of(x));
      out.add(s);
    }
    return out;
  }

  String torchVersion = "";

  static String key(Size s, String dtype) {
    return s.x + "," + s.h + "," + s.t + "," + s.b + "," + dtype;
  }

  /** Runs tools/bench_torch.py once for every size; an empty map if torch is missing. */
  Map<String, double[]> runTorch() throws Exception {
    Map<String, double[]> out = new LinkedHashMap<>();
    Path script = Path.of("tools", "bench_torch.py");
    if (!Files.exists(script)) {
      System.out.println("PyTorch: " + script + " not found (run from the project folder); skipped");
      return out;
    }
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--threads", "" + threads, "--repeats", "" + repeats,
        "--warmup", "" + warmup));
    for (Size s : sizes) cmd.addAll(List.of("--size", s.x + "," + s.h + "," + s.t + "," + s.b));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).directory(new File(".")).start();
    try (BufferedReader rd = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = rd.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f[0].equals("NOTORCH")) {
          System.out.println("PyTorch: not installed (" + line.substring(8) + "); Debian: apt-get install python3-torch");
        } else if (f[0].equals("TORCH")) {
          torchVersion = f[1];
          System.out.println("PyTorch " + f[1] + " (" + python + "), measured first, threads " + f[3]);
        } else if (f[0].equals("RESULT")) {
          double[] v = new double[f.length - 6];
          for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(f[6 + i]) / 1000;
          out.put(f[1] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5], v);
        }
      }
    }
    int rc = p.waitFor();
    if (rc != 0) System.out.println("PyTorch: bench_torch.py exited with " + rc);
    return out;
  }

  static String ms(double seconds) {
    return seconds >= 1 ? String.format(Locale.ROOT, "%.2f s", seconds)
        : seconds >= 1e-3 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3) : String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
  }

  static String bytes(long b) {
    return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1048576.0)
        : b >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KB", b / 1024.0) : b + " B";
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static String cpuName() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
    } catch (Exception e) {
      return System.getProperty("os.arch");
    }
  }
}
