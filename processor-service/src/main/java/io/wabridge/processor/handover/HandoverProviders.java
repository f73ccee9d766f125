package io.wabridge.processor.handover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The providers this processor has, by {@link HandoverProvider#name()}. */
public final class HandoverProviders {

    private final Map<String, HandoverProvider> byName = new LinkedHashMap<>();

    public HandoverProviders(List<HandoverProvider> providers) {
        for (HandoverProvider provider : providers) {
            if (byName.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalStateException("two handover providers are named " + provider.name());
            }
        }
    }

    public Optional<HandoverProvider> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
