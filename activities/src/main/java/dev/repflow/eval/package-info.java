/** Evaluation of stored features: kNN classification, the logistic probe and their metrics. */
package dev.repflow.eval;
