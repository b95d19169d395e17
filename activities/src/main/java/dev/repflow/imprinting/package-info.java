/** Weight imprinting: proxy generators, normalizations, aggregations, CD statistics. */
package dev.repflow.imprinting;
