package dev.repflow.worker.runtime;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server on a TCP port, so workers and clients in other processes can use it
 * like a real cluster. State lives in memory and ends with this object.
 *
 * <p>It has no TLS and no authentication: anyone who reaches the port can start workflows. It
 * therefore listens on loopback unless told otherwise ({@link #start(String, int)}); the SDK's own
 * {@code TestServer.createPortBoundServer} would listen on every interface.
 *
 * <p>Runs in real time: in time-skipping mode idle workflows would jump to their timeouts. Workflow
 * tasks always go to the normal task queue ({@link NoStickyExecution}), so a run goes on when the
 * worker that ran its last workflow task dies or stops.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  /** The only namespace the embedded server is set up for. */
  public static final String NAMESPACE = "default";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

  /** Where embedded servers listen unless {@code --listen} says otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private final TestServicesStarter services;
  private final Server server;
  private final String target;
  private boolean searchAttributesRegistered;

  private EmbeddedTemporal(TestServicesStarter services, Server server, String target) {
    this.services = services;
    this.server = server;
    this.target = target;
  }

  /** {@link #start(String, int)} on loopback. */
  public static EmbeddedTemporal start(int port) {
    return start(LOOPBACK, port);
  }

  /**
   * Starts the server on {@code host}:{@code port} (0 = a free port) and registers repflow's search
   * attributes on {@link #NAMESPACE}.
   *
   * @throws ServiceStartException in one line when the server cannot start (e.g. port in use)
   */
  public static EmbeddedTemporal start(String host, int port) {
    int chosen = port == 0 ? FreePorts.pick() : port;
    EmbeddedTemporal temporal =
        serve(new InetSocketAddress(host, chosen), InsecureServerCredentials.create(), List.of());
    try {
      temporal.searchAttributesRegistered = registerSearchAttributes(temporal.target);
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
    log.info("Embedded Temporal at {}:{} (namespace {})", host, chosen, NAMESPACE);
    return temporal;
  }

  /**
   * The test server's services on {@code address} with the given transport security and server
   * interceptors (tests use TLS and an API-key check); no search attributes registered. Uses the
   * test server's internal classes, pinned with the SDK version; EmbeddedTemporalTest and
   * TemporalTlsTest cover them. Sticky execution is always off ({@link NoStickyExecution}).
   */
  public static EmbeddedTemporal serve(
      InetSocketAddress address, ServerCredentials credentials, List<ServerInterceptor> checks) {
    // true = lock time skipping, i.e. real time.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      ServerBuilder<?> builder = NettyServerBuilder.forAddress(address, credentials);
      List<ServerInterceptor> interceptors = new ArrayList<>(checks);
      interceptors.add(new NoStickyExecution());
      GRPCServerHelper.registerServicesAndHealthChecks(
          services.getServices(), builder, interceptors);
      Server server = builder.build().start();
      return new EmbeddedTemporal(services, server, clientTarget(address, server.getPort()));
    } catch (IOException | RuntimeException e) {
      services.close();
      throw new ServiceStartException(
          "cannot start embedded Temporal on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + ": "
              + rootMessage(e),
          e);
    }
  }

  /** gRPC target for clients and workers, e.g. {@code 127.0.0.1:7233}. */
  public String target() {
    return target;
  }

  public int port() {
    return server.getPort();
  }

  /** Whether repflow's search attributes were registered at start. */
  public boolean searchAttributesRegistered() {
    return searchAttributesRegistered;
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  /** How a client on this machine reaches {@code address}: loopback for a wildcard address. */
  private static String clientTarget(InetSocketAddress address, int port) {
    InetAddress ip = address.getAddress();
    String host = ip == null || ip.isAnyLocalAddress() ? LOOPBACK : address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
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
