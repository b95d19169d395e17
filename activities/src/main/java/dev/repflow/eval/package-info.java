/** Evaluation of stored features: kNN classification and its metrics. */
package dev.repflow.eval;
