package gated.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.HtmlDisplay;
import gated.cell.GateWeights;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.tensor.Vec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer page: its JavaScript computes the same steps as the library (to 1e-9, run under Node on the
 * data the page embeds), with and without a what-if change; its ids are unique; it stays small.
 */
class GateExplorerTest {
  static final double TOLERANCE = 1e-9;
  static String node;

  @BeforeAll
  static void findNode() {
    node = nodeCommand();
  }

  /** A seeded LSTM with real-valued inputs and a non-zero start state: every number of the step matters. */
  static GateExplorer explorer(long seed, int hidden, int input, int steps) {
    Random r = new Random(seed);
    LstmWeights w = LstmWeights.random(hidden, input, r);
    // biases away from zero, so that a bias what-if changes something visible
    for (LstmGate g : LstmGate.values()) {
      w = w.withGate(g, new GateWeights(w.gate(g).w(), Vec.of(r.doubles(hidden, -1, 1).toArray())));
    }
    List<Vec> xs = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      xs.add(Vec.of(r.doubles(input, -2, 2).toArray()));
      words.add("w" + t);
    }
    return GateExplorer.builder(Lstm.of(w), xs).words(words).title("test <explorer> & \"quotes\"")
        .initialState(Vec.of(r.doubles(hidden, -0.5, 0.5).toArray()), Vec.of(r.doubles(hidden, -2, 2).toArray()))
        .start(2).build();
  }

  @Test
  void pageScriptAgreesWithTheLibrary(@TempDir Path dir) throws Exception {
    GateExplorer ex = explorer(11, 3, 4, 7);
    Map<String, List<double[]>> js = runPage(dir, ex.html(), "null");
    compare(ex.trace(), js, "base run");
  }

  @Test
  void whatIfBiasAgreesWithTheLibrary(@TempDir Path dir) throws Exception {
    GateExplorer ex = explorer(12, 3, 4, 6);
    LstmWeights w = modelOf(ex).weights();
    double v = 2.75;
    GateWeights f = w.forget();
    double[] b = f.b().toArray();
    b[1] = v;
    Lstm changed = Lstm.of(w.withGate(LstmGate.FORGET, new GateWeights(f.w(), Vec.of(b))));
    Lstm.LstmTrace lib = changed.forward(inputsOf(ex), ex.trace().step(0).hPrev(), ex.trace().step(0).cPrev());
    Map<String, List<double[]>> js = runPage(dir, ex.html(), "{gate: 'f', unit: 1, value: 2.75}");
    compare(lib, js, "b_f[1] = 2.75");
  }

  @Test
  void whatIfInputAgreesWithTheLibrary(@TempDir Path dir) throws Exception {
    GateExplorer ex = explorer(13, 4, 3, 5);
    List<Vec> xs = new ArrayList<>(inputsOf(ex));
    double[] x3 = xs.get(2).toArray();
    x3[0] = -1.3;
    xs.set(2, Vec.of(x3));
    Lstm.LstmTrace lib = modelOf(ex).forward(xs, ex.trace().step(0).hPrev(), ex.trace().step(0).cPrev());
    Map<String, List<double[]>> js = runPage(dir, ex.html(), "{step: 3, entry: 0, value: -1.3}");
    compare(lib, js, "x_3[0] = -1.3");
  }

  @Test
  void saturatedGatesAgreeToo(@TempDir Path dir) throws Exception {
    // Weights of ±16 and biases of ±8, as in the course's hand-set Bob and Dan example: σ and tanh saturate.
    int hidden = 2, vocab = 4;
    double[][] wf = new double[hidden][hidden + vocab], wi = new double[hidden][hidden + vocab],
        wg = new double[hidden][hidden + vocab], wo = new double[hidden][hidden + vocab];
    wf[0][hidden] = -16;
    wi[0][hidden] = 16;
    wg[0][hidden] = 3;
    wg[1][hidden + 2] = -3;
    wi[1][hidden + 2] = 16;
    LstmWeights w = LstmWeights.builder()
        .forget(gated.tensor.Matrix.of(wf), Vec.of(8, 8)).input(gated.tensor.Matrix.of(wi), Vec.of(-8, -8))
        .candidate(gated.tensor.Matrix.of(wg), Vec.of(0, 0)).output(gated.tensor.Matrix.of(wo), Vec.of(8, 8)).build();
    List<Vec> xs = List.of(Vec.of(1, 0, 0, 0), Vec.of(0, 1, 0, 0), Vec.of(0, 0, 1, 0), Vec.of(0, 0, 0, 1), Vec.of(1, 0, 0, 0));
    GateExplorer ex = GateExplorer.of(Lstm.of(w), xs, List.of("Bob", "is", "evil", ".", "Bob"));
    compare(ex.trace(), runPage(dir, ex.html(), "null"), "saturated");
  }

  @Test
  void theDataCarriesTheLibrarysValuesRounded() {
    GateExplorer ex = explorer(14, 2, 3, 3);
    String data = dataOf(ex.html(), ex.id());
    Lstm.LstmTrace tr = ex.trace();
    StringBuilder f = new StringBuilder("\"f\":[");
    for (int t = 0; t < 3; t++) {
      f.append(t > 0 ? ",[" : "[");
      for (int k = 0; k < 2; k++) {
        f.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4f", tr.step(t).f().get(k)));
      }
      f.append(']');
    }
    assertTrue(data.contains(f.append(']').toString()), "expected f values " + f + " in " + data);
    assertTrue(data.contains("\"words\":[\"w0\",\"w1\",\"w2\"]"), data);
    // The title is escaped in the JSON (no "<" that could close the script) and in the HTML.
    assertTrue(data.contains("test \\u003cexplorer\\u003e \\u0026 \\\"quotes\\\""), data);
    assertTrue(ex.html().contains("alt=\"test &lt;explorer&gt; &amp; &quot;quotes&quot;"), "alt text escaped");
  }

  @Test
  void idsAreUniqueAndEverythingIsScopedToThem() {
    GateExplorer a = explorer(15, 2, 2, 2);
    GateExplorer b = explorer(15, 2, 2, 2);   // the same data twice on one page
    assertNotEquals(a.id(), b.id());
    for (GateExplorer ex : List.of(a, b)) {
      String html = ex.html().replaceAll("(?s)<script>.*?</script>", "");   // the markup, without the script
      List<String> ids = new ArrayList<>();
      Matcher m = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
      while (m.find()) ids.add(m.group(1));
      assertEquals(List.of(ex.id(), ex.id() + "-data"), ids, "ids in the fragment");
      assertTrue(ex.html().contains("mount('" + ex.id() + "')"), "mounts its own element");
    }
    // Every CSS rule is scoped to .gx-root (or is an @media wrapper / comment).
    String css = GateExplorerTest.resource("explorer.css");
    for (String line : css.split("\n")) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("/*") || l.startsWith("@media") || l.equals("}")) continue;
      assertTrue(l.startsWith(".gx-root"), "unscoped CSS rule: " + l);
    }
    // Element ids the script makes are derived from the root's id.
    String js = resource("explorer.js");
    Matcher made = Pattern.compile("id=\"' \\+ ([a-zA-Z]+) \\+ '([^\"]*)\"").matcher(js);
    int n = 0;
    while (made.find()) {
      assertEquals("id", made.group(1), "ids made by the script start with the root's id");
      n++;
    }
    assertTrue(n >= 1, "the script makes the slider's id from the root's id");
  }

  @Test
  void staysSmallAtTheSizeOfTheLongRangeLesson() {
    // Notebook 11's LSTM: 8 units, 6 inputs, 41 steps (gap 40), one-hot inputs.
    Random r = new Random(3);
    LstmWeights w = LstmWeights.random(8, 6, r);
    List<Vec> xs = new ArrayList<>();
    for (int t = 0; t < 41; t++) {
      double[] x = new double[6];
      x[r.nextInt(6)] = 1;
      xs.add(Vec.of(x));
    }
    GateExplorer ex = GateExplorer.of(Lstm.of(w), xs, java.util.Collections.nCopies(41, "word"));
    String html = ex.html();
    int png = html.length() - html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "").length();
    int withoutPicture = html.getBytes(StandardCharsets.UTF_8).length - png;
    System.out.printf(Locale.ROOT, "explorer, H = 8, X = 6, T = 41: %d bytes without the static picture, %d with it%n",
        withoutPicture, html.getBytes(StandardCharsets.UTF_8).length);
    assertTrue(withoutPicture < 50_000, "explorer without its picture: " + withoutPicture + " bytes");
    assertTrue(png < 60_000, "static picture as base64: " + png + " bytes");
  }

  @Test
  void withoutAKernelShowPrintsTheText() {
    assertEquals("none", HtmlDisplay.kernel());
    GateExplorer ex = explorer(16, 2, 2, 3);
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ex.show();
    } finally {
      System.setOut(old);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("test <explorer>"), printed);
    assertTrue(printed.contains("t =  3 w2"), printed);
  }

  @Test
  void clearErrorsForBadInput() {
    Lstm m = Lstm.of(LstmWeights.random(2, 3, new Random(1)));
    String e = assertThrows(IllegalArgumentException.class,
        () -> GateExplorer.of(m, List.of(Vec.of(1, 0, 0), Vec.of(1, 0)), List.of("a", "b"))).getMessage();
    assertTrue(e.contains("x_2 has 2 entries") && e.contains("input size is 3"), e);
    e = assertThrows(IllegalArgumentException.class,
        () -> GateExplorer.of(m, List.of(Vec.of(1, 0, 0)), List.of("a", "b"))).getMessage();
    assertTrue(e.contains("one word per input (1)"), e);
    e = assertThrows(IllegalArgumentException.class,
        () -> GateExplorer.builder(m, List.of(Vec.of(1, 0, 0))).start(2).build()).getMessage();
    assertTrue(e.contains("start step 2 is after the last step, 1"), e);
    e = assertThrows(IllegalArgumentException.class,
        () -> GateExplorer.builder(m, List.of(Vec.of(Double.NaN, 0, 0)))).getMessage();
    assertTrue(e.contains("x_1") && e.contains("NaN"), e);
  }

  // ------------------------------------------------------------------ Node --

  /**
   * Runs the explorer's own script (cut out of the HTML, as the browser gets it) under Node on the page's
   * own JSON, with an optional what-if change, and reads back every step's f, i, g, o, c, h at full precision.
   */
  static Map<String, List<double[]>> runPage(Path dir, String html, String change) throws Exception {
    Assumptions.assumeTrue(node != null, "node (Node.js 20+) is not on PATH: the page's JavaScript was not run");
    Path page = dir.resolve("explorer.html");
    Files.writeString(page, html);
    String harness = """
        const fs = require('fs');
        const html = fs.readFileSync(process.argv[2], 'utf8');
        const data = JSON.parse(/<script type="application\\/json" id="[^"]+">([\\s\\S]*?)<\\/script>/.exec(html)[1]);
        const code = /<script>\\n([\\s\\S]*?)<\\/script>/.exec(html)[1];
        const box = { exports: {} };
        new Function('module', code)(box);
        const steps = box.exports.run(data, CHANGE);
        for (const key of ['f', 'i', 'g', 'o', 'c', 'h']) {
          steps.forEach((s, t) => console.log(key + ' ' + t + ' ' + s[key].map(String).join(' ')));
        }
        """.replace("CHANGE", change);
    Path js = dir.resolve("harness.cjs");   // CommonJS, whatever package.json lies above the folder
    Files.writeString(js, harness);
    Process p = new ProcessBuilder(node, js.toString(), page.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), "node failed:\n" + out);
    Map<String, List<double[]>> result = new HashMap<>();
    for (String line : out.strip().split("\n")) {
      String[] parts = line.trim().split(" ");
      double[] v = new double[parts.length - 2];
      for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(parts[k + 2]);
      result.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(v);
    }
    return result;
  }

  static void compare(Lstm.LstmTrace lib, Map<String, List<double[]>> js, String what) {
    int steps = lib.steps().size();
    double worst = 0;
    for (String key : List.of("f", "i", "g", "o", "c", "h")) {
      assertEquals(steps, js.get(key).size(), what + ": steps of " + key);
      for (int t = 0; t < steps; t++) {
        LstmStep s = lib.step(t);
        Vec v = switch (key) {
          case "f" -> s.f();
          case "i" -> s.i();
          case "g" -> s.g();
          case "o" -> s.o();
          case "c" -> s.c();
          default -> s.h();
        };
        double[] got = js.get(key).get(t);
        assertEquals(v.size(), got.length, what + ": units of " + key);
        for (int k = 0; k < got.length; k++) {
          double d = Math.abs(got[k] - v.get(k));
          worst = Math.max(worst, d);
          assertTrue(d <= TOLERANCE, what + ": " + key + " at step " + (t + 1) + ", unit " + k + ": page " + got[k]
              + ", library " + v.get(k));
        }
      }
    }
    System.out.printf(Locale.ROOT, "explorer JS vs library (%s): largest difference %.3g over %d steps%n", what, worst, steps);
  }

  static String nodeCommand() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "node");
      if (f.canExecute()) return f.getPath();
    }
    return null;
  }

  static String dataOf(String html, String id) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + Pattern.quote(id) + "-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "no data script for " + id);
    return m.group(1);
  }

  static String resource(String name) {
    try (var in = GateExplorer.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Lstm modelOf(GateExplorer ex) {
    return ex.model();
  }

  private static List<Vec> inputsOf(GateExplorer ex) {
    return ex.inputs();
  }
}
