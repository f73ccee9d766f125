package io.wabridge.bench.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Topic set-up and record counts through the admin API (no consumer needed to count). */
final class TopicAdmin {

    private TopicAdmin() {
    }

    static void create(String bootstrapServers, String topic, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("min.insync.replicas", "1"))))
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Records in the topic: the sum over its partitions of end offset minus start offset. */
    static long records(String bootstrapServers, String topic) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = admin(bootstrapServers)) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toSet());
            long end = offsets(admin, partitions, OffsetSpec.latest());
            long start = offsets(admin, partitions, OffsetSpec.earliest());
            return end - start;
        }
    }

    private static long offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        return admin.listOffsets(request).all().get(60, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
