package io.wabridge.egress.dispatch;

import org.springframework.boot.test.context.TestComponent;

/** Lets integration tests outside this package see the poll loop's back-pressure state. */
@TestComponent
public class OutboundConsumerProbe {

    private final OutboundConsumer consumer;

    OutboundConsumerProbe(OutboundConsumer consumer) {
        this.consumer = consumer;
    }

    public int pauses() {
        return consumer.pauses();
    }

    public int inFlight() {
        return consumer.inFlight();
    }
}
