/**
 * The systems under test as child processes: {@link io.wabridge.bench.sut.SutMain} starts one
 * role (the Kafka broker, ingress-service, or the no-work HTTP app) exactly as it runs for real,
 * and reports its heap when it stops.
 */
package io.wabridge.bench.sut;
