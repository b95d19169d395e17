/** FUNGI activities and their maths: per-sample gradients, projections, evaluation. */
package dev.repflow.fungi;
