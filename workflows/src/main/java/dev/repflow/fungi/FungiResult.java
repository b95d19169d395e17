package dev.repflow.fungi;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.models.TrainedBackbone;
import java.util.List;
import java.util.Map;

/**
 * Output of {@link FungiWorkflow}.
 *
 * @param backbone the pretrained checkpoint; null for a TorchScript backbone
 * @param projection the shared projection
 * @param trainFeatures per block ({@code embeddings}, then each objective) the train-split file
 * @param testFeatures same for the test split
 * @param results one per combination, in the paper's order
 * @param summary JSON artifact holding the table (combination x metric)
 */
public record FungiResult(
    TrainedBackbone backbone,
    FungiProjection projection,
    Map<String, ArtifactRef> trainFeatures,
    Map<String, ArtifactRef> testFeatures,
    List<CombinationResult> results,
    ArtifactRef summary,
    int cachedSteps,
    int totalSteps) {}
