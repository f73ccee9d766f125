package io.wabridge.ingress.webhook;

/** One event split off a webhook delivery, with where it goes and its record key. */
record DeliveryItem(Destination destination, String key, Object event) {
}
