/** Backbones, their checkpoints, supervised training and frozen-backbone embedding (DJL). */
package dev.repflow.models;
