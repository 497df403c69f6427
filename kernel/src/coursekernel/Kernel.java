package coursekernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.magic.MagicEvalResult;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.message.Header;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteResult;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;
import org.rapaio.org.zeromq.ZMQException;
import org.rapaio.shaded.com.google.gson.JsonArray;
import org.rapaio.shaded.com.google.gson.JsonObject;

/**
 * The kernel's side of the Jupyter protocol: five sockets, a thread for each of heartbeat, shell
 * and control, and the handlers of the requests that matter for a class.
 *
 * <h2>Start-up, in this order (the order 3.0.1 got wrong)</h2>
 * <ol>
 *   <li>every socket is bound, on the main thread; a port that cannot be bound ends the process
 *       at once with a message naming the port and the reason ({@link StartFailure});</li>
 *   <li>only then are the threads started; the handlers are plain methods of this class, so there
 *       is no table of handlers that a thread could read before it is filled in, and a thread
 *       needs no "running" flag set after it starts;</li>
 *   <li>JShell (the slow part) starts on its own thread at the same time, so the kernel answers
 *       kernel_info at once; a cell waits until JShell is ready.</li>
 * </ol>
 *
 * <h2>Robustness</h2>
 * A message that is not signed with the session key, or is malformed, is logged (never its
 * content, never the key) and dropped; nothing a handler throws ends a thread. Shell and control
 * are independent: an interrupt_request is handled while a cell runs, and replies to a control
 * request go out on the control socket.
 */
public final class Kernel {
  private static final Logger LOG = Logger.getLogger("course-kernel");

  /** Thrown when a socket cannot be bound; the message is for the person who started Jupyter. */
  public static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }

  /** The parts of Jupyter's connection file the kernel needs (never logged: it holds the key). */
  public record Connection(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
      int controlPort, int hbPort, String signatureScheme, String key) {
  }

  private final Connection connection;
  private final Wire.Signer signer;
  private final String session = UUID.randomUUID().toString();
  private final ZMQ.Context context = ZMQ.context(1);
  private final CompletableFuture<RapaioKernel> engine = new CompletableFuture<>();
  private final Channels channels = new Channels(this);
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final ThreadLocal<Wire.Request> current = new ThreadLocal<>();
  private final AtomicInteger rejected = new AtomicInteger();
  private Wire shell, control, iopub, stdin;
  private ZMQ.Socket heartbeat;
  private volatile Wire.Request shellRequest;   // the request the shell thread is handling
  private volatile boolean cellRunning;
  private volatile boolean exitRequested;
  private int executionCount;                   // shell thread only

  public Kernel(Connection connection) throws Exception {
    this.connection = connection;
    this.signer = new Wire.Signer(connection.signatureScheme(), connection.key());
  }

  // ------------------------------------------------------------ start-up --

  /** Binds all five sockets; nothing is started yet. */
  public void bind() throws StartFailure {
    if (!"tcp".equals(connection.transport())) {
      throw new StartFailure("transport '" + connection.transport() + "' is not supported (only tcp)");
    }
    shell = new Wire("shell", bound(SocketType.ROUTER, "shell", connection.shellPort()), signer, session);
    control = new Wire("control", bound(SocketType.ROUTER, "control", connection.controlPort()), signer, session);
    stdin = new Wire("stdin", bound(SocketType.ROUTER, "stdin", connection.stdinPort()), signer, session);
    ZMQ.Socket pub = context.socket(SocketType.PUB);
    pub.setSndHWM(0);   // never drop an output because the front end is slow
    iopub = new Wire("iopub", bind(pub, "iopub", connection.iopubPort()), signer, session);
    heartbeat = bound(SocketType.REP, "heartbeat", connection.hbPort());
    LOG.info("listening on " + connection.transport() + "://" + connection.ip() + " shell " + connection.shellPort()
        + ", iopub " + connection.iopubPort() + ", stdin " + connection.stdinPort() + ", control "
        + connection.controlPort() + ", heartbeat " + connection.hbPort());
  }

  private ZMQ.Socket bound(SocketType type, String name, int port) throws StartFailure {
    return bind(context.socket(type), name, port);
  }

  private ZMQ.Socket bind(ZMQ.Socket socket, String name, int port) throws StartFailure {
    String address = connection.transport() + "://" + connection.ip() + ":" + port;
    socket.setLinger(1000);
    String why;
    try {
      if (socket.bind(address)) return socket;
      why = "bind returned false";
    } catch (ZMQException e) {
      why = errorText(e.getErrorCode());
    } catch (IllegalArgumentException e) {
      why = String.valueOf(e.getMessage());
    }
    socket.close();
    throw new StartFailure("cannot listen on " + address + " (" + name + " channel): " + why + explain(why));
  }

  private static String errorText(int code) {
    try {
      return ZMQ.Error.findByCode(code).getMessage() + " (errno " + code + ")";
    } catch (RuntimeException unknown) {
      return "error " + code;
    }
  }

  /** A hint for the two causes seen in practice. */
  static String explain(String why) {
    String w = why.toLowerCase();
    if (w.contains("assign requested address") || w.contains("not available") || w.contains("unreachable")) {
      return ". The loopback interface is probably down (inside a network namespace: ip link set lo up).";
    }
    if (w.contains("in use")) {
      return ". Another program took this port after Jupyter chose it; start the kernel again.";
    }
    return "";
  }

  /** Starts the heartbeat, control and shell threads. Call after {@link #bind()}. */
  public void start() {
    thread("heartbeat", this::beat);
    thread("control", () -> serve(control));
    thread("shell", () -> serve(shell));
    iopub.send(null, "status", json(o -> o.addProperty("execution_state", "starting")));
  }

  private static void thread(String name, Runnable body) {
    Thread t = new Thread(body, "kernel-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** Called by Main once JShell is ready (on its own thread). */
  public void engineReady(RapaioKernel k) {
    k.registerChannels(channels);
    engine.complete(k);
  }

  public void engineFailed(Throwable t) {
    engine.completeExceptionally(t);
  }

  public void awaitShutdown() {
    try {
      shutdown.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the sockets (each waits up to 1 s to deliver what is queued). */
  public void shutdownNow() {
    exitRequested = true;
    shutdown.countDown();
  }

  public void close() {
    for (ZMQ.Socket s : new ZMQ.Socket[] {shell.socket, control.socket, stdin.socket, iopub.socket, heartbeat}) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    context.term();
  }

  // -------------------------------------------------------------- loops --

  private void beat() {
    while (!exitRequested) {
      try {
        byte[] ping = heartbeat.recv(0);
        if (ping != null) heartbeat.send(ping, 0);
      } catch (RuntimeException e) {
        if (exitRequested) return;
        LOG.warning("heartbeat: " + e);
      }
    }
  }

  private void serve(Wire wire) {
    while (!exitRequested) {
      Wire.Request request;
      try {
        request = wire.read();
      } catch (Wire.Rejected r) {
        reject(wire, r);
        continue;
      } catch (RuntimeException e) {   // the socket was closed at exit, or a ZeroMQ error
        if (exitRequested) return;
        LOG.warning(wire.name + ": receive failed: " + e);
        continue;
      }
      handle(wire, request);
    }
  }

  private void reject(Wire wire, Wire.Rejected r) {
    int n = rejected.incrementAndGet();
    if (n <= 20 || n % 1000 == 0) {
      LOG.warning("rejected a message on " + wire.name + ": " + r.getMessage() + " (" + n + " rejected so far)");
    }
  }

  /** Handles one request; whatever happens, it replies if it can and the loop goes on. */
  private void handle(Wire wire, Wire.Request request) {
    current.set(request);
    if (wire == shell) shellRequest = request;
    status(request, "busy");
    try {
      switch (request.type()) {
        case "kernel_info_request" -> reply(wire, request, "kernel_info_reply", kernelInfo());
        case "execute_request" -> {
          if (wire == shell) execute(request);
          else reply(wire, request, "execute_reply", error("execute_request belongs on the shell channel"));
        }
        case "interrupt_request" -> interrupt(wire, request);
        case "shutdown_request" -> shutdown(wire, request);
        case "is_complete_request", "complete_request", "inspect_request", "comm_info_request",
             "history_request", "comm_open", "comm_msg", "comm_close" -> delegate(request);
        default -> LOG.warning(wire.name + ": no handler for " + request.type());
      }
    } catch (Throwable t) {
      LOG.warning(wire.name + ": " + request.type() + " failed: " + t);
      if (request.type().endsWith("_request")) {
        reply(wire, request, request.type().replace("_request", "_reply"), error(t.toString()));
      }
    } finally {
      channels.runAfterActions();
      status(request, "idle");
      if (wire == shell) shellRequest = null;
      current.remove();
      if (exitRequested) shutdown.countDown();
    }
  }

  // ------------------------------------------------------------ handlers --

  private byte[] kernelInfo() {
    String java = Runtime.version().toString();
    return json(o -> {
      o.addProperty("status", "ok");
      o.addProperty("protocol_version", Wire.PROTOCOL_VERSION);
      o.addProperty("implementation", "rapaio-jupyter-kernel");
      o.addProperty("implementation_version", Main.KERNEL_VERSION + "+course");
      JsonObject language = new JsonObject();
      language.addProperty("name", "java");
      language.addProperty("version", java);
      language.addProperty("mimetype", "text/x-java-source");
      language.addProperty("file_extension", ".jshell");
      language.addProperty("pygments_lexer", "java");
      language.addProperty("codemirror_mode", "java");
      language.addProperty("nbconvert_exporter", "script");
      o.add("language_info", language);
      o.addProperty("banner", "Java " + java + ", rapaio-jupyter-kernel " + Main.KERNEL_VERSION
          + " with the course's fixes (kernel/README.md)");
      o.add("help_links", new JsonArray());
    });
  }

  private void execute(Wire.Request request) {
    String code = request.text("code");
    boolean silent = request.flag("silent", false);
    boolean storeHistory = request.flag("store_history", !silent);
    if (storeHistory) executionCount++;
    int count = executionCount;
    if (!silent) {
      publish(request, "execute_input", json(o -> {
        o.addProperty("code", code);
        o.addProperty("execution_count", count);
      }));
    }
    RapaioKernel k;
    try {
      k = engine.get();
    } catch (InterruptedException | ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      ErrorText err = ErrorText.plain("KernelStartError", "the Java engine (JShell) did not start: " + cause);
      failCell(request, count, err);
      return;
    }
    RapaioExecutionControl control = RapaioExecutionControl.instance();
    if (control != null) control.beginCell();
    CellStream out = new CellStream("stdout"), err = new CellStream("stderr");
    PrintStream oldOut = System.out, oldErr = System.err;
    InputStream oldIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new CellInput(request.flag("allow_stdin", false)));
    cellRunning = true;
    long t0 = System.nanoTime();
    try {
      DisplayData result;
      MagicEvalResult magic = k.magicEngine().eval(k.executionContext(), code);
      if (magic.handled()) {
        Object value = magic.result();
        result = value == null ? null : value instanceof DisplayData dd ? dd : DisplaySystem.inst().render(value);
      } else {
        result = k.eval(code);
      }
      System.out.flush();
      out.drain();
      err.drain();
      if (result != null && !silent) publish("execute_result", new IOPubExecuteResult(count, result));
      reply(shell, request, "execute_reply", json(o -> {
        o.addProperty("status", "ok");
        o.addProperty("execution_count", count);
        o.add("user_expressions", new JsonObject());
        o.add("payload", new JsonArray());
      }));
    } catch (Exception e) {
      out.drain();
      err.drain();
      ErrorText text = ErrorText.of(k, e, code, control);
      if (text.interrupted()) {
        LOG.info("cell " + count + " stopped " + String.format("%.2f", (System.nanoTime() - t0) / 1e9) + " s after it began");
      }
      failCell(request, count, text);
      if (request.flag("stop_on_error", true)) abortWaitingCells();
    } finally {
      cellRunning = false;
      LOG.info(String.format("cell %d: %.2f s, of which running %.2f s", count, (System.nanoTime() - t0) / 1e9,
          control == null ? 0.0 : control.runSeconds()));
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  private void failCell(Wire.Request request, int count, ErrorText err) {
    publish(request, "error", err.content(null));
    reply(shell, request, "execute_reply", err.content(count));
  }

  /**
   * After a failed cell, execute requests already waiting (Run All) are answered "aborted", as
   * the protocol's stop_on_error asks; other waiting requests are handled normally.
   */
  private void abortWaitingCells() {
    while (true) {
      Wire.Request next;
      try {
        next = shell.readWaiting();
      } catch (Wire.Rejected r) {
        reject(shell, r);
        continue;
      }
      if (next == null) return;
      if (!next.type().equals("execute_request")) {
        handle(shell, next);
        continue;
      }
      status(next, "busy");
      reply(shell, next, "execute_reply", json(o -> o.addProperty("status", "aborted")));
      status(next, "idle");
    }
  }

  private void interrupt(Wire wire, Wire.Request request) {
    interruptCell(request.type());
    reply(wire, request, "interrupt_reply", json(o -> o.addProperty("status", "ok")));
  }

  /** Kernel → Interrupt (interrupt_request or SIGINT): stop the running cell, if any. */
  public void interruptCell(String how) {
    RapaioExecutionControl control = RapaioExecutionControl.instance();
    if (cellRunning && control != null) {
      LOG.info("interrupt (" + how + "): stopping the running cell");
      control.requestStop();
    } else {
      LOG.info("interrupt (" + how + "): no cell is running");
    }
  }

  private void shutdown(Wire wire, Wire.Request request) {
    boolean restart = request.flag("restart", false);
    LOG.info("shutdown requested" + (restart ? " (restart)" : ""));
    RapaioExecutionControl control = RapaioExecutionControl.instance();
    if (control != null && cellRunning) control.requestStop();
    reply(wire, request, "shutdown_reply", json(o -> {
      o.addProperty("status", "ok");
      o.addProperty("restart", restart);
    }));
    exitRequested = true;   // handle() counts the latch down after the idle status
  }

  /** The kernel's own handlers for the requests that need nothing of this fix. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void delegate(Wire.Request request) throws Exception {
    RapaioKernel k = engine.get();
    MessageType<?> type = MessageType.getType(request.type());
    Header<?> header = Transform.fromJson(request.headerRaw(), Header.class);
    Object content = Transform.fromJson(request.contentRaw(), type.contentType());
    Message message = new Message(request.identities(), header, null, Map.of(), content, List.of());
    switch (request.type()) {
      case "is_complete_request" -> k.handleIsCompleteRequest(message);
      case "complete_request" -> k.handleCompleteRequest(message);
      case "inspect_request" -> k.handleInspectRequest(message);
      case "comm_info_request" -> k.handleCommInfoRequest(message);
      case "comm_open" -> k.handleCommOpenCommand(message);
      case "comm_msg" -> k.handleCommMsgCommand(message);
      case "comm_close" -> k.handleCommCloseCommand(message);
      case "history_request" -> reply(shell, request, "history_reply", json(o -> {
        o.addProperty("status", "ok");
        o.add("history", new JsonArray());
      }));
      default -> throw new IllegalStateException(request.type());
    }
  }

  // ------------------------------------------------------ sending helpers --

  /** True while the shell thread handles a request (outputs then have a parent). */
  public boolean hasCurrentRequest() {
    return shellRequest != null;
  }

  private void status(Wire.Request parent, String state) {
    iopub.send(parent, "status", json(o -> o.addProperty("execution_state", state)));
  }

  private void reply(Wire wire, Wire.Request request, String type, byte[] content) {
    wire.send(request, type, content);
  }

  private void publish(Wire.Request parent, String type, byte[] content) {
    iopub.send(parent, type, content);
  }

  /** IOPub output from the kernel's own classes (display(), magics): parent = the shell's request. */
  public void publish(String type, Object content) {
    iopub.send(shellRequest, type, Transform.toJsonBytes(content));
  }

  /** A reply from the kernel's own handlers, to the request of the calling thread. */
  public void reply(String type, Object content) {
    Wire.Request request = current.get();
    if (request == null) {
      LOG.warning("a reply (" + type + ") outside any request was dropped");
      return;
    }
    (request.wireName().equals("control") ? control : shell).send(request, type, Transform.toJsonBytes(content));
  }

  public void stream(String name, String text) {
    if (text.isEmpty()) return;
    iopub.send(shellRequest, "stream", json(o -> {
      o.addProperty("name", name);
      o.addProperty("text", text);
    }));
  }

  /** input(): asks the front end for a line on the stdin channel (only when it allows input). */
  public String readLine(String prompt) {
    Wire.Request parent = shellRequest;
    if (parent == null || !parent.flag("allow_stdin", false)) {
      throw new IllegalStateException("this front end does not accept input (allow_stdin is false)");
    }
    synchronized (stdin) {
      stdin.send(parent, "input_request", json(o -> {
        o.addProperty("prompt", prompt);
        o.addProperty("password", false);
      }));
      while (true) {
        try {
          Wire.Request reply = stdin.read();
          if (reply.type().equals("input_reply")) return reply.text("value") + System.lineSeparator();
        } catch (Wire.Rejected r) {
          reject(stdin, r);
        }
      }
    }
  }

  static byte[] json(java.util.function.Consumer<JsonObject> fill) {
    JsonObject o = new JsonObject();
    fill.accept(o);
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(String message) {
    return json(o -> {
      o.addProperty("status", "error");
      o.addProperty("ename", "KernelError");
      o.addProperty("evalue", message);
      o.add("traceback", new JsonArray());
    });
  }

  // ------------------------------------------------------------ streams --

  /**
   * A cell's System.out or System.err: text is sent as a stream message at each complete line,
   * and at least every 100 ms while a line is being written; the rest when the cell ends.
   */
  private final class CellStream extends OutputStream {
    private final String name;
    private byte[] buf = new byte[256];
    private int len;
    private long lastSent = System.nanoTime();

    CellStream(String name) {
      this.name = name;
    }

    @Override
    public synchronized void write(int b) {
      ensure(1);
      buf[len++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) {
      ensure(n);
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    private void ensure(int n) {
      if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    @Override
    public synchronized void flush() {
      int end = len;
      while (end > 0 && buf[end - 1] != '\n') end--;   // whole lines: never split a character
      boolean stale = System.nanoTime() - lastSent > 100_000_000L;
      if (end > 0 && (stale || end == len || len > 1 << 16)) send(end);
      else if (stale && len > 0 && len > (1 << 12)) send(len);
    }

    synchronized void drain() {
      if (len > 0) send(len);
    }

    private void send(int n) {
      String text = new String(buf, 0, n, StandardCharsets.UTF_8);
      System.arraycopy(buf, n, buf, 0, len - n);
      len -= n;
      lastSent = System.nanoTime();
      stream(name, text);
    }
  }

  /** A cell's System.in: lines asked of the front end, or end of input if it accepts none. */
  private final class CellInput extends InputStream {
    private final boolean allowed;
    private byte[] line = new byte[0];
    private int pos;

    CellInput(boolean allowed) {
      this.allowed = allowed;
    }

    @Override
    public int read() throws IOException {
      if (pos == line.length) {
        if (!allowed) return -1;
        line = readLine("").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        if (line.length == 0) return -1;
      }
      return line[pos++] & 0xFF;
    }
  }
}
