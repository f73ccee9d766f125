package io.wabridge.processor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Topics;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.processor.conversation.ConversationSettings;
import io.wabridge.processor.conversation.ConversationStore;
import io.wabridge.processor.conversation.Retention;
import io.wabridge.processor.handover.HandoverProvider;
import io.wabridge.processor.handover.HandoverProviders;
import io.wabridge.processor.handover.HandoverTimers;
import io.wabridge.processor.handover.Handovers;
import io.wabridge.processor.handover.KafkaHandoverProvider;
import io.wabridge.processor.input.MediaUrlSettings;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.processor.output.OutputMapper;
import io.wabridge.processor.output.OutputSettings;
import io.wabridge.processor.transform.Transformers;
import io.wabridge.processor.translate.Translations;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import io.wabridge.support.consume.ConsumerLoopHealth;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.observe.EndpointCircuits;
import io.wabridge.support.observe.RecordTracing;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/**
 * Wires the pipeline: declares the changelog and dead-letter topics, and builds each session's
 * consumer, transactional producer and restorer with the shared {@link KafkaClientFactory}
 * (every {@code spring.kafka.*} setting applies).
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
                        .replicas(topics.replicationFactor()).build(),
                // Replies stopped by a closed customer-service window go where egress puts what it cannot send.
                TopicBuilder.name(Topics.deadLetterOf(topics.outbound())).partitions(topics.partitions())
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

    /** Every endpoint's translation provider (real-time translation), with its cache, retries and circuit breaker. */
    @Bean
    Translations translations(Endpoints endpoints, RestClient.Builder http, MeterRegistry meters) {
        return Translations.of(endpoints, http, meters);
    }

    /** The generic handover provider: events and user messages on the handover topic. */
    @Bean
    KafkaHandoverProvider kafkaHandoverProvider() {
        return new KafkaHandoverProvider();
    }

    /** Every {@link HandoverProvider} bean, by name; an endpoint naming one that is missing fails start-up. */
    @Bean
    Handovers handovers(List<HandoverProvider> providers, Endpoints endpoints, MeterRegistry meters) {
        HandoverProviders byName = new HandoverProviders(providers);
        endpoints.all().forEach(endpoint -> {
            String provider = endpoint.settings().handover().provider();
            if (!byName.has(provider)) {
                throw new IllegalStateException("wabridge.endpoints." + endpoint.id() + ".handover.provider is " + provider
                        + " but this processor has only " + byName.names());
            }
        });
        return new Handovers(byName, meters, Clock.systemUTC());
    }

    @Bean
    TurnHandler turnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputSettings output,
                            EventCodec codec, TopicSettings topics, ConversationSettings conversations, MeterRegistry meters,
                            RecordTracing tracing, Transformers transformers, Translations translations, Handovers handovers) {
        OutboundRecords records = new OutboundRecords(codec, topics.outbound(), Topics.deadLetterOf(topics.inbound()),
                topics.transcripts(), topics.handover(), Clock.systemUTC(), tracing);
        return new TurnHandler(endpoints, cognigy, mediaUrls, new OutputMapper(output), records, conversations.dedupeWindow(),
                Clock.systemUTC(), meters, tracing, transformers, translations,
                new TurnHandler.IdentityRouting(codec, topics.inbound(), conversations.claimLegacyState()), handovers);
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
    InboundProcessor inboundProcessor(KafkaClientFactory clients, KafkaProperties kafka, PipelineSettings settings, TopicSettings topics,
                                      ConversationSettings conversations, TurnHandler handler, EventCodec codec,
                                      ExecutorService turnWorkers, Endpoints endpoints) {
        // Offsets are committed inside the turn's transaction, so only committed records are read and no
        // transaction's output is seen before it commits.
        Map<String, Object> consumer = Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                // Cooperative: a rebalance revokes only the partitions that move, not every running turn.
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // The restorer assigns changelog partitions itself: no group, no assignor.
        Map<String, Object> restorer = Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // Transactional: a turn's replies, state change and input offset are written all or nothing; the
        // transactional id fences a zombie instance that still thinks it owns the partitions.
        Map<String, Object> producer = new HashMap<>(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
        // Transactions last milliseconds; a crashed instance's open one should not block read_committed readers for long
        // (15 s unless spring.kafka.[producer.]properties.transaction.timeout.ms says otherwise).
        String configuredTimeout = kafka.getProducer().getProperties()
                .getOrDefault(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, kafka.getProperties().get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, configuredTimeout != null ? configuredTimeout : "15000");

        // Lag and fetch meters of the current session's consumer (a new session's replace the old one's).
        return new InboundProcessor(() -> InboundTurns.session(
                clients.consumer(settings.groupId(), "inbound", consumer),
                clients.producer("transactions", producer),
                clients.consumer(null, "restorer", restorer),
                new ConversationStore(conversations.topic(), new Retention(conversations.retention(), endpoints), Clock.systemUTC()),
                handler, codec, turnWorkers, settings, topics.inbound(), new HandoverTimers(endpoints)),
                settings.drainTimeout());
    }
}
