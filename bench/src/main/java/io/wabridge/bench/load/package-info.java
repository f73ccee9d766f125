/**
 * Open-loop load: requests are scheduled at fixed intended times and their latency is measured
 * from the intended time, so a slow answer never delays the next request's clock (no
 * coordinated omission). The generator runs in a process of its own ({@link
 * io.wabridge.bench.load.LoadGeneratorMain}) and is driven phase by phase over its standard input.
 */
package io.wabridge.bench.load;
