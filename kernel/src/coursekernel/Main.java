package coursekernel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.shaded.com.google.gson.JsonObject;
import org.rapaio.shaded.com.google.gson.JsonParser;

/**
 * The course's Java kernel: rapaio-jupyter-kernel 3.0.1 for everything Java (JShell, magics,
 * display), with the course's own start-up, protocol layer and interrupt (kernel/README.md).
 *
 * <pre>
 *   java [JVM flags] -cp course-kernel.jar:rapaio-jupyter-kernel-3.0.1.jar coursekernel.Main CONNECTION_FILE
 * </pre>
 *
 * Exit status: 0 after a shutdown request; 2 wrong arguments or connection file; 3 a socket could
 * not be bound (the message names the port and the cause); 4 the kernel jar is not version 3.0.1.
 * The connection file holds the session key: it is never logged.
 */
public final class Main {
  /** The only kernel version this fix is written for (checked at start-up and by ./course). */
  public static final String KERNEL_VERSION = "3.0.1";
  private static final Logger LOG = Logger.getLogger("course-kernel");

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    logging();
    if (args.length != 1) exit(2, "usage: coursekernel.Main CONNECTION_FILE");
    String version = kernelVersion();
    if (!KERNEL_VERSION.equals(version)) {
      exit(4, "this fix is written for rapaio-jupyter-kernel " + KERNEL_VERSION + " but the class path has "
          + (version == null ? "no rapaio-jupyter-kernel" : "version " + version) + "; run ./course again to reinstall it");
    }
    Kernel.Connection connection = null;
    try {
      connection = readConnection(Path.of(args[0]));
    } catch (Exception e) {
      exit(2, "cannot read the connection file " + args[0] + ": " + e.getMessage());
    }
    Kernel kernel = new Kernel(connection);

    // JShell starts on its own thread while the sockets are bound and the protocol starts.
    Thread init = new Thread(() -> {
      try {
        RapaioKernel engine = MainApp.kernel;   // the kernel's single instance (display() uses it)
        kernel.engineReady(engine);
        LOG.info(String.format("Java engine (JShell) ready %.2f s after start", (System.nanoTime() - t0) / 1e9));
      } catch (Throwable t) {
        LOG.severe("the Java engine (JShell) did not start: " + t);
        kernel.engineFailed(t);
      }
    }, "kernel-java-engine");
    init.setDaemon(true);
    init.start();

    try {
      kernel.bind();
    } catch (Kernel.StartFailure f) {
      exit(3, f.getMessage());
    }
    kernel.start();
    onSigint(kernel);
    exitWithParent(kernel);
    LOG.info(String.format("course kernel (rapaio-jupyter-kernel %s + course fixes) on Java %s, pid %d, answering %.2f s after start",
        KERNEL_VERSION, Runtime.version(), ProcessHandle.current().pid(), (System.nanoTime() - t0) / 1e9));
    kernel.awaitShutdown();
    // Closing lets queued replies go out (each socket lingers up to 1 s); it must not keep the
    // process alive if ZeroMQ blocks, so it gets 3 s on its own thread.
    Thread closing = new Thread(kernel::close, "kernel-close");
    closing.setDaemon(true);
    closing.start();
    closing.join(3000);
    LOG.info("shut down");
    System.exit(0);
  }

  /** SIGINT (interrupt_mode "signal", or a signal from the terminal) interrupts the cell, as in IPython. */
  private static void onSigint(Kernel kernel) {
    // sun.misc.Signal (module jdk.unsupported) through reflection, so that compiling needs no
    // internal API: Signal.handle(new Signal("INT"), signal -> kernel.interruptCell("SIGINT")).
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object onInt = java.lang.reflect.Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) kernel.interruptCell("SIGINT");
            return null;
          });
      signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance("INT"), onInt);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warning("SIGINT cannot be handled here (" + e + "); Kernel > Interrupt still works");
    }
  }

  /**
   * A kernel whose front end died (a crashed test, a killed server) would otherwise live on and
   * keep its memory: jupyter_client puts its own pid in JPY_PARENT_PID, and when that process is
   * gone the kernel shuts down.
   */
  private static void exitWithParent(Kernel kernel) {
    String pid = System.getenv("JPY_PARENT_PID");
    if (pid == null || !pid.matches("\\d+")) return;
    ProcessHandle.of(Long.parseLong(pid)).ifPresent(parent -> parent.onExit().thenRun(() -> {
      LOG.info("the front end (pid " + pid + ") is gone; shutting down");
      kernel.shutdownNow();
    }));
  }

  static Kernel.Connection readConnection(Path file) throws Exception {
    JsonObject c = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    return new Kernel.Connection(
        c.has("transport") ? c.get("transport").getAsString() : "tcp",
        c.get("ip").getAsString(),
        c.get("shell_port").getAsInt(),
        c.get("iopub_port").getAsInt(),
        c.get("stdin_port").getAsInt(),
        c.get("control_port").getAsInt(),
        c.get("hb_port").getAsInt(),
        c.has("signature_scheme") ? c.get("signature_scheme").getAsString() : "hmac-sha256",
        c.has("key") ? c.get("key").getAsString() : "");
  }

  /** The version in the kernel jar's Maven metadata, or null if there is none. */
  static String kernelVersion() {
    try (InputStream in = Main.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties")) {
      if (in == null) return null;
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (Exception e) {
      return null;
    }
  }

  private static void exit(int status, String message) {
    LOG.severe(message);
    System.exit(status);
  }

  /** One line per record on stderr (the kernel log): time, level, message. */
  private static void logging() {
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) root.removeHandler(h);
    ConsoleHandler h = new ConsoleHandler();   // the real stderr, captured now, before any cell runs
    h.setLevel(Level.INFO);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    h.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        return "[" + LocalTime.now().format(time) + " " + r.getLevel().getName().toLowerCase() + "] course kernel: "
            + formatMessage(r) + System.lineSeparator();
      }
    });
    root.addHandler(h);
    root.setLevel(Level.INFO);
  }
}
