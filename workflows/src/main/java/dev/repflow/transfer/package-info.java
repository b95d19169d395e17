/** The platform pipeline: pretrain a backbone, embed held-out classes, evaluate by kNN. */
package dev.repflow.transfer;
