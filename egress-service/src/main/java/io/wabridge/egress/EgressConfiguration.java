package io.wabridge.egress;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.egress.graph.GraphClient;
import io.wabridge.egress.graph.GraphClientSettings;
import io.wabridge.egress.ledger.LedgerSettings;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.egress.pacing.Pacer;
import io.wabridge.egress.send.OutboundSender;
import io.wabridge.egress.send.RetrySettings;
import io.wabridge.egress.status.DeliveryWatch;
import io.wabridge.egress.status.StatusListener;
import io.wabridge.egress.status.StatusSearch;
import io.wabridge.egress.status.StatusPublisher;
import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.egress.throttle.ThroughputSettings;
import io.wabridge.model.Topics;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.observe.EndpointCircuits;
import io.wabridge.support.observe.RecordTracing;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** Wires egress: Kafka clients, its own topics, the Graph client and the sending pipeline. */
@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

    /** Timers for pacing, backoff and rate-limit waits: tasks only complete futures, so two threads do. */
    @Bean
    ScheduledExecutorService egressScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, daemonThreads("egress-timer"));
        scheduler.setRemoveOnCancelPolicy(true); // delivered-mode timeouts are mostly cancelled
        return scheduler;
    }

    /** Runs lane steps and continuations after Kafka writes, never on a Kafka client's own thread. */
    @Bean
    ExecutorService egressWorker() {
        return Executors.newFixedThreadPool(4, daemonThreads("egress-worker"));
    }

    /** Status and dead-letter writes and ledger entries: acks=all and idempotent, so none is lost or doubled by a producer retry. */
    @Bean
    ProducerFactory<String, byte[]> egressProducerFactory(KafkaClientFactory clients) {
        return clients.producerFactory("producer", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    @Bean
    KafkaTemplate<String, byte[]> egressKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    KafkaAdmin.NewTopics egressTopics(TopicSettings topics, LedgerSettings ledger) {
        NewTopic deadLetters = TopicBuilder.name(Topics.deadLetterOf(topics.outbound()))
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
        // Compacted so each outbound id keeps its last entry, and deleted after the retention.
        NewTopic sendLedger = TopicBuilder.name(ledger.topic())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(ledger.retention().toMillis()))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, topics.replicationFactor() > 1 ? "2" : "1")
                .build();
        return new KafkaAdmin.NewTopics(deadLetters, sendLedger);
    }

    @Bean
    GraphClient graphClient(WhatsAppApiSettings api, GraphClientSettings settings) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .executor(Executors.newFixedThreadPool(settings.ioThreads(), daemonThreads("egress-http")))
                .build();
        return new GraphClient(http, api, settings);
    }

    @Bean
    NumberThrottles numberThrottles(ThroughputSettings settings, ScheduledExecutorService egressScheduler) {
        return new NumberThrottles(settings, egressScheduler);
    }

    /** {@code graph} health and circuit gauges (token or account errors open a number's circuit); informational. */
    @Bean
    EndpointCircuits graph(NumberThrottles throttles, Endpoints endpoints) {
        return new EndpointCircuits(endpoints, endpoint -> throttles.of(endpoint).circuitState(), "wabridge.egress.graph.circuit.open",
                "1 while the number's Graph circuit is open (token or account error; sends refused)");
    }

    @Bean
    SendLedger sendLedger(LedgerSettings settings, KafkaClientFactory clients, KafkaTemplate<String, byte[]> template) {
        return new SendLedger(settings, clients, template);
    }

    @Bean
    DeliveryWatch deliveryWatch() {
        return new DeliveryWatch();
    }

    @Bean
    StatusListener statusListener(KafkaClientFactory clients, EventCodec codec, TopicSettings topics, DeliveryWatch watch,
                                  Endpoints endpoints) {
        return new StatusListener(clients, codec, topics, watch, StatusListener.needed(endpoints));
    }

    /** Reads statuses only for a send a crash interrupted (ledger intent without an accepted entry). */
    @Bean
    StatusSearch statusSearch(KafkaClientFactory clients, EventCodec codec, TopicSettings topics, LedgerSettings ledger) {
        return new StatusSearch(clients, codec, topics, ledger.intentWait());
    }

    @Bean
    StatusPublisher statusPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, TopicSettings topics) {
        return new StatusPublisher(template, codec, topics);
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> template, TopicSettings topics, Endpoints endpoints, MeterRegistry meters) {
        return new DeadLetters(template, Topics.deadLetterOf(topics.outbound()), endpoints, meters);
    }

    @Bean
    Pacer pacer(DeliveryWatch watch, ScheduledExecutorService egressScheduler) {
        return new Pacer(watch, egressScheduler);
    }

    @Bean
    OutboundSender outboundSender(GraphClient graph, NumberThrottles throttles, Pacer pacer, SendLedger ledger,
                                  StatusPublisher statuses, DeadLetters deadLetters, RetrySettings retry, StatusSearch statusSearch,
                                  LedgerSettings ledgerSettings, ScheduledExecutorService egressScheduler,
                                  @Qualifier("egressWorker") ExecutorService egressWorker, MeterRegistry meters, RecordTracing tracing) {
        return new OutboundSender(graph, throttles, pacer, ledger, statuses, deadLetters, retry, statusSearch, ledgerSettings.intentWait(),
                egressScheduler, egressWorker, meters, tracing);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
