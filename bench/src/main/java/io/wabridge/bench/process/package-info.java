/**
 * Child processes: the systems under test and the load generator each run in a JVM of their
 * own, started from the harness's classpath, watched for peak heap and RSS, and stopped by the
 * harness (or by themselves when the harness goes away).
 */
package io.wabridge.bench.process;
