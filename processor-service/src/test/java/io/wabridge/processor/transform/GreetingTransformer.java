package io.wabridge.processor.transform;

import io.wabridge.transformer.Input;
import io.wabridge.transformer.InputRequest;
import io.wabridge.transformer.InputTransformer;
import io.wabridge.transformer.OutputRequest;
import io.wabridge.transformer.OutputTransformer;
import java.util.Map;

/** A Java transformer found by {@link java.util.ServiceLoader} (see {@code META-INF/services}); serves endpoint {@code java-demo} only. */
public class GreetingTransformer implements InputTransformer, OutputTransformer {

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals("java-demo");
    }

    @Override
    public Input handleInput(InputRequest request) {
        if ("drop".equals(request.input().text())) {
            return null;
        }
        if ("fail".equals(request.input().text())) {
            throw new IllegalStateException("failing on purpose");
        }
        int visits = ((Number) request.sessionStorage().getOrDefault("visits", 0)).intValue() + 1;
        request.sessionStorage().put("visits", visits);
        return Input.unchanged().withText("hello " + request.input().text() + " #" + visits);
    }

    @Override
    public Object handleOutput(OutputRequest request) {
        if ("drop".equals(request.output().get("text"))) {
            return null;
        }
        return Map.of("type", "text", "text", Map.of("body", "java says " + request.output().get("text")));
    }
}
