/** Weight-imprinting pipeline: a memoized grid of GEN/NORM/AGG configs over tasks, CD diagram. */
package dev.repflow.imprinting;
