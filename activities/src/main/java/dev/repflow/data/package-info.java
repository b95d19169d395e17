/** Dataset readers and in-memory image sets (no DJL, no Temporal types). */
package dev.repflow.data;
