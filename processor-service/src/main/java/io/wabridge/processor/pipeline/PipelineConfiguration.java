package io.wabridge.processor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Topics;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.processor.conversation.ConversationSettings;
import io.wabridge.processor.conversation.ConversationStore;
import io.wabridge.processor.conversation.Retention;
import io.wabridge.processor.input.MediaUrlSettings;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.processor.output.OutputMapper;
import io.wabridge.processor.output.OutputSettings;
import io.wabridge.processor.transform.Transformers;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import io.wabridge.support.consume.ConsumerLoopHealth;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.observe.ConsumerMeters;
import io.wabridge.support.observe.EndpointCircuits;
import io.wabridge.support.observe.RecordTracing;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/**
 * Wires the pipeline: declares the changelog and dead-letter topics, and builds each session's
 * consumer, transactional producer and restorer from Spring Boot's {@code spring.kafka.*} properties.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    CognigyClient cognigyClient(CognigyClientSettings settings, RestClient.Builder http) {
        return new CognigyClient(settings, http);
    }

    /** The changelog is compacted: only each conversation's latest state matters. */
    @Bean
    KafkaAdmin.NewTopics processorTopics(TopicSettings topics, ConversationSettings conversations) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(conversations.topic()).partitions(topics.partitions()).replicas(topics.replicationFactor())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, topics.replicationFactor() > 1 ? "2" : "1")
                        .build(),
                TopicBuilder.name(Topics.deadLetterOf(topics.inbound())).partitions(topics.partitions())
                        .replicas(topics.replicationFactor()).build());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService turnWorkers(PipelineSettings settings) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "processor-turn-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    MediaUrls mediaUrls(MediaUrlSettings settings, WhatsAppApiSettings graph) {
        return new MediaUrls(settings, graph);
    }

    /** Every endpoint's transformer, loaded (and a broken script refused) at start-up. */
    @Bean(destroyMethod = "close")
    Transformers transformers(Endpoints endpoints, MeterRegistry meters) {
        return Transformers.load(endpoints, meters);
    }

    @Bean
    TurnHandler turnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputSettings output,
                            EventCodec codec, TopicSettings topics, ConversationSettings conversations, MeterRegistry meters,
                            RecordTracing tracing, Transformers transformers) {
        OutboundRecords records = new OutboundRecords(codec, topics.outbound(), Topics.deadLetterOf(topics.inbound()),
                topics.transcripts(), Clock.systemUTC(), tracing);
        return new TurnHandler(endpoints, cognigy, mediaUrls, new OutputMapper(output), records, conversations.dedupeWindow(),
                Clock.systemUTC(), meters, tracing, transformers);
    }

    /** {@code cognigy} health and circuit gauges; informational. */
    @Bean
    EndpointCircuits cognigy(CognigyClient cognigy, Endpoints endpoints) {
        return new EndpointCircuits(endpoints, endpoint -> cognigy.circuitState(endpoint.id()).name(),
                "wabridge.processor.cognigy.circuit.open", "1 while the endpoint's Cognigy circuit breaker is open (calls refused without trying)");
    }

    /** {@code inboundProcessor} health: UP while a consuming session runs, DOWN while stopped or (re)starting. */
    @Bean
    HealthIndicator inboundProcessorHealthIndicator(InboundProcessor inboundProcessor) {
        return new ConsumerLoopHealth(inboundProcessor);
    }

    @Bean
    InboundProcessor inboundProcessor(KafkaProperties kafka, PipelineSettings settings, TopicSettings topics,
                                      ConversationSettings conversations, TurnHandler handler, EventCodec codec,
                                      ExecutorService turnWorkers, Endpoints endpoints, ConsumerMeters consumerMeters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties(null));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // Cooperative: a rebalance revokes only the partitions that move, not every running turn.
        consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());

        Map<String, Object> restorer = new HashMap<>(consumer);
        restorer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        restorer.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);

        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties(null));
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        // Transactions last milliseconds; a crashed instance's open one should not block read_committed readers for long.
        producer.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);

        // Lag and fetch meters of the current session's consumer (a new session's replace the old one's).
        return new InboundProcessor(() -> InboundTurns.session(
                consumerMeters.bind("inbound", new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer())),
                new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer()),
                new KafkaConsumer<>(restorer, new StringDeserializer(), new ByteArrayDeserializer()),
                new ConversationStore(conversations.topic(), new Retention(conversations.retention(), endpoints), Clock.systemUTC()),
                handler, codec, turnWorkers, settings, topics.inbound()),
                settings.drainTimeout());
    }
}
