package dev.repflow.worker.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Plain-HTTP probes for a long-running worker (Kubernetes liveness/readiness, compose health
 * checks): {@code GET /livez} answers 200 while the process runs, {@code GET /readyz} 200 while the
 * worker polls and 503 once it drains for shutdown. Bodies say only {@code ok} or {@code stopping};
 * nothing about the run or its settings.
 */
public final class HealthEndpoint implements AutoCloseable {
  private final HttpServer server;

  private HealthEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves the probes on every interface (a pod's probes come from outside it) at {@code port} (0 =
   * any free port).
   *
   * @param ready whether the worker is polling
   * @throws ServiceStartException when the port cannot be bound
   */
  public static HealthEndpoint start(int port, BooleanSupplier ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new ServiceStartException(
          "cannot serve health probes on port " + port + ": " + e.getMessage(), e);
    }
    server.createContext("/livez", exchange -> answer(exchange, true));
    server.createContext("/readyz", exchange -> answer(exchange, ready.getAsBoolean()));
    server.start();
    return new HealthEndpoint(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, boolean ok) throws IOException {
    byte[] body = (ok ? "ok\n" : "stopping\n").getBytes(StandardCharsets.US_ASCII);
    int status = !"GET".equals(exchange.getRequestMethod()) ? 405 : ok ? 200 : 503;
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
