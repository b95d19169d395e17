package dev.repflow.faults;

import dev.repflow.faults.FaultPlan.Fault;
import dev.repflow.faults.HttpMessage.Framing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 proxy on loopback in front of one S3 endpoint that breaks requests as its {@link
 * FaultPlan} says. Requests are forwarded byte for byte (signatures stay valid), one upstream
 * connection per request; the client may keep its connection alive.
 */
final class FaultProxy implements AutoCloseable {
  private static final long LONG_TIME = Long.MAX_VALUE;

  private final ServerSocket server;
  private final URI upstream;
  private final FaultPlan plan;
  private final Duration stall;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /**
   * @param stall how long a stalled response stops; longer than the client's read timeout
   */
  FaultProxy(URI upstream, FaultPlan plan, Duration stall) throws IOException {
    this.upstream = upstream;
    this.plan = plan;
    this.stall = stall;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  FaultPlan plan() {
    return plan;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(client.getOutputStream());
      while (true) {
        HttpMessage request = HttpMessage.read(in);
        if (request == null) {
          return;
        }
        boolean keepOpen = exchange(request, plan.next(), client, in, out);
        out.flush();
        if (!keepOpen) {
          return;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // The client or S3 went away (often on purpose); the client retries on a new connection.
    } finally {
      open.remove(client);
    }
  }

  /** One request and its response; false when the client connection is done with. */
  private boolean exchange(
      HttpMessage request, Fault fault, Socket client, InputStream in, OutputStream out)
      throws IOException {
    switch (fault) {
      case RESET -> {
        reset(client);
        return false;
      }
      case SERVER_ERROR -> {
        serverError(request, in, out);
        return false;
      }
      default -> {
        return forward(request, fault, client, in, out);
      }
    }
  }

  private boolean forward(
      HttpMessage request, Fault fault, Socket client, InputStream in, OutputStream out)
      throws IOException {
    try (Socket s3 = new Socket(upstream.getHost(), upstream.getPort())) {
      open.add(s3);
      InputStream s3in = new BufferedInputStream(s3.getInputStream());
      OutputStream s3out = new BufferedOutputStream(s3.getOutputStream());
      s3out.write(request.bytes());
      s3out.flush();
      HttpMessage response = null;
      if (request.expectsContinue()) {
        // S3 answers "100 Continue" before the client sends the body, or refuses it at once.
        response = HttpMessage.read(s3in);
        out.write(response.bytes());
        out.flush();
        if (response.status() != 100) {
          HttpMessage.copyBody(
              s3in,
              out,
              response.responseFraming(request.method()),
              response.contentLength(),
              LONG_TIME);
          return false;
        }
      }
      Framing body = request.requestFraming();
      long length = request.contentLength();
      if (fault == Fault.TRUNCATED_REQUEST) {
        HttpMessage.copyBody(in, s3out, body, length, half(body, length));
        s3out.flush();
        reset(s3);
        reset(client);
        return false;
      }
      HttpMessage.copyBody(in, s3out, body, length, LONG_TIME);
      s3out.flush();
      do {
        response = HttpMessage.read(s3in);
      } while (response.status() == 100);
      return respond(request, response, fault, client, s3in, out);
    } finally {
      open.removeIf(Socket::isClosed);
    }
  }

  private boolean respond(
      HttpMessage request,
      HttpMessage response,
      Fault fault,
      Socket client,
      InputStream s3in,
      OutputStream out)
      throws IOException {
    Framing body = response.responseFraming(request.method());
    long length = response.contentLength();
    if (fault == Fault.STALL && body != Framing.LENGTH) {
      pause(); // nothing to cut in the middle: the answer itself is late
    }
    out.write(response.bytes());
    if (fault == Fault.TRUNCATED_RESPONSE) {
      HttpMessage.copyBody(s3in, out, body, length, half(body, length));
      out.flush();
      reset(client);
      return false;
    }
    if (fault == Fault.STALL && body == Framing.LENGTH) {
      long first = length / 2;
      HttpMessage.copyBody(s3in, out, body, first, first);
      out.flush();
      pause();
      HttpMessage.copyBody(s3in, out, body, length - first, LONG_TIME);
      return !response.closesConnection();
    }
    boolean whole = HttpMessage.copyBody(s3in, out, body, length, LONG_TIME);
    return whole && body != Framing.UNTIL_CLOSE && !response.closesConnection();
  }

  /** Answers like an overloaded S3 front end, without asking S3. */
  private void serverError(HttpMessage request, InputStream in, OutputStream out)
      throws IOException {
    if (!request.expectsContinue()) {
      HttpMessage.copyBody(
          in,
          OutputStream.nullOutputStream(),
          request.requestFraming(),
          request.contentLength(),
          LONG_TIME);
    }
    boolean slowDown = (request.target().hashCode() & 1) == 0;
    String code = slowDown ? "SlowDown" : "InternalError";
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>injected fault</Message></Error>";
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    String head =
        (slowDown ? "HTTP/1.1 503 Slow Down" : "HTTP/1.1 500 Internal Server Error")
            + "\r\nContent-Type: application/xml\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Where a truncated body is cut: half of a known length, else a few bytes in. */
  private static long half(Framing framing, long length) {
    return framing == Framing.LENGTH ? length / 2 : 16;
  }

  private void pause() {
    try {
      Thread.sleep(stall.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes with a TCP reset instead of an orderly close, as a crashed peer or middlebox does. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (SocketException alreadyClosed) {
      // Nothing left to reset.
    } catch (IOException e) {
      // Closing anyway.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(FaultProxy::reset);
    threads.shutdownNow();
  }
}
