package coursekernel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rapaio.org.zeromq.ZMQ;
import org.rapaio.shaded.com.google.gson.JsonElement;
import org.rapaio.shaded.com.google.gson.JsonObject;
import org.rapaio.shaded.com.google.gson.JsonParser;

/**
 * The Jupyter wire format on one ZeroMQ socket: a message is the frames
 *
 * <pre>
 *   identities… | "&lt;IDS|MSG&gt;" | signature | header | parent_header | metadata | content | buffers…
 * </pre>
 *
 * where signature = hex(HMAC-SHA256(key, header ‖ parent_header ‖ metadata ‖ content)).
 *
 * <p>Reading never throws for bad input: a message that is not signed with the session key, or
 * whose frames or header are malformed, is consumed whole (so the next message starts at its
 * first frame), reported as {@link Rejected} and dropped by the caller. The kernel 3.0.1 threw a
 * SecurityException from its reading loop instead, which ended the shell thread for good.
 *
 * <p>A socket is not thread-safe, so every send holds the Wire's lock.
 */
final class Wire {
  static final String PROTOCOL_VERSION = "5.3";
  private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  final String name;                 // "shell", "control", …: for log lines
  final ZMQ.Socket socket;
  private final Signer signer;
  private final String session;      // this kernel's session id, in the header of everything it sends

  Wire(String name, ZMQ.Socket socket, Signer signer, String session) {
    this.name = name;
    this.socket = socket;
    this.signer = signer;
    this.session = session;
  }

  /** A request as received: raw frames kept, so a reply can quote the header byte for byte. */
  record Request(List<byte[]> identities, byte[] headerRaw, JsonObject header, byte[] contentRaw,
      JsonObject content, String type, String wireName) {

    String id() {
      return header.get("msg_id").getAsString();
    }

    boolean flag(String field, boolean otherwise) {
      JsonElement e = content.get(field);
      return e == null || e.isJsonNull() ? otherwise : e.getAsBoolean();
    }

    String text(String field) {
      JsonElement e = content.get(field);
      return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
  }

  /** Why a message was dropped (for the log: never its content, never the key). */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String why) {
      super(why);
    }
  }

  /** Blocks for the next message; returns it, or throws Rejected after consuming a bad one. */
  Request read() throws Rejected {
    List<byte[]> frames = new ArrayList<>();
    do {
      byte[] f = socket.recv(0);
      if (f == null) throw new Rejected("receive failed");
      frames.add(f);
    } while (socket.hasReceiveMore());
    return parse(frames);
  }

  /** The next message if one is already waiting, else null; never blocks. */
  Request readWaiting() throws Rejected {
    byte[] first = socket.recv(ZMQ.DONTWAIT);
    if (first == null) return null;
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (socket.hasReceiveMore()) frames.add(socket.recv(0));
    return parse(frames);
  }

  /** Splits and checks the frames of one message. Package-private for the kernel's self-test. */
  Request parse(List<byte[]> frames) throws Rejected {
    int d = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (MessageDigest.isEqual(frames.get(i), DELIMITER)) {
        d = i;
        break;
      }
    }
    if (d < 0) throw new Rejected("no <IDS|MSG> delimiter in " + frames.size() + " frame(s)");
    if (frames.size() < d + 6) throw new Rejected("only " + (frames.size() - d - 1) + " frame(s) after the delimiter, need 5");
    byte[] signature = frames.get(d + 1);
    byte[] header = frames.get(d + 2), parent = frames.get(d + 3), metadata = frames.get(d + 4), content = frames.get(d + 5);
    if (!signer.verifies(signature, header, parent, metadata, content)) {
      throw new Rejected("bad signature (not signed with this kernel's key)");
    }
    JsonObject h, c;
    try {
      h = JsonParser.parseString(new String(header, StandardCharsets.UTF_8)).getAsJsonObject();
      c = JsonParser.parseString(new String(content, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new Rejected("header or content is not a JSON object");
    }
    for (String field : List.of("msg_id", "msg_type", "session")) {
      JsonElement e = h.get(field);
      if (e == null || !e.isJsonPrimitive()) throw new Rejected("header has no " + field);
    }
    return new Request(List.copyOf(frames.subList(0, d)), header, h, content, c,
        h.get("msg_type").getAsString(), name);
  }

  /** A reply to (or an IOPub message caused by) {@code parent}; parent may be null. */
  void send(Request parent, String type, byte[] content) {
    byte[] header = header(type);
    byte[] parentHeader = parent == null ? "{}".getBytes(StandardCharsets.UTF_8) : parent.headerRaw();
    byte[] metadata = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] sig = signer.sign(header, parentHeader, metadata, content);
    List<byte[]> frames = new ArrayList<>(parent == null || isPub() ? topic(type) : parent.identities());
    frames.add(DELIMITER);
    frames.add(sig);
    frames.add(header);
    frames.add(parentHeader);
    frames.add(metadata);
    frames.add(content);
    synchronized (this) {
      for (int i = 0; i < frames.size() - 1; i++) socket.sendMore(frames.get(i));
      socket.send(frames.get(frames.size() - 1), 0);
    }
  }

  private boolean isPub() {
    return name.equals("iopub");
  }

  private List<byte[]> topic(String type) {
    return isPub() ? List.of(("kernel." + type).getBytes(StandardCharsets.UTF_8)) : Collections.emptyList();
  }

  private byte[] header(String type) {
    JsonObject h = new JsonObject();
    h.addProperty("msg_id", UUID.randomUUID().toString());
    h.addProperty("session", session);
    h.addProperty("username", "kernel");
    h.addProperty("date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    h.addProperty("msg_type", type);
    h.addProperty("version", PROTOCOL_VERSION);
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** HMAC signing with the session key; an empty key means messages are not signed. */
  static final class Signer {
    private final Mac mac;   // null: no key

    Signer(String scheme, String key) throws NoSuchAlgorithmException, InvalidKeyException {
      if (key == null || key.isEmpty()) {
        mac = null;
      } else {
        if (!"hmac-sha256".equals(scheme)) throw new NoSuchAlgorithmException("signature scheme " + scheme);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      }
    }

    synchronized byte[] sign(byte[]... parts) {
      if (mac == null) return new byte[0];
      for (byte[] p : parts) mac.update(p);
      byte[] raw = mac.doFinal();
      StringBuilder hex = new StringBuilder(raw.length * 2);
      for (byte b : raw) hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      return hex.toString().getBytes(StandardCharsets.US_ASCII);
    }

    boolean verifies(byte[] signature, byte[]... parts) {
      if (mac == null) return true;
      return MessageDigest.isEqual(sign(parts), signature);   // constant time
    }
  }
}
