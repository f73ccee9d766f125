package io.wabridge.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.support.observe.ConsumerMeters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

class KafkaClientFactoryTest {

    private static KafkaProperties secured() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("broker-1:9094", "broker-2:9094"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getSsl().setBundle("kafka");
        kafka.getProperties().put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        kafka.getProperties().put(SaslConfigs.SASL_JAAS_CONFIG, "ScramLoginModule required;");
        kafka.getConsumer().setGroupId("someone-elses-group");
        return kafka;
    }

    private static KafkaClientFactory factory(KafkaProperties kafka) {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("kafka", SslBundle.of(SslStoreBundle.NONE));
        return new KafkaClientFactory(kafka, bundles, "wabridge-egress", ConsumerMeters.none());
    }

    @Test
    void everyKindOfClientGetsTheSecuritySettings() {
        KafkaClientFactory clients = factory(secured());

        for (Map<String, Object> config : List.of(clients.consumerConfig("g", "outbound", Map.of()),
                clients.producerConfig("producer", Map.of()), clients.adminConfig("admin"))) {
            assertThat(config)
                    .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, List.of("broker-1:9094", "broker-2:9094"))
                    .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, "ScramLoginModule required;")
                    .containsKey(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG);
        }
    }

    @Test
    void clientIdsNameTheServiceAndTheRoleOrTheConfiguredPrefix() {
        assertThat(factory(secured()).consumerConfig(null, "statuses", Map.of()))
                .containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "wabridge-egress-statuses");

        KafkaProperties named = secured();
        named.setClientId("tenant-a");
        assertThat(factory(named).producerConfig("producer", Map.of()))
                .containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "tenant-a-producer");
    }

    @Test
    void consumersUseTheirRolesGroupOrNoneAndNeverAutoCommit() {
        KafkaClientFactory clients = factory(secured());

        assertThat(clients.consumerConfig("wabridge-egress", "outbound", Map.of()))
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "wabridge-egress")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        assertThat(clients.consumerConfig(null, "ledger", Map.of()))
                .as("a reader that assigns partitions itself joins no group, not even spring.kafka.consumer.group-id")
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
    }

    @Test
    void theCallersOverridesWinAndConfiguredSerializersAreDropped() {
        KafkaProperties kafka = secured();
        kafka.getProducer().setAcks("1");
        kafka.getProducer().setValueSerializer(org.apache.kafka.common.serialization.StringSerializer.class);

        Map<String, Object> config = factory(kafka).producerConfig("producer", Map.of(ProducerConfig.ACKS_CONFIG, "all"));

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .doesNotContainKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    }
}
