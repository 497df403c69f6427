package gated.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.RnnWeights;
import gated.model.Rnn;
import gated.train.GradientFlow;
import gated.tensor.Vec;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RnnChainGradientTest {
  private static final Rnn RNN = Rnn.of(RnnWeights.random(4, 3, 0.3, new Random(41)));
  private static final List<Vec> XS = Fixtures.sequence(5, 3, new Random(42));

  /** Pixels in the gradient's red, roughly. */
  private static int reddish(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        if (r > 150 && g < 110 && b < 110) n++;
      }
    }
    return n;
  }

  @Test
  void theBackwardPassWritesEachStepsGradientNorm() {
    GradientFlow.Profile p = GradientFlow.hiddenGradientNorms("RNN", RNN, XS);
    RnnChainDiagram d = RnnChainDiagram.builder().steps(5).gradients(p).build();
    for (int t = 1; t <= 5; t++) assertEquals(p.at(5 - t), d.gradientNorm(t), 0, "step " + t + " is distance " + (5 - t));
    assertEquals(1.0, d.gradientNorm(5), 1e-12, "the loss sits on h_T: ‖∂L/∂h_T‖ = ‖u‖ = 1");
    BufferedImage with = d.image(), without = RnnChainDiagram.builder().steps(5).build().image();
    assertTrue(reddish(with) > reddish(without) + 300, "the backward arrow and its numbers are drawn in red");
    assertTrue(Double.isNaN(RnnChainDiagram.builder().steps(5).build().gradientNorm(1)));
  }

  @Test
  void aProfileOfAnotherLengthIsRefused() {
    GradientFlow.Profile p = GradientFlow.hiddenGradientNorms("RNN", RNN, XS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RnnChainDiagram.builder().steps(4).gradients(p));
    assertTrue(e.getMessage().contains("5 values but the diagram has 4 steps"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RnnChainDiagram.builder().gradients(null));
  }
}
