package gated;

import java.lang.reflect.Method;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows HTML in the running notebook, whichever Java kernel runs it, and falls back to text.
 *
 * <p>The kernels have no common API for HTML (their {@code display(mime, object)} methods take their
 * arguments in different orders, and both orders compile), so this class looks for the running kernel's own
 * display machinery by reflection and sends it one output holding several versions of the same thing:
 * {@code text/html}, {@code text/plain} and, when given, {@code image/png}. A front end shows the richest one
 * it can: a notebook shows the HTML, nbconvert keeps it in the HTML it writes, a terminal shows the text.
 *
 * <ul>
 *   <li><b>rapaio-jupyter-kernel</b> (3.0.1, what this course runs): {@code MainApp.kernel.display(DisplayData)},
 *       the call behind its own {@code display(...)}. Snippets run in the kernel's own JVM
 *       (jshell's direct execution), so the kernel's classes are reachable. <b>Tested</b> by
 *       {@code tools/explorer_demo.py}: a real notebook executed with the course kernel, whose output holds
 *       text/html, image/png and text/plain, and whose HTML survives nbconvert and runs in Chromium and in a
 *       live classic Notebook.</li>
 *   <li><b>JJava</b> (dflib, 1.0): {@code BaseKernel.notebookKernel().display(DisplayData)}. <b>Untested</b>:
 *       written from its sources, never run here.</li>
 *   <li><b>IJava</b> (SpencerPark 1.3 and the conda-forge fork): {@code IJava.getKernelInstance().display(DisplayData)}.
 *       <b>Untested</b>: written from its sources, never run here.</li>
 *   <li>No kernel found (plain Java, a unit test, jshell): the text is printed to standard output.</li>
 * </ul>
 */
public final class HtmlDisplay {
  private HtmlDisplay() {}

  /** The kernel found, in the order tried. */
  private enum Kernel { RAPAIO, JJAVA, IJAVA }

  /** Shows the HTML, with the text for front ends that cannot show HTML. */
  public static void show(String html, String text) {
    show(html, text, null);
  }

  /**
   * Shows the HTML, with the text and a PNG picture (or null) in the same output for front ends that cannot
   * show HTML; prints the text when no kernel is found.
   */
  public static void show(String html, String text, byte[] png) {
    if (html == null) throw new IllegalArgumentException("HtmlDisplay.show: html is null");
    if (text == null) throw new IllegalArgumentException("HtmlDisplay.show: text is null (give what a terminal should print)");
    Map<String, String> bundle = new LinkedHashMap<>();
    bundle.put("text/html", html);
    bundle.put("text/plain", text);
    if (png != null) bundle.put("image/png", Base64.getEncoder().encodeToString(png));
    for (Kernel k : Kernel.values()) {
      try {
        if (send(k, bundle)) return;
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // this kernel is not the one running (or its API differs): try the next one
      }
    }
    System.out.println(text);
  }

  /**
   * The kernel {@link #show} would use: "rapaio-jupyter-kernel", "JJava", "IJava", or "none" (text printed).
   */
  public static String kernel() {
    for (Kernel k : Kernel.values()) {
      try {
        if (instance(k) != null) return name(k);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // not this one
      }
    }
    return "none";
  }

  private static String name(Kernel k) {
    return switch (k) {
      case RAPAIO -> "rapaio-jupyter-kernel";
      case JJAVA -> "JJava";
      case IJAVA -> "IJava";
    };
  }

  /** The running kernel object of this kind, or null (an exception when its classes are missing). */
  private static Object instance(Kernel k) throws ReflectiveOperationException {
    return switch (k) {
      case RAPAIO -> type("org.rapaio.jupyter.kernel.MainApp").getField("kernel").get(null);
      case JJAVA -> type("org.dflib.jjava.jupyter.kernel.BaseKernel").getMethod("notebookKernel").invoke(null);
      case IJAVA -> type("io.github.spencerpark.ijava.IJava").getMethod("getKernelInstance").invoke(null);
    };
  }

  /** The kernel's DisplayData class. */
  private static String displayData(Kernel k) {
    return switch (k) {
      case RAPAIO -> "org.rapaio.jupyter.kernel.display.DisplayData";
      case JJAVA -> "org.dflib.jjava.jupyter.kernel.display.DisplayData";
      case IJAVA -> "io.github.spencerpark.jupyter.kernel.display.DisplayData";
    };
  }

  private static boolean send(Kernel k, Map<String, String> bundle) throws ReflectiveOperationException {
    Object kernel = instance(k);
    if (kernel == null) return false;
    Class<?> dd = type(displayData(k));
    Object data;
    if (k == Kernel.RAPAIO) {
      data = dd.getMethod("fromHtml", String.class).invoke(null, bundle.get("text/html"));   // its constructor is protected
    } else {
      data = dd.getConstructor().newInstance();
    }
    Method put = dd.getMethod("putData", String.class, Object.class);
    for (Map.Entry<String, String> e : bundle.entrySet()) put.invoke(data, e.getKey(), e.getValue());
    Method display = findDisplay(kernel.getClass(), dd);
    display.invoke(kernel, data);
    return true;
  }

  /** The kernel's public display(DisplayData) method, searched up its class hierarchy. */
  private static Method findDisplay(Class<?> kernelClass, Class<?> dd) throws NoSuchMethodException {
    for (Class<?> c = kernelClass; c != null; c = c.getSuperclass()) {
      try {
        return c.getMethod("display", dd);
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    throw new NoSuchMethodException(kernelClass.getName() + ".display(" + dd.getName() + ")");
  }

  /** A kernel class, from the loader of the course's own classes (notebook snippets see the kernel through it). */
  private static Class<?> type(String name) throws ClassNotFoundException {
    try {
      return Class.forName(name, true, HtmlDisplay.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context == null) throw e;
      return Class.forName(name, true, context);
    }
  }
}
