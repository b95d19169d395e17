package dev.repflow.worker.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.repflow.reports.RunDocument;
import dev.repflow.worker.runs.RunCatalog;
import dev.repflow.worker.runs.StoredReports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results browser's HTTP server, bound to the loopback interface only: {@code /} (runs), {@code
 * /runs/ID} (a run), {@code /runs/ID/report.html} (its report as stored) and {@code
 * /compare?id=A&id=B} (runs side by side).
 */
public final class ResultsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResultsServer.class);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final RunsView view;
  private final String source;

  private ResultsServer(HttpServer server, RunsView view, String source) {
    this.server = server;
    this.view = view;
    this.source = source;
  }

  /**
   * Starts serving on 127.0.0.1.
   *
   * @param port 0 for any free port
   * @param temporal the server's runs, or null to show only stored reports
   * @param source one line naming where runs come from, shown on the list page
   */
  public static ResultsServer start(
      int port, RunCatalog temporal, StoredReports stored, String source) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ResultsServer results = new ResultsServer(http, new RunsView(temporal, stored), source);
    http.createContext("/", results::handle);
    http.setExecutor(results.threads);
    http.start();
    return results;
  }

  /** E.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain", "GET only");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      try {
        route(exchange, path);
      } catch (RuntimeException e) {
        log.warn("{} failed", path, e);
        send(exchange, 500, "text/html", Pages.error("Error", e.toString()));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      send(exchange, 200, "text/html", ListPage.render(view.runs(), source));
    } else if (path.equals("/compare")) {
      compare(exchange, ids(exchange.getRequestURI().getRawQuery()));
    } else if (path.startsWith("/runs/") && path.endsWith("/report.html")) {
      String id =
          decode(path.substring("/runs/".length(), path.length() - "/report.html".length()));
      Optional<String> html =
          view.run(id).flatMap(view::document).flatMap(doc -> view.reportFile(doc, "report.html"));
      sendOr404(exchange, html, "no report for " + id);
    } else if (path.startsWith("/runs/")) {
      String id = decode(path.substring("/runs/".length()));
      sendOr404(exchange, view.run(id).map(run -> RunPage.render(view, run)), "no run " + id);
    } else {
      send(exchange, 404, "text/html", Pages.error("Not found", path));
    }
  }

  private void compare(HttpExchange exchange, List<String> ids) throws IOException {
    List<RunDocument> docs = new ArrayList<>();
    for (String id : ids) {
      Optional<RunDocument> doc = view.run(id).flatMap(view::document);
      if (doc.isEmpty()) {
        send(exchange, 404, "text/html", Pages.error("Compare", id + " has no report yet"));
        return;
      }
      docs.add(doc.get());
    }
    try {
      send(exchange, 200, "text/html", ComparePage.render(Comparison.of(docs)));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/html", Pages.error("Compare", e.getMessage()));
    }
  }

  private static List<String> ids(String query) {
    List<String> ids = new ArrayList<>();
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("id=") && part.length() > 3) {
          ids.add(decode(part.substring(3)));
        }
      }
    }
    return ids;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void sendOr404(HttpExchange exchange, Optional<String> page, String missing)
      throws IOException {
    if (page.isPresent()) {
      send(exchange, 200, "text/html", page.get());
    } else {
      send(exchange, 404, "text/html", Pages.error("Not found", missing));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
