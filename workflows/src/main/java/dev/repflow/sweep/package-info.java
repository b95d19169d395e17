/** Sweeps: one child workflow per point of a seed/value grid over any pipeline, aggregated. */
package dev.repflow.sweep;
