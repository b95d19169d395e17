package dev.repflow.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of one HTTP/1.1 request or response (start line and headers, kept byte for byte so a
 * signed request passes through unchanged) and how its body is framed.
 */
final class HttpMessage {
  /** How a body ends: after a length, after the last chunk, at connection close, or at once. */
  enum Framing {
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE,
    NONE
  }

  private final String startLine;
  private final List<String> headers;
  private final byte[] raw;

  private HttpMessage(String startLine, List<String> headers, byte[] raw) {
    this.startLine = startLine;
    this.headers = headers;
    this.raw = raw;
  }

  /** Reads a head up to its empty line; null when the stream ends before its first byte. */
  static HttpMessage read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    String startLine = line(in, raw);
    if (startLine == null) {
      return null;
    }
    List<String> headers = new ArrayList<>();
    for (String header = line(in, raw); ; header = line(in, raw)) {
      if (header == null) {
        throw new EOFException("connection closed inside a message head");
      }
      if (header.isEmpty()) {
        return new HttpMessage(startLine, headers, raw.toByteArray());
      }
      headers.add(header);
    }
  }

  byte[] bytes() {
    return raw;
  }

  String method() {
    return startLine.substring(0, startLine.indexOf(' '));
  }

  /** Request target, e.g. {@code /bucket/exp/step/key.h5?x-id=GetObject}. */
  String target() {
    String[] parts = startLine.split(" ");
    return parts.length > 1 ? parts[1] : "";
  }

  int status() {
    return Integer.parseInt(startLine.split(" ")[1]);
  }

  String header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String h : headers) {
      if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return h.substring(prefix.length()).trim();
      }
    }
    return null;
  }

  boolean expectsContinue() {
    return "100-continue".equalsIgnoreCase(header("Expect"));
  }

  long contentLength() {
    String length = header("Content-Length");
    return length == null ? -1 : Long.parseLong(length);
  }

  Framing requestFraming() {
    if (isChunked()) {
      return Framing.CHUNKED;
    }
    return contentLength() > 0 ? Framing.LENGTH : Framing.NONE;
  }

  /** Framing of this response to a {@code requestMethod} request (RFC 9112, section 6.3). */
  Framing responseFraming(String requestMethod) {
    int status = status();
    if ("HEAD".equals(requestMethod) || status < 200 || status == 204 || status == 304) {
      return Framing.NONE;
    }
    if (isChunked()) {
      return Framing.CHUNKED;
    }
    long length = contentLength();
    if (length >= 0) {
      return length == 0 ? Framing.NONE : Framing.LENGTH;
    }
    return Framing.UNTIL_CLOSE;
  }

  boolean closesConnection() {
    return "close".equalsIgnoreCase(header("Connection"));
  }

  private boolean isChunked() {
    String te = header("Transfer-Encoding");
    return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /**
   * Copies a message body from {@code in}, at most {@code limit} bytes of it as framed on the wire.
   *
   * @param length the body's length for {@link Framing#LENGTH}
   * @return true when the whole body was copied
   */
  static boolean copyBody(
      InputStream in, OutputStream out, Framing framing, long length, long limit)
      throws IOException {
    Budget budget = new Budget(out, limit);
    switch (framing) {
      case NONE -> {
        return true;
      }
      case LENGTH -> {
        return budget.copy(in, length) == length;
      }
      case UNTIL_CLOSE -> {
        budget.copy(in, Long.MAX_VALUE);
        return !budget.exhausted();
      }
      case CHUNKED -> {
        return copyChunks(in, budget);
      }
    }
    throw new IllegalStateException(framing.toString());
  }

  private static boolean copyChunks(InputStream in, Budget out) throws IOException {
    while (true) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      String sizeLine = line(in, raw);
      if (sizeLine == null || !out.write(raw.toByteArray())) {
        return false;
      }
      int semicolon = sizeLine.indexOf(';');
      long size =
          Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        // Trailer fields, then the empty line that ends the message.
        while (true) {
          raw.reset();
          String trailer = line(in, raw);
          if (trailer == null || !out.write(raw.toByteArray())) {
            return false;
          }
          if (trailer.isEmpty()) {
            return true;
          }
        }
      }
      if (out.copy(in, size + 2) != size + 2) { // data and its CRLF
        return false;
      }
    }
  }

  /** One CRLF-terminated line without its terminator, also appended to {@code raw}. */
  private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new EOFException("connection closed inside a line");
      }
      raw.write(b);
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      previous = b;
    }
  }

  /** An output that accepts at most a number of bytes. */
  private static final class Budget {
    private final OutputStream out;
    private long left;

    Budget(OutputStream out, long limit) {
      this.out = out;
      this.left = limit;
    }

    boolean exhausted() {
      return left <= 0;
    }

    /** Writes {@code bytes} if the budget allows all of them. */
    boolean write(byte[] bytes) throws IOException {
      if (bytes.length > left) {
        out.write(bytes, 0, (int) left);
        left = 0;
        return false;
      }
      out.write(bytes);
      left -= bytes.length;
      return true;
    }

    /** Copies up to {@code n} bytes (fewer when the input or the budget ends first). */
    long copy(InputStream in, long n) throws IOException {
      byte[] buffer = new byte[16 * 1024];
      long copied = 0;
      while (copied < n && left > 0) {
        int want = (int) Math.min(buffer.length, Math.min(n - copied, left));
        int read = in.read(buffer, 0, want);
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        copied += read;
        left -= read;
      }
      return copied;
    }
  }
}
