package gated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.tensor.Vec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first example prints what the README says it prints. */
class ReadmeExampleTest {
  @Test
  void readmeExampleOutputIsTrue() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("// prints (.+)").matcher(readme);
    List<String> claimed = m.results().map(r -> r.group(1).trim()).toList();

    LstmWeights w = LstmWeights.random(3, 4, new java.util.Random(42));   // the README's code, verbatim
    LstmStep s = new LstmCell(w).step(Vec.of(0, 1, 0, 0), Vec.zeros(3), Vec.zeros(3));
    List<String> actual = List.of("f_t = " + s.f(), "i_t = " + s.i(), "c_t = " + s.c(), "h_t = " + s.h());

    assertEquals(actual, claimed);
  }
}
