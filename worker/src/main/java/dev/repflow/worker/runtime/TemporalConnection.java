package dev.repflow.worker.runtime;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.SimplePlugin;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A checked connection to a Temporal namespace: service stubs, a {@link WorkflowClient} and
 * operator stubs on one channel. Closing it closes them all.
 */
public final class TemporalConnection implements AutoCloseable {
  /** How long the reachability check may take; a healthy server answers in milliseconds. */
  static final Duration CHECK_DEADLINE = Duration.ofSeconds(5);

  private final String target;
  private final String namespace;
  private final WorkflowServiceStubs service;
  private final OperatorServiceStubs operator;
  private final WorkflowClient client;

  private TemporalConnection(
      String target,
      String namespace,
      WorkflowServiceStubs service,
      OperatorServiceStubs operator,
      WorkflowClient client) {
    this.target = target;
    this.namespace = namespace;
    this.service = service;
    this.operator = operator;
    this.client = client;
  }

  /** Connects without plugins; see {@link #connect(String, String, List)}. */
  public static TemporalConnection connect(String target, String namespace) {
    return connect(target, namespace, List.of());
  }

  /**
   * Connects to {@code target} (host:port) and checks within {@link #CHECK_DEADLINE} that the
   * server answers and knows {@code namespace}.
   *
   * @param plugins set on the client (e.g. RepflowPlugin); a worker factory built on this client
   *     inherits those that are also worker plugins. Not on the service stubs too: the SDK would
   *     propagate them from there as well and run each twice.
   * @throws TemporalConnectionException with a one-line message when the check fails
   */
  public static TemporalConnection connect(
      String target, String namespace, List<? extends SimplePlugin> plugins) {
    SimplePlugin[] pluginArray = plugins.toArray(SimplePlugin[]::new);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      check(service, target, namespace);
    } catch (TemporalConnectionException e) {
      service.shutdownNow();
      throw e;
    }
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setPlugins(pluginArray)
                .build());
    return new TemporalConnection(target, namespace, service, operator, client);
  }

  private static void check(WorkflowServiceStubs service, String target, String namespace) {
    try {
      service
          .blockingStub()
          .withDeadlineAfter(CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      String problem =
          e.getStatus().getCode() == Status.Code.NOT_FOUND
              ? "has no such namespace"
              : "unreachable";
      throw new TemporalConnectionException(
          "Temporal at "
              + target
              + " "
              + problem
              + " (namespace "
              + namespace
              + "): "
              + describe(e),
          e);
    }
  }

  /** Status code, description and the transport cause (e.g. "Connection refused"), one line. */
  private static String describe(StatusRuntimeException e) {
    String text = e.getMessage();
    Throwable cause = e.getStatus().getCause();
    if (cause != null && cause.getMessage() != null) {
      text += " (" + cause.getMessage() + ")";
    }
    return text.replaceAll("\\s+", " ");
  }

  public String target() {
    return target;
  }

  public String namespace() {
    return namespace;
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  public WorkflowClient client() {
    return client;
  }

  /** Search-attribute checks for this namespace. */
  public SearchAttributeSupport searchAttributes() {
    return new SearchAttributeSupport(service, operator, namespace);
  }

  @Override
  public void close() {
    operator.shutdownNow();
    service.shutdown();
    service.awaitTermination(2, TimeUnit.SECONDS);
  }
}
