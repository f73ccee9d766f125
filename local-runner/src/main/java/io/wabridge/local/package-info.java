/**
 * The whole pipeline in one JVM for a laptop: a Kafka broker (KRaft) in-process with its data in a
 * local folder, the services, and the sandbox fakes. For trying wabridge and for development, never
 * for production (run the services' own jars or containers there).
 */
package io.wabridge.local;
