package dev.repflow.worker.runtime;

import dev.repflow.common.RepflowSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.GetSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and registers repflow's custom search attributes ({@link RepflowSearchAttributes#ALL}, all
 * Keyword) on a namespace.
 *
 * <p>A workflow that upserts an unregistered attribute fails its workflow task forever, so the CLI
 * only sets them when {@link #ensureRegistered()} returns true.
 */
public final class SearchAttributeSupport {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeSupport.class);
  private static final long DEADLINE_SECONDS = 10;

  private final WorkflowServiceStubs service;
  private final OperatorServiceStubs operator;
  private final String namespace;

  public SearchAttributeSupport(
      WorkflowServiceStubs service, OperatorServiceStubs operator, String namespace) {
    this.service = service;
    this.operator = operator;
    this.namespace = namespace;
  }

  /**
   * Repflow attribute names not registered as Keyword, or empty when the server cannot list its
   * attributes (Temporal's Java test server implements neither listing call).
   */
  public Optional<List<String>> missing() {
    return registered()
        .map(
            known ->
                names().stream()
                    .filter(name -> known.get(name) != IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                    .toList());
  }

  /** True only when the server confirms every repflow attribute is registered. */
  public boolean allRegistered() {
    return missing().map(List::isEmpty).orElse(false);
  }

  /**
   * Adds the attributes that are missing (all of them when the server cannot list), one per request
   * so that one already present does not fail the others.
   *
   * @return true when all are registered now; false after one warning line that says how to
   *     register them by hand
   */
  public boolean ensureRegistered() {
    Optional<List<String>> listed;
    try {
      listed = missing();
    } catch (StatusRuntimeException e) {
      // Listing may be denied where adding is not (or both fail; the adds then report why).
      listed = Optional.empty();
    }
    List<String> failed = new ArrayList<>();
    String reason = "";
    for (String name : listed.orElseGet(SearchAttributeSupport::names)) {
      try {
        add(name);
      } catch (StatusRuntimeException e) {
        // ALREADY_EXISTS is fine unless the listing showed it under another type than Keyword.
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS || listed.isPresent()) {
          failed.add(name);
          reason = oneLine(e);
        }
      }
    }
    if (failed.isEmpty()) {
      return true;
    }
    log.warn(
        "Search attributes {} are not registered on namespace {} and could not be added ({});"
            + " runs start without them. Register them with: {}",
        failed,
        namespace,
        reason,
        createCommands(namespace, failed));
    return false;
  }

  /** The Temporal CLI commands that register {@code names} on a real cluster, joined by "; ". */
  public static String createCommands(String namespace, List<String> names) {
    String command =
        "temporal operator search-attribute create --namespace %s --name %s --type Keyword";
    return names.stream()
        .map(name -> String.format(command, namespace, name))
        .collect(Collectors.joining("; "));
  }

  private static List<String> names() {
    return RepflowSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList();
  }

  private void add(String name) {
    operator
        .blockingStub()
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .setNamespace(namespace)
                .putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
  }

  /** Custom attributes by name: OperatorService first, then the older WorkflowService call. */
  private Optional<Map<String, IndexedValueType>> registered() {
    List<Supplier<Map<String, IndexedValueType>>> sources =
        List.of(
            () ->
                operator
                    .blockingStub()
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .listSearchAttributes(
                        ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
                    .getCustomAttributesMap(),
            () ->
                service
                    .blockingStub()
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .getSearchAttributes(GetSearchAttributesRequest.getDefaultInstance())
                    .getKeysMap());
    for (Supplier<Map<String, IndexedValueType>> source : sources) {
      try {
        return Optional.of(source.get());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw e;
        }
      }
    }
    return Optional.empty();
  }

  private static String oneLine(StatusRuntimeException e) {
    return e.getMessage().replaceAll("\\s+", " ");
  }
}
