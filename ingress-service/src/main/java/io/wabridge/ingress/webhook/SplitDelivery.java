package io.wabridge.ingress.webhook;

import io.wabridge.support.endpoint.Endpoint;
import java.util.List;
import java.util.Set;

/**
 * A delivery split into events, in delivery order.
 *
 * @param endpoints              the endpoints the items were attributed to (their signatures must hold)
 * @param unknownPhoneNumberIds  phone number ids no endpoint is configured for (their items are quarantined)
 */
record SplitDelivery(List<DeliveryItem> items, Set<Endpoint> endpoints, Set<String> unknownPhoneNumberIds) {

    /** True when nothing in the delivery belongs to a configured endpoint but something named a number. */
    boolean onlyUnknownNumbers() {
        return endpoints.isEmpty() && !unknownPhoneNumberIds.isEmpty();
    }
}
