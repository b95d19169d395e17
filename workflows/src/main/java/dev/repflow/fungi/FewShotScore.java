package dev.repflow.fungi;

/**
 * Few-shot accuracy over seeded episodes.
 *
 * @param shots support images per class
 * @param mean mean accuracy over episodes
 * @param std standard deviation over episodes (population)
 */
public record FewShotScore(int shots, double mean, double std) {}
