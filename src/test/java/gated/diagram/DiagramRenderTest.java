package gated.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.MergeMode;
import gated.model.Rnn;
import gated.tensor.Vec;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagram draws a real picture headless (its declared size, mostly white but with plenty of ink and
 * several colours), the numbers it writes on its wires are the step's own, and a highlight really fades
 * the other paths.
 */
class DiagramRenderTest {

  static LstmStep lstmStep(int hidden, int input, long seed) {
    Random r = new Random(seed);
    LstmWeights w = LstmWeights.random(hidden, input, r);
    Vec x = Vec.zeros(input).plus(Vec.of(onehot(input, 1)));
    Vec h = Vec.of(r.doubles(hidden, -0.9, 0.9).toArray());
    Vec c = Vec.of(r.doubles(hidden, -3, 3).toArray());
    return LstmCell.of(w).step(x, h, c);
  }

  static GruStep gruStep(int hidden, int input, long seed) {
    Random r = new Random(seed);
    GruWeights w = GruWeights.random(hidden, input, r);
    return GruCell.of(w).step(Vec.of(onehot(input, 0)), Vec.of(r.doubles(hidden, -0.9, 0.9).toArray()));
  }

  private static double[] onehot(int n, int k) {
    double[] v = new double[n];
    v[k % n] = 1;
    return v;
  }

  static Stream<Arguments> diagrams() {
    Rnn rnn = Rnn.of(RnnWeights.random(3, 4, new Random(1)));
    List<Vec> xs = List.of(Vec.of(1, 0, 0, 0), Vec.of(0, 1, 0, 0), Vec.of(0, 0, 1, 0));
    return Stream.of(
        d("LSTM bare", () -> LstmDiagram.builder().build()),
        d("LSTM step H=3", () -> LstmDiagram.builder().step(lstmStep(3, 4, 1)).title("step $t = 2$").build()),
        d("LSTM step H=6", () -> LstmDiagram.builder().step(lstmStep(6, 2, 2)).build()),
        d("LSTM step H=16 (strips)", () -> LstmDiagram.builder().step(lstmStep(16, 10, 3)).build()),
        d("LSTM highlight forget", () -> LstmDiagram.builder().step(lstmStep(3, 4, 1)).highlight(CellPath.FORGET).build()),
        d("LSTM highlight input", () -> LstmDiagram.builder().highlight(CellPath.INPUT).build()),
        d("LSTM highlight output", () -> LstmDiagram.builder().step(lstmStep(2, 5, 4)).highlight(CellPath.OUTPUT).build()),
        d("LSTM highlight belt", () -> LstmDiagram.builder().highlight(CellPath.CELL_STATE).legend(false).build()),
        d("RNN chain", () -> RnnChainDiagram.builder().words(List.of("the", "cat", "sat")).build()),
        d("RNN chain with trace", () -> RnnChainDiagram.builder().trace(rnn.forward(xs)).title("three steps").build()),
        d("RNN chain 6 steps", () -> RnnChainDiagram.builder().steps(6).build()),
        d("GRU bare", () -> GruDiagram.builder().build()),
        d("GRU step", () -> GruDiagram.builder().step(gruStep(3, 4, 5)).build()),
        d("GRU step H=12", () -> GruDiagram.builder().step(gruStep(12, 7, 6)).title("GRU").build()),
        d("BiLSTM concat", () -> BiLstmDiagram.builder().build()),
        d("BiLSTM 4 words, sum", () -> BiLstmDiagram.builder().words(List.of("I", "like", "Apple", "pie"))
            .merge(MergeMode.SUM).build()),
        d("BiLSTM average", () -> BiLstmDiagram.builder().merge(MergeMode.AVERAGE).title("avg").build()),
        d("BiLSTM multiply", () -> BiLstmDiagram.builder().words(List.of("one")).merge(MergeMode.MULTIPLY).build()),
        d("stacked 2×3", () -> StackedLstmDiagram.builder().build()),
        d("stacked 3×5 with words", () -> StackedLstmDiagram.builder().layers(3)
            .words(List.of("a", "b", "c", "d", "e")).title("deep").build()),
        d("stacked 1×1", () -> StackedLstmDiagram.builder().layers(1).steps(1).build()));
  }

  private static Arguments d(String name, Supplier<Diagram> diagram) {
    return Arguments.of(name, diagram);
  }

  @Test
  void runsHeadlessWithFontsForTheSymbols() {
    assertTrue(GraphicsEnvironment.isHeadless(), "surefire should set -Djava.awt.headless=true");
    String symbols = "σ⊙−→←₀";
    for (String family : List.of(Palette.SANS, Palette.SERIF)) {
      Font f = new Font(family, Font.PLAIN, 14);
      assertEquals(-1, f.canDisplayUpTo(symbols), family + " cannot draw \"" + symbols + "\" here");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void drawsARealPicture(String name, Supplier<Diagram> make) {
    Diagram d = make.get();
    BufferedImage img = d.image();
    assertEquals(d.width(), img.getWidth(), name + ": width");
    assertEquals(d.height(), img.getHeight(), name + ": height");
    int w = img.getWidth(), h = img.getHeight();
    long ink = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb != 0xffffff) ink++;
        colours.add(rgb);
      }
    }
    double share = ink / (double) (w * h);
    assertTrue(share > 0.04, name + ": only " + share + " of the picture is drawn on");
    assertTrue(share < 0.6, name + ": " + share + " of the picture is not white background");
    assertTrue(colours.size() > 40, name + ": only " + colours.size() + " colours");
    // Drawn twice, the same picture.
    BufferedImage again = make.get().image();
    assertTrue(samePixels(img, again), name + ": two drawings differ");
  }

  @Test
  void scaledImageHasScaledSize() {
    BufferedImage big = LstmDiagram.builder().build().image(2);
    assertEquals(2 * LstmDiagram.WIDTH, big.getWidth());
    assertEquals(2 * LstmDiagram.HEIGHT, big.getHeight());
    assertThrows(IllegalArgumentException.class, () -> LstmDiagram.builder().build().image(0));
  }

  @Test
  void pngBytesArePng() {
    byte[] png = StackedLstmDiagram.builder().build().png();
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    assertEquals('N', png[2]);
    assertEquals('G', png[3]);
  }

  @Test
  void lstmAnnotationsAreTheStepsOwnNumbers() {
    LstmStep s = lstmStep(3, 4, 7);
    LstmDiagram d = LstmDiagram.builder().step(s).build();
    assertEquals(List.of("x", "hPrev", "cPrev", "f", "i", "g", "o", "c", "h"),
        d.annotations().stream().map(Annotation::key).toList());
    assertEquals(s.x(), d.annotation("x").values());
    assertEquals(s.hPrev(), d.annotation("hPrev").values());
    assertEquals(s.cPrev(), d.annotation("cPrev").values());
    assertEquals(s.f(), d.annotation("f").values());
    assertEquals(s.i(), d.annotation("i").values());
    assertEquals(s.g(), d.annotation("g").values());
    assertEquals(s.o(), d.annotation("o").values());
    assertEquals(s.c(), d.annotation("c").values());
    assertEquals(s.h(), d.annotation("h").values());
    // Colour scales: gates on [0, 1], tanh outputs on [−1, 1], c on ±max(1, |c|) shared by c_{t-1} and c_t.
    assertEquals(0, d.annotation("f").lo());
    assertEquals(1, d.annotation("o").hi());
    assertEquals(-1, d.annotation("g").lo());
    double m = Math.max(1, Math.max(maxAbs(s.c()), maxAbs(s.cPrev())));
    assertEquals(m, d.annotation("c").hi());
    assertEquals(m, d.annotation("cPrev").hi());
    assertTrue(LstmDiagram.builder().build().annotations().isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LstmDiagram.builder().build().annotation("f"));
    assertTrue(e.getMessage().contains("no step"), e.getMessage());
  }

  @Test
  void theNumbersOnTheWiresChangeThePicture() {
    BufferedImage a = Diagrams.lstm(lstmStep(3, 4, 1));
    BufferedImage b = Diagrams.lstm(lstmStep(3, 4, 2));
    assertFalse(samePixels(a, b), "two steps with different numbers drew the same picture");
  }

  @Test
  void gruAnnotationsAreTheStepsOwnNumbers() {
    GruStep s = gruStep(3, 4, 8);
    GruDiagram d = GruDiagram.builder().step(s).build();
    assertEquals(List.of("x", "hPrev", "r", "z", "hTilde", "h"), d.annotations().stream().map(Annotation::key).toList());
    assertEquals(s.x(), d.annotation("x").values());
    assertEquals(s.hPrev(), d.annotation("hPrev").values());
    assertEquals(s.r(), d.annotation("r").values());
    assertEquals(s.z(), d.annotation("z").values());
    assertEquals(s.hTilde(), d.annotation("hTilde").values());
    assertEquals(s.h(), d.annotation("h").values());
    // The course's convention, H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃_t, holds for the numbers drawn.
    Vec one = Vec.fill(3, 1);
    Vec h = d.annotation("z").values().hadamard(d.annotation("hPrev").values())
        .plus(one.minus(d.annotation("z").values()).hadamard(d.annotation("hTilde").values()));
    assertTrue(h.closeTo(d.annotation("h").values(), 1e-15));
  }

  @Test
  void rnnChainWritesEachHiddenState() {
    Rnn rnn = Rnn.of(RnnWeights.random(2, 3, new Random(4)));
    Rnn.RnnTrace trace = rnn.forward(List.of(Vec.of(1, 0, 0), Vec.of(0, 1, 0), Vec.of(0, 0, 1), Vec.of(1, 1, 0)));
    RnnChainDiagram d = RnnChainDiagram.builder().trace(trace).build();
    assertEquals(4, d.steps());
    for (int t = 1; t <= 4; t++) {
      assertEquals("h" + t, d.annotations().get(t - 1).key());
      assertEquals(trace.step(t - 1).h(), d.annotations().get(t - 1).values());
    }
  }

  @Test
  void backwardBeltWritesTheTwoGradientsAndKeepsTheForgetWireInColour() {
    LstmStep s = lstmStep(3, 4, 7);
    Vec dc = Vec.of(0.3, -2.5, 0.1), dcPrev = dc.hadamard(s.f());
    LstmDiagram d = LstmDiagram.builder().step(s).gradients(dc, dcPrev).highlight(CellPath.BACKWARD_BELT).build();
    assertEquals(List.of("x", "hPrev", "cPrev", "f", "i", "g", "o", "c", "h", "dc", "dcPrev"),
        d.annotations().stream().map(Annotation::key).toList());
    assertEquals(dc, d.annotation("dc").values());
    assertEquals(dcPrev, d.annotation("dcPrev").values());
    assertEquals(2.5, d.annotation("dc").hi());          // one scale for both gradients, ±max(1, |δ|)
    assertEquals(2.5, d.annotation("dcPrev").hi());
    BufferedImage plain = LstmDiagram.builder().build().image();
    BufferedImage back = LstmDiagram.builder().highlight(CellPath.BACKWARD_BELT).build().image();
    assertTrue(near(back, Palette.FORGET) > 0.8 * near(plain, Palette.FORGET), "the forget wire should stay in colour");
    assertTrue(near(back, Palette.OUTPUT) < 0.05 * near(plain, Palette.OUTPUT), "the output gate should be faded");
    assertTrue(near(back, Palette.INPUT) < 0.05 * near(plain, Palette.INPUT), "the input gate should be faded");
    BufferedImage withNumbers = d.image();
    assertEquals(LstmDiagram.WIDTH, withNumbers.getWidth());
    String m = assertThrows(IllegalArgumentException.class,
        () -> LstmDiagram.builder().gradients(dc, dcPrev).build()).getMessage();
    assertTrue(m.contains("need the step"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> LstmDiagram.builder().step(s).gradients(Vec.of(1, 2), dcPrev).build()).getMessage();
    assertTrue(m.contains("δC_t has 2 entries") && m.contains("C_t has 3"), m);
    assertThrows(IllegalArgumentException.class, () -> LstmDiagram.builder().gradients(null, dcPrev));
  }

  @Test
  void highlightFadesTheOtherGates() {
    BufferedImage plain = LstmDiagram.builder().build().image();
    BufferedImage forget = LstmDiagram.builder().highlight(CellPath.FORGET).build().image();
    BufferedImage output = LstmDiagram.builder().highlight(CellPath.OUTPUT).build().image();
    // The forget path keeps its colour; the output gate's wires and box lose theirs, and vice versa.
    assertTrue(near(forget, Palette.FORGET) > 0.8 * near(plain, Palette.FORGET), "the forget path should stay in colour");
    assertTrue(near(forget, Palette.OUTPUT) < 0.05 * near(plain, Palette.OUTPUT), "the output gate should be faded");
    assertTrue(near(output, Palette.OUTPUT) > 0.8 * near(plain, Palette.OUTPUT), "the output path should stay in colour");
    assertTrue(near(output, Palette.FORGET) < 0.05 * near(plain, Palette.FORGET), "the forget gate should be faded");
    assertTrue(near(plain, Palette.OUTPUT) > 200, "the plain cell should draw the output gate in its colour");
  }

  @Test
  void clearErrorsForBadOptions() {
    String m = assertThrows(IllegalArgumentException.class, () -> RnnChainDiagram.builder().steps(7)).getMessage();
    assertTrue(m.contains("between 1 and 6") && m.contains("7"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> BiLstmDiagram.builder().words(List.of("a", "b", "c", "d", "e"))).getMessage();
    assertTrue(m.contains("1 to 4") && m.contains("5"), m);
    m = assertThrows(IllegalArgumentException.class, () -> StackedLstmDiagram.builder().layers(4)).getMessage();
    assertTrue(m.contains("4"), m);
    m = assertThrows(IllegalArgumentException.class, () -> LstmDiagram.builder().listed(7)).getMessage();
    assertTrue(m.contains("between 0 and 6"), m);
    assertThrows(IllegalArgumentException.class, () -> LstmDiagram.builder().step(null));
    assertThrows(IllegalArgumentException.class, () -> LstmDiagram.builder().highlight(null));
    m = assertThrows(IllegalArgumentException.class,
        () -> RnnChainDiagram.builder().words(List.of("a", "b")).steps(3)).getMessage();
    assertTrue(m.contains("3 steps but 2 words"), m);
    java.util.List<String> withNull = java.util.Arrays.asList("a", null);
    for (org.junit.jupiter.api.function.Executable e : java.util.List.<org.junit.jupiter.api.function.Executable>of(
        () -> RnnChainDiagram.builder().words(withNull), () -> StackedLstmDiagram.builder().words(withNull),
        () -> BiLstmDiagram.builder().words(withNull))) {
      m = assertThrows(IllegalArgumentException.class, e).getMessage();
      assertTrue(m.contains("none null") && m.contains("with a null"), m);
    }
  }

  private static double maxAbs(Vec v) {
    double m = 0;
    for (int k = 0; k < v.size(); k++) m = Math.max(m, Math.abs(v.get(k)));
    return m;
  }

  /** Pixels within a small distance of this colour. */
  private static int near(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int dr = ((rgb >> 16) & 0xff) - c.getRed(), dg = ((rgb >> 8) & 0xff) - c.getGreen(), db = (rgb & 0xff) - c.getBlue();
        if (dr * dr + dg * dg + db * db < 20 * 20) n++;
      }
    }
    return n;
  }

  private static boolean samePixels(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
    }
    return true;
  }
  @Test
  void theBiLstmsDirectionsAreDrawnInThePlotsModelColours() {
    assertEquals(gated.plot.Palette.Model.LSTM.color(), Palette.FORWARD, "the forward direction is an LSTM");
    assertEquals(gated.plot.Palette.Model.BILSTM.color(), Palette.BACKWARD, "the backward direction makes it a BiLSTM");
    java.awt.image.BufferedImage img = BiLstmDiagram.builder().build().image();
    int forward = 0, backward = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb == (Palette.FORWARD.getRGB() & 0xffffff)) forward++;
        if (rgb == (Palette.BACKWARD.getRGB() & 0xffffff)) backward++;
      }
    }
    assertTrue(forward > 200 && backward > 200, "wires in both model colours: " + forward + ", " + backward);
  }

  @Test
  void theBiLstmMergeIsCalledMNotYSoThatYStaysTheOutputLayersPrediction() {
    for (gated.model.MergeMode mode : gated.model.MergeMode.values()) {
      String formula = BiLstmDiagram.mergeFormula(mode);
      org.junit.jupiter.api.Assertions.assertTrue(formula.startsWith("m_t = ") && !formula.contains("y"), formula);
    }
  }
}
