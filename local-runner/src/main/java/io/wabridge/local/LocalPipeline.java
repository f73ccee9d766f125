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

    private final LocalSettings local;
    private final Map<String, String> env;
    private final List<String> extraArguments;

    private LocalPipeline(LocalKafka kafka, String bootstrapServers, LocalSettings local, Map<String, String> env,
            List<String> extraArguments) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.local = local;
        this.env = Map.copyOf(env);
        this.extraArguments = List.copyOf(extraArguments);
    }

    public static LocalPipeline start(LocalSettings local, Map<String, String> env) throws Exception {
        return start(local, env, List.of());
    }

    /** @param extraArguments more {@code --key=value} settings for every service (tests use them) */
    public static LocalPipeline start(LocalSettings local, Map<String, String> env, List<String> extraArguments) throws Exception {
        return start(local, env, extraArguments, List.of());
    }

    /**
     * @param extraArguments   more {@code --key=value} settings for every service (tests use them)
     * @param sandboxArguments more {@code --key=value} settings for the sandbox, e.g. its bot's reply delay
     */
    static LocalPipeline start(LocalSettings local, Map<String, String> env, List<String> extraArguments,
            List<String> sandboxArguments) throws Exception {
        EgressApplication.sizeCommonPool();
        LocalKafka kafka = local.externalKafka() == null
                ? LocalKafka.start(local.dataDir().resolve("kafka"), local.kafkaPort(), local.kafkaControllerPort())
                : null;
        LocalPipeline pipeline = new LocalPipeline(kafka, kafka == null ? local.externalKafka() : kafka.bootstrapServers(), local, env,
                extraArguments);
        try {
            if (LocalDefaults.sandboxNeeded(env)) {
                // First: the services call it (Graph API, bot), and it calls ingress only when someone chats.
                List<String> sandbox = new ArrayList<>(LocalDefaults.sandboxArguments(local, env));
                // Its agent panel reads the handover topic there; and the services' Kafka admin and health are on
                // this JVM's class path and start in its context too: without the broker's address they wait half
                // a minute for localhost:9092.
                sandbox.add("--spring.kafka.bootstrap-servers=" + pipeline.bootstrapServers);
                sandbox.addAll(sandboxArguments);
                pipeline.startContext("sandbox", SandboxApplication::builder, sandbox);
            }
            pipeline.startService("ingress", IngressApplication::builder, local.ingressPort(), List.of());
            pipeline.startService("processor", ProcessorApplication::builder, local.processorPort(), List.of());
            pipeline.startService("egress", EgressApplication::builder, local.egressPort(), List.of());
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

    /**
     * Starts one more instance of a service next to the pipeline's own, as scaling out would: same
     * broker, same consumer group, its own {@code port}. {@code instanceArguments} come on top of the
     * pipeline's settings and must not repeat one of them (Spring would join both values); a
     * processor instance needs its own {@code wabridge.processor.pipeline.transactional-id}.
     * Closing the pipeline closes it too.
     *
     * @param service e.g. {@code ProcessorApplication::builder}
     * @return the instance, to {@link #stop(ConfigurableApplicationContext) stop} it on its own
     */
    synchronized ConfigurableApplicationContext startInstance(String name, Supplier<SpringApplicationBuilder> service, int port,
            List<String> instanceArguments) {
        return startService(name, service, port, instanceArguments);
    }

    /**
     * Closes one instance started by this pipeline (as its process shutting down would); the rest of
     * the pipeline keeps running. How gracefully it goes is the instance's own settings' business
     * (e.g. the processor's {@code drain-timeout}, egress's {@code shutdown-grace}).
     */
    synchronized void stop(ConfigurableApplicationContext instance) {
        if (!running.remove(instance)) {
            throw new IllegalArgumentException("not an instance of this pipeline: " + instance.getId());
        }
        instance.close();
    }

    private ConfigurableApplicationContext startService(String name, Supplier<SpringApplicationBuilder> service, int port,
            List<String> instanceArguments) {
        List<String> arguments = new ArrayList<>(LocalDefaults.arguments(local, bootstrapServers, port, env));
        arguments.addAll(extraArguments);
        arguments.addAll(instanceArguments);
        return startContext(name, service, arguments);
    }

    private ConfigurableApplicationContext startContext(String name, Supplier<SpringApplicationBuilder> application,
            List<String> arguments) {
        log.info("Starting {}", name);
        ConfigurableApplicationContext context = application.get().run(arguments.toArray(String[]::new));
        running.add(context);
        return context;
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
