package dev.repflow.stitching;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.models.TrainedBackbone;
import java.util.List;

/**
 * Output of {@link StitchingWorkflow}.
 *
 * @param backbones trained networks in the order of the spec's {@code models}
 * @param plot SVG of accuracy vs rank (probes and direct matching)
 */
public record StitchingResult(
    List<TrainedBackbone> backbones,
    List<StitchResult> stitches,
    List<ProbeResult> probes,
    List<SimilarityResult> similarities,
    List<OodDetector> detectors,
    ArtifactRef plot,
    int cachedSteps,
    int totalSteps) {}
