/**
 * Model stitching (direct vs task-loss matching), linear probes and similarity at ranks, and energy
 * OOD detectors on representations.
 */
package dev.repflow.stitching;
