/** Evaluation activities on stored features. */
package dev.repflow.eval;
