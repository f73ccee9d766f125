package io.wabridge.sandbox.agent;

import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the handover topic from its beginning into {@link Handovers}, {@code read_committed} (so
 * only the events of committed turns), on one thread. No consumer group: every partition is
 * assigned, nothing is committed, and a restarted sandbox reads the open handovers again from the
 * topic. The sandbox starts before the services create the topic, so it waits for it; it never
 * creates it (that would give it the broker's default partition count).
 */
@Component
class HandoverTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandoverTopicReader.class);

    private final SandboxSettings.AgentDesk settings;
    private final Handovers handovers;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    HandoverTopicReader(SandboxSettings settings, Handovers handovers) {
        this.settings = settings.agentDesk();
        this.handovers = handovers;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            log.info("Agent panel off: wabridge.sandbox.agent-desk.bootstrap-servers is not set");
            return;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
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
        log.info("Agent panel reads {} from {}", settings.topic(), settings.bootstrapServers());
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
