/** {@link dev.repflow.plugin.RepflowPlugin}: registers repflow on a team's own Temporal workers. */
package dev.repflow.plugin;
