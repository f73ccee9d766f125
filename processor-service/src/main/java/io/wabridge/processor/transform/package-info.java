/**
 * Cognigy's transformer functions: an endpoint's JavaScript hooks ({@code handleInput},
 * {@code handleOutput}, {@code handleInject}, {@code handleNotify}) run in a GraalJS sandbox, or
 * Java implementations of the {@code transformer-api} found with {@link java.util.ServiceLoader};
 * their results validated with Cognigy's rules, their errors handled per {@code abort-on-error}.
 */
package io.wabridge.processor.transform;
