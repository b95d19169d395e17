/** Neural-collapse pipeline: sharded streaming statistics of stored features, NC1-NC5 metrics. */
package dev.repflow.collapse;
