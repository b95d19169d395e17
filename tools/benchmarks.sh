#!/usr/bin/env bash
# Runs repflow's benchmarks (JUnit tests tagged `benchmark`, see docs/benchmarks.md) under one CPU
# numerics profile and keeps their reports in activities/target/bench-<profile>/.
#
#   tools/benchmarks.sh portable|native [TestClass,...]
#
# Timings on a shared machine are only comparable at low load: it first waits (up to 30 minutes)
# for the 1-minute load average to fall below 2.5, then runs anyway; every report records the load
# it started at. Each benchmark measures repflow and its baseline side by side, interleaved.
set -euo pipefail
profile=${1:?usage: tools/benchmarks.sh portable|native [TestClass,...]}
tests=${2:-EvaluationBenchmarkTest,ProjectionBenchmarkTest,FungiThroughputBenchmarkTest}
cd "$(dirname "$0")/.."
for _ in $(seq 60); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$load" 'BEGIN { exit !(l < 2.5) }' && break
  echo "load average $load: waiting 30 s" >&2
  sleep 30
done
REPFLOW_NUMERICS=$profile mvn -B -o -q -pl activities -am test -Dtest="$tests" \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups= -Dgroups=benchmark
mkdir -p "activities/target/bench-$profile"
for report in activities/target/*-benchmark.txt; do
  mv "$report" "activities/target/bench-$profile/"
  echo "== $report ($profile)"
  cat "activities/target/bench-$profile/$(basename "$report")"
done
