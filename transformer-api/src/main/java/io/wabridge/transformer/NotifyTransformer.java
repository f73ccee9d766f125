package io.wabridge.transformer;

/** Cognigy's {@code handleNotify}. */
public interface NotifyTransformer extends Transformer {

    /**
     * @return the values to go on with ({@code null} fields keep wabridge's), or {@code null} to stop
     *         the message (acknowledged and counted; see docs/transformers.md)
     */
    Input handleNotify(InputRequest request);
}
