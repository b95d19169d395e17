/** The sweep's aggregation step: mean +- std per group from every point's report data. */
package dev.repflow.sweep;
