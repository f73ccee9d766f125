/**
 * Cognigy's transformer functions for teams that prefer Java: implement {@link io.wabridge.transformer.Transformer}
 * and one or more of the hook interfaces ({@link io.wabridge.transformer.InputTransformer},
 * {@link io.wabridge.transformer.OutputTransformer}, {@link io.wabridge.transformer.InjectTransformer},
 * {@link io.wabridge.transformer.NotifyTransformer}), list the class in
 * {@code META-INF/services/io.wabridge.transformer.Transformer} and put the jar on the processor's
 * classpath. The contracts are those of the JavaScript hooks (see {@code docs/transformers.md}):
 * {@code null} stops the message or drops the output, {@code null} fields keep wabridge's values.
 * Plain Java, no Spring: JSON objects are {@code Map<String, Object>} (lists, strings, numbers,
 * booleans, nested maps), as Jackson reads them.
 */
package io.wabridge.transformer;
