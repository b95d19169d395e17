package dev.repflow.transfer;

import dev.repflow.artifacts.ArtifactRef;
import dev.repflow.eval.KnnResult;
import dev.repflow.models.TrainedBackbone;
import java.util.List;

/**
 * Output of {@link TransferEvalWorkflow}.
 *
 * @param backbone the pretrained checkpoint
 * @param trainEmbeddings embeddings of the downstream train split (kNN memory)
 * @param testEmbeddings embeddings of the downstream test split (queries)
 * @param evaluations one kNN result per representation: embeddings, then pixels if asked
 * @param cachedSteps how many steps were reused from the cache
 * @param totalSteps how many steps ran or were reused
 */
public record TransferEvalResult(
    TrainedBackbone backbone,
    ArtifactRef trainEmbeddings,
    ArtifactRef testEmbeddings,
    List<KnnResult> evaluations,
    int cachedSteps,
    int totalSteps) {}
