package io.wabridge.ingress.webhook;

import io.wabridge.support.kafka.TopicSettings;

/** Which topic a split-off item goes to. */
enum Destination {
    INBOUND, STATUSES, CHANGES, QUARANTINE;

    String topic(TopicSettings topics) {
        return switch (this) {
            case INBOUND -> topics.inbound();
            case STATUSES -> topics.statuses();
            case CHANGES -> topics.changes();
            case QUARANTINE -> topics.quarantine();
        };
    }
}
