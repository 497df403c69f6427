package org.rapaio.jupyter.kernel.channels;

import coursekernel.Kernel;
import java.util.ArrayDeque;
import java.util.Deque;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;

/**
 * The course's replacement for rapaio-jupyter-kernel 3.0.1's class of the same name. It comes
 * before the kernel's jar on the class path (the course script pins the kernel to 3.0.1 and
 * refuses any other version). Written for this course; see kernel/README.md for the diagnosis.
 *
 * <p>Every part of the kernel (its message handlers, its console streams, its magics and
 * {@code display(...)}) talks to the front end through this one class. In 3.0.1 it also owned the
 * sockets and their threads, and started the threads before it was ready for them (two start-up
 * races, a start that never answers), let one bad message end a thread, and shared one "current
 * message" and one stack of after-actions between the shell and control threads. Here it is only
 * a facade: the sockets, their threads and the order in which they start belong to
 * {@link coursekernel.Kernel}, which creates this object once everything it needs exists.
 *
 * <p>Outputs published from any thread belong to the request the shell thread is handling;
 * replies go to the request being handled on the calling thread.
 */
public final class Channels {

  private final Kernel kernel;
  private final ThreadLocal<Deque<Runnable>> afterActions = ThreadLocal.withInitial(ArrayDeque::new);
  private volatile boolean shutdown;

  public Channels(Kernel kernel) {
    this.kernel = kernel;
  }

  /** The kernel's own start-up path (MainApp) is not used with this class. */
  public Channels(ConnectionProperties ignored) {
    throw new UnsupportedOperationException("start the course kernel with coursekernel.Main");
  }

  public void connect(RapaioKernel ignored) {
    throw new UnsupportedOperationException("start the course kernel with coursekernel.Main");
  }

  public void joinUntilClose() {
    kernel.awaitShutdown();
  }

  public void close() {
    kernel.shutdownNow();
  }

  public boolean hasMsgId() {
    return kernel.hasCurrentRequest();
  }

  /** The kernel tracks the current request itself; kept for the kernel's callers. */
  public void setMsgId(MessageId<?> ignored) {
  }

  public void freeMsgId() {
  }

  public void markForShutdown() {
    shutdown = true;
  }

  public boolean isMarkedForShutdown() {
    return shutdown;
  }

  public void writeToStdOut(String text) {
    kernel.stream("stdout", text);
  }

  public void writeToStdErr(String text) {
    kernel.stream("stderr", text);
  }

  public String readFromStdIn() {
    return kernel.readLine("");
  }

  public <T extends ContentType<T>> void publish(T content) {
    kernel.publish(content.type().name(), content);
  }

  public <T extends ContentType<T>> void reply(T content) {
    kernel.reply(content.type().name(), content);
  }

  public void replyError(MessageType<?> type, ErrorReply error) {
    kernel.reply(type.name(), error);
  }

  public void scheduleAfter(Runnable action) {
    afterActions.get().push(action);
  }

  public void runAfterActions() {
    Deque<Runnable> actions = afterActions.get();
    while (!actions.isEmpty()) actions.pop().run();
  }

  /** Busy/idle around every request is published by the kernel's loops; nothing to add. */
  public void busyThenIdle() {
  }
}
