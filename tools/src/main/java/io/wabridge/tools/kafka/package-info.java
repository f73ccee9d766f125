/** The Kafka clients the commands use: group-less readers of bounded ranges and a safe writer. */
package io.wabridge.tools.kafka;
