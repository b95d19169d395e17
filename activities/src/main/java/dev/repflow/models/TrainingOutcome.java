package dev.repflow.models;

import java.nio.file.Path;

/**
 * How a training run ended.
 *
 * @param checkpoint the final checkpoint; the caller owns (and deletes) the file
 * @param epochs epochs the checkpoint holds, resumed ones included
 * @param trainAccuracy accuracy over the last epoch, measured while it trained
 * @param meanLoss mean cross-entropy over the last epoch
 */
public record TrainingOutcome(Path checkpoint, int epochs, double trainAccuracy, double meanLoss) {}
