/** Neural-collapse metrics: mergeable streaming accumulators and the NC1-NC5 measures. */
package dev.repflow.collapse;
