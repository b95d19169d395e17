/**
 * Stitching, probes, similarity indices and energy OOD detectors: maths classes without Temporal
 * types, and {@link dev.repflow.stitching.StitchingActivitiesImpl}.
 */
package dev.repflow.stitching;
