package io.wabridge.transformer;

import java.util.Map;

/**
 * The argument of {@link OutputTransformer#handleOutput}, Cognigy's {@code {endpoint, output,
 * processedOutput, userId, sessionId}}.
 *
 * @param output          the Cognigy output ({@code {text, data, ...}})
 * @param processedOutput the WhatsApp message it became (a map), a list of them when it became several, null when none
 * @param sessionStorage  as in {@link InputRequest#sessionStorage()}
 */
public record OutputRequest(Endpoint endpoint, Map<String, Object> output, Object processedOutput, String userId, String sessionId,
                            Map<String, Object> sessionStorage) {
}
