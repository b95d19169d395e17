package dev.repflow.collapse;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.models.TrainedBackbone;

/**
 * Output of {@link CollapseWorkflow}.
 *
 * @param oodEmbeddings null when no OOD classes were measured
 */
public record CollapseResult(
    TrainedBackbone backbone,
    ArtifactRef trainEmbeddings,
    ArtifactRef testEmbeddings,
    ArtifactRef oodEmbeddings,
    ProbeResult probe,
    CollapseMetrics metrics,
    int cachedSteps,
    int totalSteps) {}
