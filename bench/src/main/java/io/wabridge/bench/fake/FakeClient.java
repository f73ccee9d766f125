package io.wabridge.bench.fake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The harness's side of a {@link FakeServer}: how many requests it has seen, and all of them. */
public final class FakeClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public FakeClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The base URL the services are given. */
    public String url() {
        return base;
    }

    public long count() throws IOException, InterruptedException {
        return Long.parseLong(get("/bench/count").trim());
    }

    /**
     * What the fake Graph API's status webhooks got from ingress (all 0 when it sends none).
     *
     * @param acknowledged answered 2xx
     * @param rejected     answered 4xx: the webhook was wrong, so the run is
     * @param failed       answered 5xx, timed out or could not connect
     */
    public record StatusCounts(long acknowledged, long rejected, long failed) {
    }

    public StatusCounts statusCounts() throws IOException, InterruptedException {
        String[] counts = get("/bench/statuses").trim().split(" ");
        return new StatusCounts(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Long.parseLong(counts[2]));
    }

    /**
     * Waits until ingress has answered (or failed) {@code target} status webhooks, which go out
     * after Graph's answers, or until that number did not grow for {@code stallMillis}.
     */
    public StatusCounts awaitStatuses(long target, long stallMillis) throws IOException, InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            StatusCounts counts = statusCounts();
            long answered = counts.acknowledged() + counts.rejected() + counts.failed();
            if (answered >= target) {
                return counts;
            }
            if (answered != last) {
                last = answered;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallMillis * 1_000_000) {
                return counts;
            }
            Thread.sleep(200);
        }
    }

    public List<Request> requests() throws IOException, InterruptedException {
        return get("/bench/log").lines().filter(line -> !line.isBlank()).map(Request::parse).toList();
    }

    /**
     * Waits until {@code target} requests have arrived, or until no new one came for
     * {@code stallMillis}; returns the count reached.
     */
    public long awaitCount(long target, long stallMillis) throws IOException, InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = count();
            if (now >= target) {
                return now;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallMillis * 1_000_000) {
                return now;
            }
            Thread.sleep(200);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
