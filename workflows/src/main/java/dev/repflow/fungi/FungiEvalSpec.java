package dev.repflow.fungi;

import java.util.List;

/**
 * How every feature combination is evaluated.
 *
 * @param classes class ids of the downstream task (train split = memory, test split = queries)
 * @param k kNN neighbours, default 20
 * @param pcaDim PCA dimensions fitted on train, default 512 (fewer when the features have fewer)
 * @param shots few-shot support sizes per class, default [1, 5, 10]
 * @param episodes seeded few-shot episodes per support size, default 5
 * @param probeEpochs full-batch optimisation steps of the linear probe, default 300
 * @param probeWeightDecay L2 penalty of the linear probe, default 1e-4
 * @param seed few-shot episode sampling, default 42
 */
public record FungiEvalSpec(
    List<Integer> classes,
    int k,
    int pcaDim,
    List<Integer> shots,
    int episodes,
    int probeEpochs,
    Double probeWeightDecay,
    Long seed) {

  public FungiEvalSpec {
    k = k == 0 ? 20 : k;
    if (k < 1) {
      throw new IllegalArgumentException("evaluate.k must be positive, got " + k);
    }
    pcaDim = pcaDim == 0 ? 512 : pcaDim;
    if (pcaDim < 1) {
      throw new IllegalArgumentException("evaluate.pcaDim must be positive, got " + pcaDim);
    }
    shots = shots == null ? List.of(1, 5, 10) : List.copyOf(shots);
    for (int s : shots) {
      if (s < 1) {
        throw new IllegalArgumentException("evaluate.shots must be positive, got " + s);
      }
    }
    episodes = episodes == 0 ? 5 : episodes;
    probeEpochs = probeEpochs == 0 ? 300 : probeEpochs;
    if (episodes < 1 || probeEpochs < 1) {
      throw new IllegalArgumentException("evaluate.episodes and evaluate.probeEpochs must be >= 1");
    }
    probeWeightDecay = probeWeightDecay == null ? 1e-4 : probeWeightDecay;
    if (probeWeightDecay < 0) {
      throw new IllegalArgumentException(
          "evaluate.probeWeightDecay must be >= 0, got " + probeWeightDecay);
    }
    seed = seed == null ? 42L : seed;
  }

  FungiEvalSpec withClasses(List<Integer> ids) {
    return new FungiEvalSpec(ids, k, pcaDim, shots, episodes, probeEpochs, probeWeightDecay, seed);
  }
}
