/**
 * Anchored training and inference (input [anchor, x - anchor], reference masking, averaging over
 * anchors), calibration metrics and the report of the anchoring pipeline.
 */
package dev.repflow.anchoring;
