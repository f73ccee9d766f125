package io.wabridge.transformer;

/** Cognigy's {@code handleOutput}, once per output of the flow. */
public interface OutputTransformer extends Transformer {

    /**
     * @return the WhatsApp message to send instead (a map with {@code type} and its body, or a list
     *         of them; checked against WhatsApp's limits), {@code request.processedOutput()} to keep
     *         it, or {@code null} to drop this output
     */
    Object handleOutput(OutputRequest request);
}
