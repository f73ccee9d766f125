package io.wabridge.processor.cognigy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.processor.http.JdkRequestFactories;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls a Cognigy REST Endpoint and returns its {@code outputStack}. Blocking: the pipeline calls
 * it from a worker thread, one conversation at a time. Each endpoint has its own retry and
 * circuit breaker, so one broken flow does not open the circuit of another.
 *
 * <p>Built on Spring's {@link RestClient} from Boot's builder, whose observation registry makes
 * every attempt an {@code http.client.requests} observation: a timer, and a span whose
 * {@code traceparent} goes to Cognigy. The URL carries the endpoint's secret token, so the
 * observation names the host only ({@link CognigyObservationConvention}).
 */
public class CognigyClient {

    private final HttpClient http;
    private final RestClient.Builder builder;
    /** One client per read timeout (endpoints share them): the JDK factory sets the timeout per client, not per call. */
    private final Map<Duration, RestClient> clients = new ConcurrentHashMap<>();
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;

    /** @param builder Boot's auto-configured builder (cloned, not changed) */
    public CognigyClient(CognigyClientSettings settings, RestClient.Builder builder) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.builder = builder.clone().observationConvention(new CognigyObservationConvention());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                .retryOnException(e -> e instanceof CognigyException c && c.retryable())
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                // A 4xx or a malformed answer says nothing about Cognigy's availability.
                .recordException(e -> e instanceof CognigyException c && c.retryable())
                .build());
    }

    /**
     * The outputs of one input, in order.
     *
     * @throws CognigyException when Cognigy gave no usable answer after the allowed attempts
     */
    public List<JsonNode> send(String endpointId, EndpointSettings.Cognigy cognigy, CognigyRequest request) {
        CircuitBreaker breaker = breakers.circuitBreaker(endpointId);
        Retry retry = retries.retry(endpointId);
        Supplier<List<JsonNode>> call = CircuitBreaker.decorateSupplier(breaker, () -> post(cognigy, request));
        try {
            return Retry.decorateSupplier(retry, call).get();
        } catch (CallNotPermittedException e) {
            throw new CognigyException(CognigyException.Failure.CIRCUIT_OPEN,
                    "circuit open for endpoint " + endpointId, e);
        }
    }

    /** The state of an endpoint's circuit breaker, for health and tests. */
    public CircuitBreaker.State circuitState(String endpointId) {
        return breakers.circuitBreaker(endpointId).getState();
    }

    private List<JsonNode> post(EndpointSettings.Cognigy cognigy, CognigyRequest request) {
        try {
            return client(cognigy.timeout()).post()
                    .uri(URI.create(cognigy.url().reveal()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(Json.toBytes(request))
                    .exchange((httpRequest, response) -> answer(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            // A timeout or connection failure. Its message names the URL, which carries the URL token:
            // keep only the I/O exception underneath, whose message does not.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CognigyException(CognigyException.Failure.UNAVAILABLE, cause.getClass().getSimpleName(), cause);
        }
    }

    private RestClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> {
            return builder.clone().requestFactory(JdkRequestFactories.of(http, t)).build();
        });
    }

    private static List<JsonNode> answer(int status, byte[] body) {
        if (status == 429 || status >= 500) {
            throw new CognigyException(CognigyException.Failure.UNAVAILABLE, "HTTP " + status, null);
        }
        if (status >= 300) {
            throw new CognigyException(CognigyException.Failure.REJECTED, "HTTP " + status, null);
        }
        return outputs(body);
    }

    /** The {@code outputStack}; an answer without one counts as a single output of its text and data. */
    static List<JsonNode> outputs(byte[] body) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new CognigyException(CognigyException.Failure.MALFORMED, "response is not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new CognigyException(CognigyException.Failure.MALFORMED, "response is not a JSON object", null);
        }
        JsonNode stack = json.path("outputStack");
        if (stack.isArray()) {
            List<JsonNode> outputs = new ArrayList<>();
            stack.forEach(outputs::add);
            return outputs;
        }
        if (!stack.isMissingNode() && !stack.isNull()) {
            throw new CognigyException(CognigyException.Failure.MALFORMED, "outputStack is not an array", null);
        }
        return json.has("text") || json.has("data") ? List.of(json) : List.of();
    }
}
