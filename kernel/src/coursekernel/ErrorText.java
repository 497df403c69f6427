package coursekernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatters;
import org.rapaio.jupyter.kernel.core.java.CompilerException;
import org.rapaio.jupyter.kernel.core.java.EvaluationInterruptedException;
import org.rapaio.jupyter.kernel.core.java.EvaluationTimeoutException;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.shaded.com.google.gson.JsonArray;
import org.rapaio.shaded.com.google.gson.JsonObject;

/**
 * What a student sees when a cell fails: the error's name, its message, and the lines shown.
 *
 * <ul>
 *   <li>An exception thrown by the course library (its class, or the method that threw it, is in
 *       a {@code gated.*} package) is one line: {@code IllegalArgumentException: forget gate: W_f
 *       is 3×7 but [h_{t-1}; x_t] has 8 rows (line 4 of this cell)}. The library's messages are
 *       written to be read; its stack frames are not.</li>
 *   <li>A stopped cell is one line: the library's own message when one of its long loops noticed
 *       the interrupt ({@code gated.Interrupted}: "interrupted at epoch 12 of 40; …"), otherwise
 *       "the cell was interrupted; everything defined before it is kept".</li>
 *   <li>Any other exception: its line, then only the cell lines it passed through.</li>
 *   <li>Compile errors and magics keep the kernel's own formatting (the source with the error
 *       underlined).</li>
 * </ul>
 */
final class ErrorText {
  private static final String RED = "\u001b[1;31m", RESET = "\u001b[0m";
  static final String LIBRARY_PACKAGE = "gated.";
  static final String LIBRARY_INTERRUPTED = "gated.Interrupted";

  private final String ename;
  private final String evalue;
  private final List<String> traceback;
  private final boolean interrupted;

  private ErrorText(String ename, String evalue, List<String> traceback, boolean interrupted) {
    this.ename = ename;
    this.evalue = evalue == null ? "" : evalue;
    this.traceback = traceback;
    this.interrupted = interrupted;
  }

  static ErrorText plain(String ename, String message) {
    return new ErrorText(ename, message, List.of(RED + ename + ": " + message + RESET), false);
  }

  boolean interrupted() {
    return interrupted;
  }

  String line() {
    return String.join("\n", traceback);
  }

  /** The content of an "error" IOPub message, or of an execute_reply when count is not null. */
  byte[] content(Integer count) {
    JsonObject o = new JsonObject();
    if (count != null) {
      o.addProperty("status", "error");
      o.addProperty("execution_count", count);
    }
    o.addProperty("ename", ename);
    o.addProperty("evalue", evalue);
    JsonArray lines = new JsonArray();
    traceback.forEach(lines::add);
    o.add("traceback", lines);
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ErrorText of(RapaioKernel kernel, Exception e, String cell, RapaioExecutionControl control) {
    boolean stopped = control != null && control.stopRequested();
    if (e instanceof EvaluationInterruptedException || (stopped && e instanceof EvalException ee
        && ee.getExceptionClassName().equals("java.lang.InterruptedException"))) {
      String left = control == null ? "" : control.abandoned();
      String msg = "the cell was interrupted; everything defined before it is kept"
          + (left.isEmpty() ? "" : " (" + left + ")");
      return new ErrorText("Interrupted", msg, List.of(RED + "Interrupted: " + msg + RESET), true);
    }
    if (e instanceof EvaluationTimeoutException t) {
      return plain("Timeout", t.getMessage());
    }
    if (e instanceof EvalException ee) {
      return ofUserException(kernel.javaEngine().getShell(), ee, cell);
    }
    if (e instanceof UnresolvedReferenceException ure) {
      Snippet s = ure.getSnippet();
      return plain("UnresolvedReference", "'" + firstLine(s.source()) + "' uses something that is not defined yet: "
          + String.join(", ", kernel.javaEngine().getShell().unresolvedDependencies(
              (jdk.jshell.DeclarationSnippet) s).toList()));
    }
    List<String> lines;
    try {
      lines = ErrorFormatters.exceptionFormat(kernel, e);
    } catch (RuntimeException formatterFailed) {
      lines = List.of(RED + e + RESET);
    }
    if (e instanceof CompilerException ce) {
      String what = kernel.javaEngine().getShell().diagnostics(ce.badSnippet().snippet())
          .map(d -> d.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse("")).distinct()
          .reduce((a, b) -> a + "; " + b).orElse("");
      return new ErrorText("CompileError", what, lines, false);
    }
    return new ErrorText(e.getClass().getSimpleName(), e.getMessage(), lines, false);
  }

  private static ErrorText ofUserException(JShell shell, EvalException e, String cell) {
    String className = e.getExceptionClassName();
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String message = e.getMessage() == null ? "" : e.getMessage();
    StackTraceElement[] frames = e.getStackTrace();
    if (className.equals(LIBRARY_INTERRUPTED)) {
      return new ErrorText("Interrupted", message, List.of(RED + message + RESET), true);
    }
    boolean fromLibrary = className.startsWith(LIBRARY_PACKAGE)
        || (frames.length > 0 && frames[0].getClassName().startsWith(LIBRARY_PACKAGE));
    String headline = simple + (message.isEmpty() ? "" : ": " + message);
    List<String> where = new ArrayList<>();
    for (StackTraceElement f : frames) {
      if (f.getFileName() != null && f.getFileName().startsWith("#")) where.add(place(shell, f, cell));
    }
    if (fromLibrary) {
      String at = where.isEmpty() ? "" : " (" + where.get(0) + ")";
      return new ErrorText(simple, message, List.of(RED + headline + at + RESET), false);
    }
    List<String> lines = new ArrayList<>();
    lines.add(RED + headline + RESET);
    if (frames.length > 0 && !(frames[0].getFileName() != null && frames[0].getFileName().startsWith("#"))) {
      lines.add("    thrown in " + frames[0].getClassName() + "." + frames[0].getMethodName());
    }
    where.stream().limit(5).forEach(w -> lines.add("    at " + w));
    for (JShellException c = e.getCause(); c != null; c = (JShellException) c.getCause()) {
      String cname = c instanceof EvalException ce ? ce.getExceptionClassName() : c.getClass().getName();
      lines.add("    caused by " + cname.substring(cname.lastIndexOf('.') + 1) + ": " + c.getMessage());
      if (!(c.getCause() instanceof JShellException)) break;
    }
    return new ErrorText(simple, message, lines, false);
  }

  /** "line 4 of this cell", or "line 2 of train(...), defined in an earlier cell". */
  private static String place(JShell shell, StackTraceElement f, String cell) {
    String id = f.getFileName().substring(1);
    Optional<Snippet> snippet = shell.snippets().filter(s -> s.id().equals(id)).findFirst();
    if (snippet.isPresent()) {
      String source = snippet.get().source();
      int at = cell.indexOf(source.strip());
      if (at >= 0) {
        int line = (int) cell.substring(0, at).chars().filter(ch -> ch == '\n').count() + f.getLineNumber();
        return "line " + line + " of this cell";
      }
      String method = f.getMethodName().isEmpty() ? firstLine(source) : f.getMethodName() + "(...)";
      return "line " + f.getLineNumber() + " of " + method + ", defined in an earlier cell";
    }
    return "line " + f.getLineNumber() + " of an earlier cell";
  }

  private static String firstLine(String s) {
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }
}
