/**
 * The benchmark harness: {@link io.wabridge.bench.BenchMain} runs the selected scenarios, each of
 * which starts its systems under test and a load generator as child processes, and reports the
 * figures as a table and as JSON. Run by hand, never in the test phase.
 */
package io.wabridge.bench;
