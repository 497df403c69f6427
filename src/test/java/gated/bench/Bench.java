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
 * [X H]·W, backward ∂W and ∂[X H]), the share of ND4J's 1024³ GEMM timed in the same rounds, the
 * heap bytes the calling thread allocates per call (ThreadMXBean; DL4J's and PyTorch's native
 * memory is not seen), and the process CPU time per call (every thread, so a library that uses
 * more threads is charged for them): on a loaded machine CPU time is steadier than wall time.
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
    double[] cpuPerCall;  // CPU seconds of the whole process (every thread), one per round
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

    /** Runs calls for at least {@code seconds} and 3 calls; returns seconds per call. */
    double warm(double seconds) {
      long t0 = System.nanoTime();
      int calls = 0;
      while (calls < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
        sink += call();
        calls++;
      }
      return (System.nanoTime() - t0) / 1e9 / calls;
    }

    /** Seconds per call over {@code k} calls, wall clock and process CPU time. */
    double[] timeCalls(int k) {
      long c0 = cpuNanos(), t0 = System.nanoTime();
      for (int c = 0; c < k; c++) sink += call();
      long t1 = System.nanoTime(), c1 = cpuNanos();
      return new double[] {(t1 - t0) / 1e9 / k, (c1 - c0) / 1e9 / k};
    }

    double cpuMedian() {
      double[] s = cpuPerCall.clone();
      Arrays.sort(s);
      return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

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

  /** PyTorch's nn.LSTM, run and timed by tools/bench_torch.py on our command (so its rounds interleave with ours). */
  static final class Torch extends Impl {
    final TorchServer server;
    final String id;

    Torch(TorchServer server, Size s, String dtype) throws Exception {
      super("PyTorch " + server.version + ", " + dtype, "pytorch", dtype.equals("float32"));
      this.server = server;
      this.id = s.name + "-" + dtype;
      server.ask("setup " + id + " " + s.x + " " + s.h + " " + s.t + " " + s.b + " " + dtype);
    }

    @Override
    double call() {
      throw new UnsupportedOperationException("timed inside Python");
    }

    @Override
    double warm(double seconds) {
      return server.seconds("warm " + id + " " + seconds);
    }

    @Override
    double[] timeCalls(int k) {
      String[] f = server.ask("time " + id + " " + k).split("\\s+");
      return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
    }
  }

  /** One Python process running tools/bench_torch.py, answering one line per command. */
  static final class TorchServer {
    final Process process;
    final java.io.BufferedWriter in;
    final BufferedReader out;
    String version;

    private TorchServer(Process p) {
      this.process = p;
      this.in = new java.io.BufferedWriter(new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
      this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the server, or returns null (saying why) when torch is missing. */
    static TorchServer start(String python, int threads) throws Exception {
      Path script = Path.of("tools", "bench_torch.py");
      if (!Files.exists(script)) {
        System.out.println("PyTorch: " + script + " not found (run from the project folder); skipped");
        return null;
      }
      Process p = new ProcessBuilder(python, script.toString(), "--threads", "" + threads)
          .redirectError(ProcessBuilder.Redirect.INHERIT).directory(new File(".")).start();
      TorchServer t = new TorchServer(p);
      String first = t.out.readLine();
      if (first == null || first.startsWith("notorch")) {
        System.out.println("PyTorch: not available to " + python + (first == null ? "" : " (" + first.substring(7).trim() + ")")
            + "; on Debian: apt-get install python3-torch");
        p.destroy();
        return null;
      }
      String[] f = first.split("\\s+");
      t.version = f[1];
      System.out.println("PyTorch " + f[1] + " (" + python + "), threads " + f[3] + ", its own random weights of the same shapes");
      return t;
    }

    String ask(String command) {
      try {
        in.write(command);
        in.newLine();
        in.flush();
        String line = out.readLine();
        if (line == null) throw new IllegalStateException("bench_torch.py stopped answering");
        if (line.startsWith("error")) throw new IllegalStateException("bench_torch.py: " + line);
        return line;
      } catch (java.io.IOException e) {
        throw new IllegalStateException("bench_torch.py: " + e.getMessage(), e);
      }
    }

    double seconds(String command) {
      String[] f = ask(command).split("\\s+");
      return Double.parseDouble(f[2]);
    }

    void stop() {
      try {
        in.write("quit");
        in.newLine();
        in.flush();
        process.waitFor();
      } catch (Exception e) {
        process.destroy();
      }
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
  static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * CPU time of this process in nanoseconds: the sum over its threads of /proc/self/task/N/schedstat
   * (nanosecond resolution; the JDK's process CPU time advances in 10 ms ticks here), or the JDK's
   * figure where /proc is missing.
   */
  static long cpuNanos() {
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) return CPU.getProcessCpuTime();
    long sum = 0;
    for (File t : tasks) {
      try {
        String stat = Files.readString(t.toPath().resolve("schedstat"));
        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
      } catch (Exception e) {
        // a thread that ended between listing and reading
      }
    }
    return sum;
  }
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
    System.out.printf(Locale.ROOT, "protocol: warm-up ≥ %.1f s and ≥ 3 calls, then %d rounds, implementations (PyTorch and the "
        + "GEMM peak included) interleaved; median [fastest–slowest round] per call%n", warmup, repeats);
    TorchServer server = torch ? TorchServer.start(python, threads) : null;
    System.out.println();
    for (Size s : sizes) measure(s, server);
    if (server != null) server.stop();
    System.out.println("targets (ratios in this run):");
    for (Map.Entry<String, String> e : targets.entrySet()) System.out.println("  " + e.getKey() + ": " + e.getValue());
    System.out.println("load average at end: " + loadAverage());
  }

  /** ND4J's matrix product 1024×1024×1024 into a preallocated result: the peak, timed in the same rounds. */
  static Impl gemm(boolean isFloat) {
    int n = 1024;
    DataType type = isFloat ? DataType.FLOAT : DataType.DOUBLE;
    INDArray a = Nd4j.rand(type, n, n), b = Nd4j.rand(type, n, n), c = Nd4j.zeros(type, n, n);
    return new Impl("ND4J GEMM 1024³, " + (isFloat ? "float" : "double"), "gemm", isFloat) {
      @Override
      double call() {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        return c.getDouble(0, 0);
      }
    };
  }

  void measure(Size s, TorchServer server) throws Exception {
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
    Torch t64 = null, t32 = null;
    if (server != null) {
      impls.add(t64 = new Torch(server, s, "float64"));
      impls.add(t32 = new Torch(server, s, "float32"));
    }
    Impl gd = gemm(false), gfl = gemm(true);
    impls.add(gd);
    impls.add(gfl);
    time(impls, true);
    double[] peak = {2.0 * 1024 * 1024 * 1024 / gd.median() / 1e9, 2.0 * 1024 * 1024 * 1024 / gfl.median() / 1e9};
    Impl dl = impls.stream().filter(i -> i.family.equals("dl4j")).findFirst().orElseThrow();
    System.out.println("  implementation                   median     [fastest – slowest]       GFLOP/s  of peak  heap/call   DL4J time ÷ this   CPU/call  DL4J CPU ÷ this");
    for (Impl i : impls) {
      boolean isGemm = i.family.equals("gemm");
      double gf = (isGemm ? 2.0 * 1024 * 1024 * 1024 : s.flops()) / i.median() / 1e9;
      System.out.printf(Locale.ROOT, "  %-30s %10s  [%9s – %9s]  %8.2f  %6.0f%%  %9s  %15s  %9s  %15s%n", i.name, ms(i.median()), ms(i.min()),
          ms(i.max()), gf, 100 * gf / peak[i.isFloat ? 1 : 0], i.heapPerCall < 0 ? "n/a" : bytes(i.heapPerCall),
          isGemm ? "" : String.format(Locale.ROOT, "%.1f×", dl.median() / i.median()), ms(i.cpuMedian()),
          isGemm ? "" : String.format(Locale.ROOT, "%.1f×", dl.cpuMedian() / i.cpuMedian()));
    }
    Impl bd = impls.get(0), bf = impls.get(1);
    System.out.printf(Locale.ROOT, "  gated.batch holds %s of off-heap buffers per layer; new direct memory per call after warm-up: %s%n%n",
        bytes(dbl.bufferBytes()), bytes(bd.directPerCall));
    double ratio = dl.median() / bd.median(), share = s.flops() / bd.median() / 1e9 / peak[0];
    String cpuRatio = String.format(Locale.ROOT, " (by CPU time: %.1f×)", dl.cpuMedian() / bd.cpuMedian());
    if (s.name.equals("teaching")) {
      targets.put(s.name + " double, DL4J time ÷ gated.batch (target ≥ 100×)", verdict(ratio, 100, "×") + cpuRatio);
      impls.stream().filter(i -> i.family.equals("plain")).findFirst().ifPresent(p ->
          targets.put(s.name + " double, DL4J time ÷ gated.model plain path (for reference)", String.format(Locale.ROOT, "%.0f×", dl.median() / p.median())));
    } else {
      targets.put(s.name + " double, DL4J time ÷ gated.batch (target ≥ 2×)", verdict(ratio, 2, "×") + cpuRatio);
      targets.put(s.name + " double, gated.batch share of ND4J GEMM peak (target ≥ 25%)",
          verdict(100 * share, 25, "%") + String.format(Locale.ROOT, " (GEMM %.1f GFLOP/s in the same rounds)", peak[0]));
      if (t32 != null) {
        double best = Math.min(bd.median(), bf.median());
        targets.put(s.name + ", stretch: best gated.batch time ÷ PyTorch float32 (target ≤ 2)",
            String.format(Locale.ROOT, "%.2f — %s", best / t32.median(), best / t32.median() <= 2 ? "met" : "not met"));
        targets.put(s.name + ", for reference: gated.batch double time ÷ PyTorch float64",
            String.format(Locale.ROOT, "%.2f", bd.median() / t64.median()));
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
      double per = i.warm(warmup);
      i.k = Math.max(1, (int) (0.3 / per));
      i.perCall = new double[repeats];
      i.cpuPerCall = new double[repeats];
    }
    for (int round = 0; round < repeats; round++) {
      for (int j = 0; j < impls.size(); j++) {
        Impl i = impls.get((round + j) % impls.size());
        double[] wc = i.timeCalls(i.k);
        i.perCall[round] = wc[0];
        i.cpuPerCall[round] = wc[1];
      }
    }
    if (allocation) {
      BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
          .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
      for (Impl i : impls) {
        if (!i.family.equals("batch") && !i.family.equals("plain") && !i.family.equals("dl4j")) continue;
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
