package gated.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.Activations;
import gated.tensor.Vec;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerAndUnitSearchTest {

  @Test
  void temperatureOneIsTheSoftmaxAndLowTemperaturesSharpen() {
    Vec z = Vec.of(2, 1, 0);
    assertTrue(Sampler.probabilities(z, 1).closeTo(Activations.softmax(z), 1e-15));
    assertTrue(Sampler.probabilities(z, 0.5).closeTo(Activations.softmax(z.scale(2)), 1e-15));
    assertTrue(Sampler.probabilities(z, 0.1).get(0) > 0.99);
    assertTrue(Sampler.probabilities(z, 100).closeTo(Vec.fill(3, 1.0 / 3), 0.01));
    assertThrows(IllegalArgumentException.class, () -> Sampler.probabilities(z, 0));
  }

  @Test
  void drawFollowsTheProbabilities() {
    Vec p = Vec.of(0.2, 0.5, 0.3);
    int[] counts = new int[3];
    Random r = new Random(3);
    for (int k = 0; k < 20_000; k++) counts[Sampler.draw(p, r)]++;
    for (int k = 0; k < 3; k++) assertEquals(p.get(k), counts[k] / 20_000.0, 0.015);
  }

  @Test
  void samplingIsSeededAndUsesTheVocabulary() {
    CharVocabulary v = CharVocabulary.of("ab c\n");
    RecurrentCharModel<?> m = RecurrentCharModel.lstm(v.size(), 5, new Random(4));
    String a = Sampler.sample(m, v, "ab", 30, 1.0, new Random(9));
    assertEquals(a, Sampler.sample(m, v, "ab", 30, 1.0, new Random(9)));
    assertEquals(30, a.length());
    for (char ch : a.toCharArray()) assertTrue(v.contains(ch));
    assertThrows(IllegalArgumentException.class, () -> Sampler.sample(m, v, "", 3, 1, new Random(1)));
    assertThrows(IllegalArgumentException.class, () -> Sampler.sample(m, v, "xyz", 3, 1, new Random(1)));
  }

  @Test
  void aWarmUpIsReadButNotRecorded() {
    CharVocabulary v = CharVocabulary.of("ab c\n");
    RecurrentCharModel<?> m = RecurrentCharModel.lstm(v.size(), 4, new Random(4));
    UnitSearch.States whole = UnitSearch.record(m, v, "ab cab c\nabc");
    UnitSearch.States tail = UnitSearch.record(m, v, "ab cab c", "\nabc");
    assertEquals("\nabc", tail.text());
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(whole.h()[8 + k], tail.h()[k], 1e-12);
      assertArrayEquals(whole.c()[8 + k], tail.c()[k], 1e-12);
    }
    assertEquals(UnitSearch.record(m, v, "abc").h()[2][0], UnitSearch.record(m, v, "", "abc").h()[2][0], 0);
  }

  @Test
  void propertiesByHand() {
    String t = "ab (c)\nd e";
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 0, 1, 2}, TextProperty.positionInLine().of(t));
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0}, TextProperty.inside('(', ')').of(t));
    assertArrayEquals(new double[] {1, 2, 0, 0, 1, 0, 0, 1, 0, 1}, TextProperty.positionInWord().of(t));
    assertArrayEquals(new double[] {1, 2, 0, 0, 1, 2, 0, 1}, TextProperty.sinceNumber().of("ab12 c3x"));
    assertArrayEquals(new double[] {0, 1, 0, 1, 0}, TextProperty.isCapital().of("aBcDe"));
  }

  @Test
  void correlationByHandAndTheSearchFindsAPlantedUnit() {
    assertEquals(1, UnitSearch.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-15);
    assertEquals(-1, UnitSearch.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
    assertTrue(Double.isNaN(UnitSearch.correlation(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    String text = "ab (cd) e\nf (g) h";
    double[] planted = TextProperty.inside('(', ')').of(text);
    double[][] h = new double[text.length()][3];
    Random r = new Random(2);
    for (int k = 0; k < h.length; k++) {
      h[k][0] = r.nextGaussian();
      h[k][1] = -2 * planted[k] + 0.01 * r.nextGaussian();     // unit 1 tracks the brackets, upside down
      h[k][2] = r.nextGaussian();
    }
    UnitSearch.Finding f = UnitSearch.best(new UnitSearch.States(text, h, new double[0][]), TextProperty.inside('(', ')'));
    assertEquals(1, f.unit());
    assertEquals("h", f.quantity());
    assertTrue(f.r() < -0.99, f.toString());
  }

  @Test
  void recordReadsTheTextInChunksWithTheStateCarried() {
    CharVocabulary v = CharVocabulary.of("abc\n");
    RecurrentCharModel<?> m = RecurrentCharModel.lstm(v.size(), 3, new Random(5));
    String text = "abc\n".repeat(100);
    UnitSearch.States s = UnitSearch.record(m, v, text);
    CharModel.Forward f = m.forward(new int[][] {v.encode(text)}, m.zeroState(1));
    assertTrue(f.hidden().get(0).get(399).closeTo(Vec.of(s.h()[399]), 1e-15));
    assertTrue(f.cell().get(0).get(300).closeTo(Vec.of(s.c()[300]), 1e-15));
  }

  @Test
  void colouredTextIsAPictureAndChecksItsInput() {
    BufferedImage img = ColouredText.image("unit 3", "ab\ncd", new double[] {-1, 0, 1, 0.5, -0.5}, 1, 10);
    assertTrue(img.getWidth() >= 360 && img.getHeight() > 60);
    assertThrows(IllegalArgumentException.class, () -> ColouredText.image("x", "ab", new double[] {1}, 1, 10));
    assertEquals(ColouredText.colour(5, 1), ColouredText.colour(1, 1));
  }
}
