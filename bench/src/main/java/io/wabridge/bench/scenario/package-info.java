/**
 * Scenarios: each starts its own systems under test and load generator as child processes,
 * drives load phases, checks that the run is valid (nothing lost, nothing rejected), and returns
 * its figures and the processes' resource use. Add one by implementing {@link
 * io.wabridge.bench.scenario.Scenario} and listing it in {@link io.wabridge.bench.scenario.Scenarios}.
 */
package io.wabridge.bench.scenario;
