package dev.repflow.worker.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repflow.common.StageStatus;
import java.util.List;

/**
 * A run in full, as {@code repflow status -o json} prints it.
 *
 * @param stages stage states while it runs (empty when it is closed or did not answer)
 * @param details the run's "current details" markdown while it runs, or null
 * @param spec the run's input as it was started
 * @param result the run's result once it completed, else null
 * @param failure one line saying why it failed, else null
 */
public record RunStatus(
    RunSummary run,
    List<StageStatus> stages,
    String details,
    JsonNode spec,
    JsonNode result,
    String failure) {}
