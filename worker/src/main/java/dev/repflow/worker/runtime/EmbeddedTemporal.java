package dev.repflow.worker.runtime;

import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server on a TCP port, so workers and clients in other processes can use it
 * like a real cluster. State lives in memory and ends with this object.
 *
 * <p>Runs in real time: in time-skipping mode idle workflows would jump to their timeouts.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  /** The only namespace the embedded server is set up for. */
  public static final String NAMESPACE = "default";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

  private final TestServer.PortBoundTestServer server;
  private final int port;
  private final boolean searchAttributesRegistered;

  private EmbeddedTemporal(
      TestServer.PortBoundTestServer server, int port, boolean searchAttributesRegistered) {
    this.server = server;
    this.port = port;
    this.searchAttributesRegistered = searchAttributesRegistered;
  }

  /**
   * Starts the server on {@code port} (0 = a free port) and registers repflow's search attributes
   * on {@link #NAMESPACE}.
   *
   * @throws ServiceStartException in one line when the server cannot start (e.g. port in use)
   */
  public static EmbeddedTemporal start(int port) {
    int chosen = port == 0 ? FreePorts.pick() : port;
    TestServer.PortBoundTestServer server;
    try {
      // true = lock time skipping, i.e. real time.
      server = TestServer.createPortBoundServer(chosen, true);
    } catch (RuntimeException e) {
      throw new ServiceStartException(
          "cannot start embedded Temporal on port " + chosen + ": " + rootMessage(e), e);
    }
    boolean registered;
    try {
      registered = registerSearchAttributes("127.0.0.1:" + chosen);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("Embedded Temporal at 127.0.0.1:{} (namespace {})", chosen, NAMESPACE);
    return new EmbeddedTemporal(server, chosen, registered);
  }

  /** gRPC target for clients and workers, e.g. {@code 127.0.0.1:7233}. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Whether repflow's search attributes were registered at start. */
  public boolean searchAttributesRegistered() {
    return searchAttributesRegistered;
  }

  @Override
  public void close() {
    server.close();
  }

  private static boolean registerSearchAttributes(String target) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      return new SearchAttributeSupport(service, operator, NAMESPACE).ensureRegistered();
    } finally {
      operator.shutdownNow();
      service.shutdownNow();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}
