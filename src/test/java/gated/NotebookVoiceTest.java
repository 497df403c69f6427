package gated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lessons speak in the course's own voice (issue 10): the source notes the course was written from
 * ("seed 000" … "seed 003", "the handout") are named only in the appendix,
 * {@value #APPENDIX}. In every cell of every other lesson and solution notebook, and in the one-line summary
 * (metadata course.summary) that the contents table shows:
 *
 * <ul>
 *   <li>no source name: "seed 000" … "seed 003", "seed 00x", "seeds 001 and 002", "the handout", "handout's";
 *   <li>the word "seed" for a random generator always reads "random seed", in markdown prose (code spans aside)
 *       and in what code shows or says (string literals and comments), so it can never be mistaken for a source.
 * </ul>
 *
 * Java identifiers such as {@code long seed} or the library's {@code .seed(7)} are code, not prose, and are
 * not checked. Runs in {@code mvn package}, so {@code ./course test} fails on a slip.
 */
class NotebookVoiceTest {
  static final String APPENDIX = "18-appendix-sources-and-errata.ipynb";

  private static final Pattern SOURCE_NAME = Pattern.compile(
      "(?i)\\bseeds?\\s+00[0-9x]\\b|\\bthe\\s+handout\\b|\\bhandout's\\b|\\bthis\\s+handout\\b");
  private static final Pattern SEED_WORD = Pattern.compile("(?i)\\bseeds?\\b");
  private static final Pattern RANDOM_BEFORE = Pattern.compile("(?i)random\\s+$");
  private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");
  private static final Pattern LINK = Pattern.compile("18-appendix-sources-and-errata\\.ipynb#([A-Za-z0-9_-]+)");

  @Test
  void sourcesAreNamedOnlyInTheAppendix() throws IOException {
    List<Path> notebooks = notebooks();
    assertTrue(notebooks.size() >= 10, "expected the course notebooks under notebooks/, found " + notebooks);
    assertTrue(Files.exists(Path.of("notebooks", APPENDIX)), "the appendix " + APPENDIX + " is missing");
    List<String> problems = new ArrayList<>();
    for (Path p : notebooks) {
      if (p.getFileName().toString().equals(APPENDIX)) continue;
      String summary = summary(p);
      if (summary != null) problems.addAll(problems(p + ", metadata course.summary", "markdown", summary));
      List<Object> cells = cells(p);
      for (int i = 0; i < cells.size(); i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cell = (Map<String, Object>) cells.get(i);
        String type = (String) cell.get("cell_type");
        String text = source(cell.get("source"));
        problems.addAll(problems(p + ", cell " + i + " (" + type + ")", type, text));
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " place(s) name a source outside the appendix or use \"seed\" "
        + "ambiguously; name the sources only in " + APPENDIX + " and write \"random seed\":\n  "
        + String.join("\n  ", problems));
  }

  /** Every "[Details](18-appendix-sources-and-errata.ipynb#anchor)" of a lesson lands on an anchor of the appendix. */
  @Test
  void erratumLinksLandOnAnAnchorOfTheAppendix() throws IOException {
    Set<String> anchors = new TreeSet<>();
    for (Object cell : cells(Path.of("notebooks", APPENDIX))) {
      @SuppressWarnings("unchecked")
      Matcher m = ANCHOR.matcher(source(((Map<String, Object>) cell).get("source")));
      while (m.find()) anchors.add(m.group(1));
    }
    assertTrue(anchors.contains("parameter-counts-154-and-143"), "lesson 16 links to #parameter-counts-154-and-143: " + anchors);
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path p : notebooks()) {
      for (Object cell : cells(p)) {
        @SuppressWarnings("unchecked")
        Matcher m = LINK.matcher(source(((Map<String, Object>) cell).get("source")));
        while (m.find()) {
          links++;
          if (!anchors.contains(m.group(1))) broken.add(p + " links to #" + m.group(1));
        }
      }
    }
    assertTrue(links > 0, "no lesson links to the appendix's errata");
    assertTrue(broken.isEmpty(), "links to anchors the appendix does not have " + anchors + ":\n  " + String.join("\n  ", broken));
  }

  @Test
  void theRulesCatchSourceNamesAndAmbiguousSeeds() {
    assertEquals(1, problems("x", "markdown", "As seed 003 writes, ...").size());
    assertEquals(1, problems("x", "markdown", "Seeds 001 and 002 use rows.").size());
    assertEquals(1, problems("x", "markdown", "The handout prints 0.017.").size());
    assertEquals(1, problems("x", "markdown", "the handout's total").size());
    assertEquals(1, problems("x", "markdown", "five seeds for each setting").size());
    assertTrue(problems("x", "markdown", "five random seeds, random seed 42; `Trainer.builder().seed(7)`").isEmpty());
    assertTrue(problems("x", "markdown", "Render the handouts with ./course handouts.").isEmpty());
    assertTrue(problems("x", "markdown", "```java\nlong seed = 3;\n```").isEmpty());
    assertEquals(1, problems("x", "code", "System.out.println(\"accuracy per seed\");").size());
    assertEquals(1, problems("x", "code", "int k = 0;   // as in seed 000").size());
    assertTrue(problems("x", "code", "train(long seed) { b.seed(seed); } // one random seed per run").isEmpty());
    assertTrue(problems("x", "code", "String s = \"per random seed\"; /* seeded */").isEmpty());
    assertFalse(problems("x", "code", "String s = \"seed 002\";").isEmpty());
  }

  /** What is wrong with one cell's source, one line per problem. */
  static List<String> problems(String where, String type, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SOURCE_NAME.matcher(text);
    while (m.find()) out.add(where + ": names a source: \"" + around(text, m.start(), m.end()) + "\"");
    String prose = "code".equals(type) ? javaProse(text) : markdownProse(text);
    Matcher s = SEED_WORD.matcher(prose);
    while (s.find()) {
      if (SOURCE_NAME.matcher(prose.substring(s.start(), Math.min(prose.length(), s.end() + 12))).lookingAt()) continue;
      if (!RANDOM_BEFORE.matcher(prose.substring(Math.max(0, s.start() - 20), s.start())).find()) {
        out.add(where + ": \"seed\" without \"random\": \"" + around(prose, s.start(), s.end()) + "\"");
      }
    }
    return out;
  }

  /** Markdown without fenced code blocks and inline code spans (each replaced by a space). */
  static String markdownProse(String md) {
    String noFences = md.replaceAll("(?s)```.*?```|~~~.*?~~~", " ");
    return noFences.replaceAll("`[^`\\n]*`", " ");
  }

  /** The text of Java comments and string/char literals: what a reader sees as words. */
  static String javaProse(String code) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = code.length();
    while (i < n) {
      if (code.startsWith("//", i)) {
        int j = code.indexOf('\n', i);
        j = j < 0 ? n : j;
        out.append(code, i + 2, j).append('\n');
        i = j;
      } else if (code.startsWith("/*", i)) {
        int j = code.indexOf("*/", i + 2);
        j = j < 0 ? n : j;
        out.append(code, i + 2, j).append('\n');
        i = Math.min(n, j + 2);
      } else if (code.startsWith("\"\"\"", i)) {
        int j = code.indexOf("\"\"\"", i + 3);
        j = j < 0 ? n : j;
        out.append(code, i + 3, j).append('\n');
        i = Math.min(n, j + 3);
      } else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
        char q = code.charAt(i);
        int j = i + 1;
        while (j < n && code.charAt(j) != q && code.charAt(j) != '\n') j += code.charAt(j) == '\\' ? 2 : 1;
        out.append(code, i + 1, Math.min(j, n)).append('\n');
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static String around(String text, int start, int end) {
    String s = text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30));
    return s.replace('\n', ' ').strip();
  }

  static List<Path> notebooks() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path dir : List.of(Path.of("notebooks"), Path.of("notebooks", "solutions"))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Object> cells(Path notebook) throws IOException {
    Object nb = MiniJson.parse(Files.readString(notebook, StandardCharsets.UTF_8));
    return (List<Object>) ((Map<String, Object>) nb).get("cells");
  }

  /** metadata.course.summary: the one-line summary the contents table shows, or null. */
  @SuppressWarnings("unchecked")
  static String summary(Path notebook) throws IOException {
    Map<String, Object> nb = (Map<String, Object>) MiniJson.parse(Files.readString(notebook, StandardCharsets.UTF_8));
    Object meta = nb.get("metadata");
    Object course = meta instanceof Map<?, ?> m ? m.get("course") : null;
    Object summary = course instanceof Map<?, ?> c ? c.get("summary") : null;
    return summary instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  static String source(Object source) {
    if (source instanceof String s) return s;
    return String.join("", (List<String>) source);
  }
}
