package dev.repflow.imprinting;

import dev.repflow.models.TrainedBackbone;

/** Output of {@link ImprintingWorkflow}; {@code memoizedRuns} were found finished and skipped. */
public record ImprintingResult(
    TrainedBackbone backbone,
    TaskSet tasks,
    ImprintingSummary summary,
    int memoizedRuns,
    int cachedSteps,
    int totalSteps) {}
