package dev.repflow.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.repflow.common.RepflowSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalTest {
  private static EmbeddedTemporal temporal;
  private static TemporalConnection connection;
  private static OperatorServiceStubs operator;

  @BeforeAll
  static void start() {
    temporal = EmbeddedTemporal.start(0);
    // A separate client, as another process (worker, CLI) would connect.
    connection = TemporalConnection.connect(temporal.target(), EmbeddedTemporal.NAMESPACE);
    operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(connection.service().getRawChannel())
                .validateAndBuildWithDefaults());
  }

  @AfterAll
  static void stop() {
    operator.shutdownNow();
    connection.close();
    temporal.close();
  }

  @Test
  void registersRepflowSearchAttributes() {
    assertTrue(temporal.target().matches("127\\.0\\.0\\.1:\\d+"), temporal.target());
    assertTrue(temporal.searchAttributesRegistered());

    // The test server cannot list attributes, so registration is proven by re-adding each one.
    StatusRuntimeException list =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                operator
                    .blockingStub()
                    .listSearchAttributes(
                        ListSearchAttributesRequest.newBuilder().setNamespace("default").build()));
    assertEquals(Status.Code.UNIMPLEMENTED, list.getStatus().getCode());
    for (SearchAttributeKey<String> key : RepflowSearchAttributes.ALL) {
      StatusRuntimeException again =
          assertThrows(StatusRuntimeException.class, () -> add(key.getName()));
      assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode(), key.getName());
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> external =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> !a.isLoopbackAddress() && a instanceof Inet4Address)
            .findFirst();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

    try (Socket local = new Socket(InetAddress.getLoopbackAddress(), temporal.port())) {
      assertTrue(local.isConnected());
    }
    assertThrows(
        ConnectException.class,
        () -> new Socket(external.get(), temporal.port()).close(),
        "reachable on " + external.get());
  }

  @Test
  void supportReportsUnknownListingButRegistersIdempotently() {
    SearchAttributeSupport support = connection.searchAttributes();

    assertEquals(Optional.empty(), support.missing());
    assertTrue(support.ensureRegistered());
  }

  @Test
  void workflowCanUpsertRepflowAttributes() {
    WorkerFactory factory = WorkerFactory.newInstance(connection.client());
    factory.newWorker("sa-test").registerWorkflowImplementationTypes(UpsertStageImpl.class);
    factory.start();
    try {
      UpsertStage workflow =
          connection
              .client()
              .newWorkflowStub(
                  UpsertStage.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("sa-test")
                      .setWorkflowRunTimeout(Duration.ofSeconds(20))
                      .build());
      // An unregistered attribute would fail the workflow task forever (run timeout instead).
      assertEquals("done", workflow.run());
    } finally {
      factory.shutdownNow();
    }
  }

  @Test
  void aRunGoesOnWhenTheWorkerOfItsLastWorkflowTaskIsGone() {
    String queue = "sticky-test";
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setTaskQueue(queue)
            .setWorkflowId("sticky-test-run")
            .setWorkflowRunTimeout(Duration.ofSeconds(60))
            .build();
    WorkerFactory first = WorkerFactory.newInstance(connection.client());
    first.newWorker(queue).registerWorkflowImplementationTypes(AwaitSignalImpl.class);
    first.start();
    AwaitSignal run = connection.client().newWorkflowStub(AwaitSignal.class, options);
    WorkflowClient.start(run::run);
    // The first workflow task has completed on the first worker once its query is answered.
    assertEquals("waiting", run.state());
    first.shutdownNow();

    WorkerFactory second = WorkerFactory.newInstance(connection.client());
    second.newWorker(queue).registerWorkflowImplementationTypes(AwaitSignalImpl.class);
    second.start();
    try {
      run.go();
      // On the first worker's sticky queue this task would never start (the run would time out).
      assertEquals(
          "done", WorkflowStub.fromTyped(run).getResult(30, TimeUnit.SECONDS, String.class));
    } catch (TimeoutException e) {
      throw new AssertionError("the next workflow task never reached the second worker", e);
    } finally {
      second.shutdownNow();
    }
  }

  private static void add(String name) {
    operator
        .blockingStub()
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .setNamespace("default")
                .putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
  }

  /** Waits for a signal: two workflow tasks, the second after the first worker is gone. */
  @WorkflowInterface
  public interface AwaitSignal {
    @WorkflowMethod
    String run();

    @SignalMethod
    void go();

    @QueryMethod
    String state();
  }

  /** Implementation of {@link AwaitSignal}. */
  public static class AwaitSignalImpl implements AwaitSignal {
    private boolean go;

    @Override
    public String run() {
      Workflow.await(() -> go);
      return "done";
    }

    @Override
    public void go() {
      go = true;
    }

    @Override
    public String state() {
      return go ? "going" : "waiting";
    }
  }

  /** Upserts a repflow search attribute, as the pipelines' stage tracker does. */
  @WorkflowInterface
  public interface UpsertStage {
    @WorkflowMethod
    String run();
  }

  /** Implementation of {@link UpsertStage}. */
  public static class UpsertStageImpl implements UpsertStage {
    @Override
    public String run() {
      Workflow.upsertTypedSearchAttributes(RepflowSearchAttributes.STAGE.valueSet("done"));
      return Workflow.getTypedSearchAttributes().get(RepflowSearchAttributes.STAGE);
    }
  }
}
