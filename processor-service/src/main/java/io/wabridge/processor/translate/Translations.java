package io.wabridge.processor.translate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.settings.TranslationSettings;
import io.wabridge.processor.translate.Translator.Translation;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;

/**
 * Every endpoint's translator with its cache, bounded retries and circuit breaker. Never throws:
 * a provider that fails (or whose circuit is open) yields {@link Optional#empty()}, counted in
 * {@code wabridge.processor.translation.failed}, and the caller sends the text on untranslated.
 * An attempt's read timeout is a third of the endpoint's {@code timeout}, so three attempts and
 * their short back-off stay near it.
 */
public final class Translations {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    static final int ATTEMPTS = 3;
    static final int CACHE_ENTRIES = 10_000;

    private record Guarded(Translator translator, Retry retry, CircuitBreaker breaker, TranslationSettings settings) {
    }

    private final Map<String, Guarded> byEndpoint;
    private final TranslationCache cache = new TranslationCache(CACHE_ENTRIES);
    private final MeterRegistry meters;

    private Translations(Map<String, Guarded> byEndpoint, MeterRegistry meters) {
        this.byEndpoint = byEndpoint;
        this.meters = meters;
    }

    /** The translators of every endpoint with translation enabled. */
    public static Translations of(Endpoints endpoints, RestClient.Builder http, MeterRegistry meters) {
        Map<String, Guarded> byEndpoint = new HashMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            TranslationSettings settings = endpoint.settings().translation();
            if (settings.enabled()) {
                byEndpoint.put(endpoint.id(), guarded(endpoint.id(), settings, http));
            }
        }
        Translations translations = new Translations(byEndpoint, meters);
        meters.gauge("wabridge.processor.translation.cache.size", translations.cache, TranslationCache::size);
        return translations;
    }

    /** No endpoint translates. */
    public static Translations none() {
        return new Translations(Map.of(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** One endpoint's circuit breaker state, for tests and health. */
    public Optional<CircuitBreaker.State> circuitState(String endpointId) {
        return Optional.ofNullable(byEndpoint.get(endpointId)).map(g -> g.breaker().getState());
    }

    private static Guarded guarded(String id, TranslationSettings settings, RestClient.Builder http) {
        ProviderHttp client = new ProviderHttp(http, settings.timeout().dividedBy(ATTEMPTS));
        Translator translator = switch (settings.provider()) {
            case MICROSOFT -> new MicrosoftTranslator(client, settings.baseUrl(), settings.apiKey(), settings.region());
            case GOOGLE -> new GoogleTranslator(client, settings.baseUrl(), settings.apiKey());
            case DEEPL -> new DeepLTranslator(client, settings.baseUrl(), settings.apiKey());
        };
        Retry retry = Retry.of("translation-" + id, RetryConfig.custom()
                .maxAttempts(ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(50), 2.0))
                .retryOnException(e -> e instanceof TranslationException t && t.retryable())
                .build());
        CircuitBreaker breaker = CircuitBreaker.of("translation-" + id, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(e -> e instanceof TranslationException t && t.retryable())
                .build());
        return new Guarded(translator, retry, breaker, settings);
    }

    /** True when the endpoint translates. */
    public boolean enabled(String endpointId) {
        return byEndpoint.containsKey(endpointId);
    }

    /**
     * The texts in {@code target}, aligned with {@code texts}; cached ones are not sent again, the
     * rest go in one provider request. {@code source} null = detect (never cached: the source is unknown).
     */
    public Optional<Translation> translate(String endpointId, List<String> texts, String source, String target,
                                           String glossaryId, String formality) {
        Guarded guarded = byEndpoint.get(endpointId);
        if (guarded == null || texts.isEmpty()) {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>(texts);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<String> hit = source == null ? Optional.empty()
                    : cache.get(new TranslationCache.Key(texts.get(i), source, target, glossaryId, formality));
            if (hit.isPresent()) {
                result.set(i, hit.get());
            } else {
                missing.add(i);
            }
        }
        if (source != null) {
            meters.counter("wabridge.processor.translation.cache", "result", "hit").increment(texts.size() - missing.size());
            meters.counter("wabridge.processor.translation.cache", "result", "miss").increment(missing.size());
        }
        if (missing.isEmpty()) {
            return Optional.of(new Translation(result, null));
        }
        List<String> asked = missing.stream().map(texts::get).toList();
        Translation answer;
        try {
            answer = Retry.decorateSupplier(guarded.retry(), CircuitBreaker.decorateSupplier(guarded.breaker(),
                    () -> guarded.translator().translate(asked, source, target, formality, glossaryId))).get();
        } catch (CallNotPermittedException e) {
            return failed(endpointId, "circuit-open");
        } catch (TranslationException e) {
            log.warn("Translation for endpoint {} failed ({}): the text goes on untranslated", endpointId, e.getMessage());
            return failed(endpointId, e.retryable() ? "unavailable" : "rejected");
        } catch (RuntimeException e) {
            log.warn("Translation for endpoint {} failed ({}): the text goes on untranslated", endpointId, e.getClass().getSimpleName());
            return failed(endpointId, "error");
        }
        meters.counter("wabridge.processor.translation.requests", "endpoint", endpointId,
                "provider", guarded.settings().provider().name().toLowerCase()).increment();
        String effectiveSource = source != null ? source : answer.detectedSource();
        for (int j = 0; j < missing.size(); j++) {
            String translated = answer.texts().get(j);
            result.set(missing.get(j), translated);
            if (effectiveSource != null) {
                cache.put(new TranslationCache.Key(asked.get(j), effectiveSource, target, glossaryId, formality), translated);
            }
        }
        return Optional.of(new Translation(result, answer.detectedSource()));
    }

    private Optional<Translation> failed(String endpointId, String reason) {
        meters.counter("wabridge.processor.translation.failed", "endpoint", endpointId, "reason", reason).increment();
        return Optional.empty();
    }
}
