/** Results: figures with their targets, the machine they came from, a table for people and JSON for tools. */
package io.wabridge.bench.report;
