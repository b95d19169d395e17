/** Temporal and S3 servers: embedded dev servers, checked connections, search attributes. */
package dev.repflow.worker.runtime;
