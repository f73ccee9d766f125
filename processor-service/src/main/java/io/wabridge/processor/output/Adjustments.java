package io.wabridge.processor.output;

import java.util.ArrayList;
import java.util.List;

/**
 * What the mapping had to change to keep a Cognigy output valid for WhatsApp (a title clipped, a
 * row dropped, an output turned into text). The pipeline counts them as a warning metric.
 */
public final class Adjustments {

    private final List<String> reasons = new ArrayList<>();

    void note(String reason) {
        reasons.add(reason);
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }
}
