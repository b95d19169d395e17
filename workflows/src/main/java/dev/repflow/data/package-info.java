/** Dataset specs and dataset activities. */
package dev.repflow.data;
