package dev.repflow.worker.runtime;

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

  /** Connects in plaintext without plugins, as to the embedded server. */
  public static TemporalConnection connect(String target, String namespace) {
    return connect(TemporalSettings.plaintext(target, namespace), List.of());
  }

  /**
   * Connects with {@code settings} (address, namespace, API key, TLS) and checks within {@link
   * #CHECK_DEADLINE} that the server answers, accepts the credentials and knows the namespace.
   *
   * @param plugins set on the client (e.g. RepflowPlugin); a worker factory built on this client
   *     inherits those that are also worker plugins. Not on the service stubs too: the SDK would
   *     propagate them from there as well and run each twice.
   * @throws TemporalConnectionException with a one-line message when the check fails
   */
  public static TemporalConnection connect(
      TemporalSettings settings, List<? extends SimplePlugin> plugins) {
    SimplePlugin[] pluginArray = plugins.toArray(SimplePlugin[]::new);
    String target = settings.address().orElseThrow();
    String namespace = settings.namespace();
    WorkflowServiceStubs service;
    try {
      service = WorkflowServiceStubs.newServiceStubs(settings.serviceStubsOptions());
    } catch (IllegalArgumentException e) {
      throw new TemporalConnectionException(e.getMessage(), e);
    }
    try {
      check(service, target, namespace);
    } catch (TemporalConnectionException e) {
      service.shutdownNow();
      throw e;
    }
    OperatorServiceStubs operator = operatorStubs(service);
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setPlugins(pluginArray)
                .build());
    return new TemporalConnection(target, namespace, service, operator, client);
  }

  /**
   * Operator stubs on the same channel with the same headers: the API key travels as a header added
   * per stub, not on the raw channel.
   */
  private static OperatorServiceStubs operatorStubs(WorkflowServiceStubs service) {
    WorkflowServiceStubsOptions options = service.getOptions();
    OperatorServiceStubsOptions.Builder operator =
        OperatorServiceStubsOptions.newBuilder().setChannel(service.getRawChannel());
    if (options.getGrpcMetadataProviders() != null) {
      operator.setGrpcMetadataProviders(options.getGrpcMetadataProviders());
    }
    if (options.getHeaders() != null) {
      operator.setHeaders(options.getHeaders());
    }
    return OperatorServiceStubs.newServiceStubs(operator.validateAndBuildWithDefaults());
  }

  private static void check(WorkflowServiceStubs service, String target, String namespace) {
    try {
      service
          .blockingStub()
          .withDeadlineAfter(CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      String problem =
          switch (e.getStatus().getCode()) {
            case NOT_FOUND -> "has no such namespace";
            case UNAUTHENTICATED, PERMISSION_DENIED ->
                "refused the credentials (TEMPORAL_API_KEY, TLS client certificate)";
            default -> "unreachable";
          };
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
