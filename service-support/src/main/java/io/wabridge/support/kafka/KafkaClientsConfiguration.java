package io.wabridge.support.kafka;

import io.wabridge.support.observe.ConsumerMeters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@link KafkaClientFactory} of a service, and Spring's {@link KafkaAdmin} (which creates the
 * declared topics at start-up) built from it in place of Spring Boot's own, so topic creation
 * honours the same security settings as every other client.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = SslAutoConfiguration.class)
@EnableConfigurationProperties(KafkaProperties.class)
public class KafkaClientsConfiguration {

    @Bean
    KafkaClientFactory kafkaClientFactory(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, Environment environment,
                                          ObjectProvider<ConsumerMeters> meters) {
        return new KafkaClientFactory(kafka, sslBundles.getIfAvailable(), environment.getProperty("spring.application.name", "wabridge"),
                meters.getIfAvailable(ConsumerMeters::none));
    }

    /** What Spring Boot's would be (the {@code spring.kafka.admin.*} settings), from the factory's admin settings. */
    @Bean
    @ConditionalOnMissingBean
    KafkaAdmin kafkaAdmin(KafkaClientFactory clients, KafkaProperties kafka) {
        KafkaAdmin admin = new KafkaAdmin(clients.adminConfig("admin"));
        KafkaProperties.Admin settings = kafka.getAdmin();
        if (settings.getCloseTimeout() != null) {
            admin.setCloseTimeout((int) settings.getCloseTimeout().getSeconds());
        }
        if (settings.getOperationTimeout() != null) {
            admin.setOperationTimeout((int) settings.getOperationTimeout().getSeconds());
        }
        admin.setFatalIfBrokerNotAvailable(settings.isFailFast());
        admin.setModifyTopicConfigs(settings.isModifyTopicConfigs());
        admin.setAutoCreate(settings.isAutoCreate());
        return admin;
    }
}
