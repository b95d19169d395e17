/** Pieces every pipeline workflow shares: task queues, activity presets, progress records. */
package dev.repflow.common;
