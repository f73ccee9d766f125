package io.wabridge.processor.transform;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.transformer.Transformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transformers of all endpoints, loaded at start-up: an endpoint's script
 * ({@code transformers.script}) when set, else the {@code transformer-api} implementation on the
 * classpath ({@link ServiceLoader}) that {@link Transformer#appliesTo applies to} it. A script that
 * does not load, or two transformers for one endpoint, stop start-up.
 */
public final class Transformers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Transformers.class);

    private final Map<String, EndpointTransformer> byEndpoint;
    private final List<HookRunner> runners;
    private final ScheduledExecutorService watchdog;

    private Transformers(Map<String, EndpointTransformer> byEndpoint, List<HookRunner> runners, ScheduledExecutorService watchdog) {
        this.byEndpoint = Map.copyOf(byEndpoint);
        this.runners = List.copyOf(runners);
        this.watchdog = watchdog;
    }

    /** No endpoint has a transformer. */
    public static Transformers none() {
        return new Transformers(Map.of(), List.of(), null);
    }

    public static Transformers load(Endpoints endpoints, MeterRegistry meters) {
        return load(endpoints, meters, ServiceLoader.load(Transformer.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    static Transformers load(Endpoints endpoints, MeterRegistry meters, List<Transformer> javaTransformers) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "transformer-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        HostFunctions host = new HostFunctions();
        Map<String, EndpointTransformer> byEndpoint = new HashMap<>();
        List<HookRunner> runners = new ArrayList<>();
        try {
            for (Endpoint endpoint : endpoints.all()) {
                List<Transformer> java = javaTransformers.stream().filter(t -> t.appliesTo(endpoint.id())).toList();
                boolean scripted = endpoint.settings().transformers().scripted();
                if (java.size() + (scripted ? 1 : 0) > 1) {
                    throw new IllegalStateException("wabridge.endpoints." + endpoint.id() + " has more than one transformer: "
                            + (scripted ? "transformers.script and " : "") + java.stream().map(t -> t.getClass().getName()).toList());
                }
                if (!scripted && java.isEmpty()) {
                    continue;
                }
                HookRunner runner = scripted ? ScriptRunner.load(endpoint.id(), endpoint.settings().transformers(), host, watchdog)
                        : new JavaRunner(java.get(0));
                runners.add(runner);
                byEndpoint.put(endpoint.id(), new EndpointTransformer(endpoint, runner, meters));
                log.info("Endpoint {}: {}, hooks {}", endpoint.id(), runner, endpoint.settings().transformers().hooks().stream()
                        .filter(runner::defines).map(hook -> hook.function()).toList());
            }
        } catch (RuntimeException e) {
            runners.forEach(HookRunner::close);
            watchdog.shutdownNow();
            throw e;
        }
        return new Transformers(byEndpoint, runners, watchdog);
    }

    public Optional<EndpointTransformer> of(String endpointId) {
        return Optional.ofNullable(byEndpoint.get(endpointId));
    }

    @Override
    public void close() {
        runners.forEach(HookRunner::close);
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }
}
