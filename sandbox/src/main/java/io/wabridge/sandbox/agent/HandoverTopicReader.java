package io.wabridge.sandbox.agent;

import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.kafka.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the handover topic from its beginning into {@link Handovers}, {@code read_committed} (so
 * only the events of committed turns), on one thread. No consumer group: every partition is
 * assigned, nothing is committed, and a restarted sandbox reads the open handovers again from the
 * topic. The sandbox starts before the services create the topic, so it waits for it; it never
 * creates it (that would give it the broker's default partition count). The broker and its
 * security are Boot's {@code spring.kafka.*} settings (bootstrap servers, TLS bundle, SASL), as for the services.
 */
@Component
class HandoverTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandoverTopicReader.class);

    private final SandboxSettings.AgentDesk settings;
    private final Handovers handovers;
    private final ObjectProvider<KafkaProperties> kafkaProperties;
    private final ObjectProvider<SslBundles> sslBundles;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    HandoverTopicReader(SandboxSettings settings, Handovers handovers, ObjectProvider<KafkaProperties> kafkaProperties,
            ObjectProvider<SslBundles> sslBundles) {
        this.settings = settings.agentDesk();
        this.handovers = handovers;
        this.kafkaProperties = kafkaProperties;
        this.sslBundles = sslBundles;
    }

    @Override
    public synchronized void start() {
        KafkaProperties kafka = kafkaProperties.getIfAvailable();
        if (!settings.enabled() || kafka == null) {
            log.info("Agent panel off (wabridge.sandbox.agent-desk.enabled={})", settings.enabled());
            return;
        }
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        applySslBundle(props, kafka);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wabridge-sandbox-agent-desk");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        running = true;
        thread = new Thread(this::run, "sandbox-agent-desk");
        thread.setDaemon(true);
        thread.start();
        log.info("Agent panel reads {} from {}", settings.topic(), props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * {@code spring.kafka.[consumer.]ssl.bundle}: since Spring Boot 3.5 {@code buildConsumerProperties}
     * leaves the bundle out (Boot's own factories add it), so it is applied here as Boot does
     * (as service-support's {@code KafkaClientFactory} does for the services).
     */
    private void applySslBundle(Map<String, Object> props, KafkaProperties kafka) {
        String name = kafka.getConsumer().getSsl().getBundle() != null ? kafka.getConsumer().getSsl().getBundle() : kafka.getSsl().getBundle();
        if (name == null || name.isBlank()) {
            return;
        }
        SslBundles bundles = sslBundles.getIfAvailable();
        if (bundles == null) {
            throw new IllegalStateException("spring.kafka.ssl.bundle is " + name + " but no SSL bundles are configured (spring.ssl.bundle.*)");
        }
        props.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
        props.put(SslBundle.class.getName(), bundles.getBundle(name));
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            while (running && !assign(kafka)) {
                pause();
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    read(record);
                }
            }
        } catch (WakeupException e) {
            // stop() woke it
        } catch (RuntimeException e) {
            log.error("Agent panel stopped reading {}", settings.topic(), e);
        }
    }

    private boolean assign(KafkaConsumer<String, byte[]> kafka) {
        try {
            List<PartitionInfo> partitions = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(2));
            if (partitions == null || partitions.isEmpty()) {
                return false;
            }
            kafka.assign(partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            handovers.apply(Json.mapper().readTree(record.value()));
        } catch (Exception e) {
            log.warn("Agent panel skips an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    /** Waiting for the topic to be created by the services; not a test. */
    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
