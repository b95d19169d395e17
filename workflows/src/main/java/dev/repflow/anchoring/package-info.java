/** Anchored training (input [anchor, x - anchor]) and its evaluation on corrupted test sets. */
package dev.repflow.anchoring;
