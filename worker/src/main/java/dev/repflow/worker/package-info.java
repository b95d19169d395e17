/** The repflow CLI, client and worker wiring, and the embedded dev stack (Temporal + S3). */
package dev.repflow.worker;
