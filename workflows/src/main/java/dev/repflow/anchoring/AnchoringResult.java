package dev.repflow.anchoring;

import java.util.List;

/**
 * Output of {@link AnchoringWorkflow}.
 *
 * @param models the trained models, standard first
 * @param report table (models x severities) and where its JSON and plot are stored
 * @param cachedSteps how many steps were reused from the cache
 * @param totalSteps how many steps ran or were reused
 */
public record AnchoringResult(
    List<AnchoredModel> models, AnchoringReport report, int cachedSteps, int totalSteps) {}
