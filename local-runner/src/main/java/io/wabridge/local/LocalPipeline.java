package io.wabridge.local;

import io.wabridge.egress.EgressApplication;
import io.wabridge.ingress.IngressApplication;
import io.wabridge.processor.ProcessorApplication;
import io.wabridge.sandbox.SandboxApplication;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The running local pipeline: Kafka (unless an external one is configured), then each service as
 * its own Spring context on its own port, started exactly as its own {@code main} starts it.
 * Closing it stops the services in reverse order, then Kafka.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);

    private final LocalKafka kafka;
    private final String bootstrapServers;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    private final List<String> extraArguments;

    private LocalPipeline(LocalKafka kafka, String bootstrapServers, List<String> extraArguments) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.extraArguments = List.copyOf(extraArguments);
    }

    public static LocalPipeline start(LocalSettings local, Map<String, String> env) throws Exception {
        return start(local, env, List.of());
    }

    /** @param extraArguments more {@code --key=value} settings for every service (tests use them) */
    public static LocalPipeline start(LocalSettings local, Map<String, String> env, List<String> extraArguments) throws Exception {
        EgressApplication.sizeCommonPool();
        LocalKafka kafka = local.externalKafka() == null
                ? LocalKafka.start(local.dataDir().resolve("kafka"), local.kafkaPort(), local.kafkaControllerPort())
                : null;
        LocalPipeline pipeline = new LocalPipeline(kafka, kafka == null ? local.externalKafka() : kafka.bootstrapServers(), extraArguments);
        try {
            if (LocalDefaults.sandboxNeeded(env)) {
                // First: the services call it (Graph API, bot), and it calls ingress only when someone chats.
                pipeline.startContext("sandbox", SandboxApplication::builder, LocalDefaults.sandboxArguments(local, env));
            }
            pipeline.startService("ingress", IngressApplication::builder, local.ingressPort(), local, env);
            pipeline.startService("processor", ProcessorApplication::builder, local.processorPort(), local, env);
            pipeline.startService("egress", EgressApplication::builder, local.egressPort(), local, env);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    boolean kafkaInProcess() {
        return kafka != null;
    }

    private void startService(String name, Supplier<SpringApplicationBuilder> service, int port,
            LocalSettings local, Map<String, String> env) {
        List<String> arguments = new ArrayList<>(LocalDefaults.arguments(local, bootstrapServers, port, env));
        arguments.addAll(extraArguments);
        startContext(name, service, arguments);
    }

    private void startContext(String name, Supplier<SpringApplicationBuilder> application, List<String> arguments) {
        log.info("Starting {}", name);
        running.add(application.get().run(arguments.toArray(String[]::new)));
    }

    @Override
    public synchronized void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
        running.clear();
        if (kafka != null) {
            kafka.close();
        }
    }
}
