package dev.repflow.imprinting;

import java.util.List;

/** JSON of the whole grid: tasks and every run, best mean accuracy first. */
record ResultsTable(List<String> tasks, List<RunRecord> runs) {}
