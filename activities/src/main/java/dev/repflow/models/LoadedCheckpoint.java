package dev.repflow.models;

/**
 * A classifier restored from a checkpoint, with its training state when the checkpoint has one.
 *
 * @param model parameters loaded, ready for inference
 * @param state null for checkpoints written without training state
 */
record LoadedCheckpoint(Classifier model, TrainingState state) {}
