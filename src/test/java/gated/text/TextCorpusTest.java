package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCorpusTest {

  @Test
  void theShippedCorpusIsTheWholeNewTestament() {
    TextCorpus c = TextCorpus.kjvNewTestament();
    assertEquals(990_221, c.length());
    assertTrue(c.text().startsWith("Matthew 1\n\n  1 The book of the generation of Jesus Christ"), c.text().substring(0, 60));
    assertTrue(c.text().endsWith("The grace of our Lord Jesus Christ be with you all. Amen.\n"));
    int longest = 0;
    for (String line : c.text().split("\n")) longest = Math.max(longest, line.length());
    assertTrue(longest <= 72, "lines are wrapped at 72 columns, found " + longest);
    assertTrue(c.licence().contains("public domain") && c.licence().contains("United Kingdom"));
  }

  @Test
  void splitKeepsEveryCharacterOnceAndHoldsOutEveryNthBlock() {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < 100; k++) s.append("line ").append(k).append('\n');
    TextCorpus c = TextCorpus.of("lines", s.toString(), "made up", "none needed");
    TextCorpus.Split split = c.split(50, 4);
    assertEquals(c.length(), split.train().length() + split.heldOut().length());
    assertTrue(split.heldOut().endsWith("\n") && split.train().endsWith("\n"), "blocks end at line ends");
    assertTrue(split.heldOut().length() < split.train().length() / 2);
    assertTrue(!split.train().contains(split.heldOut().substring(0, 20)), "held-out lines are not in the training text");
  }

  @Test
  void badSplitsAreRefused() {
    TextCorpus c = TextCorpus.of("short", "ab\ncd\n", "made up", "none needed");
    assertThrows(IllegalArgumentException.class, () -> c.split(100, 10));
    assertThrows(IllegalArgumentException.class, () -> c.split(2, 1));
    assertThrows(IllegalArgumentException.class, () -> TextCorpus.of("x", "a", "s", "l"));
  }

  @Test
  void vocabularyRoundTripsAndNamesUnknownCharacters() {
    CharVocabulary v = CharVocabulary.of("hello world\n");
    assertEquals(9, v.size());                                 // \n, space, d, e, h, l, o, r, w
    assertEquals('\n', v.charAt(0));
    assertEquals("world hello", v.decode(v.encode("world hello")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode("hex"));
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    assertEquals("⏎␣dehlorw", v.toString());
  }
}
