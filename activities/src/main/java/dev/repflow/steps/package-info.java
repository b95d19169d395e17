/** Plumbing every activity shares: failure classification, progress heartbeats, step cache. */
package dev.repflow.steps;
