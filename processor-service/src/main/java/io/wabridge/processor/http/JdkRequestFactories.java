package io.wabridge.processor.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Spring's request factory over the JDK HttpClient, with the threads that write request bodies
 * reused. Spring's {@code JdkClientHttpRequest} writes every body through an
 * {@code OutputStreamPublisher} on the factory's executor, by default a
 * {@code SimpleAsyncTaskExecutor}: a new thread per request, i.e. per Cognigy call (41,916 thread
 * starts in a 7-minute end-to-end benchmark run, docs/benchmarks.md run M). A cached pool of
 * daemon threads hands them on instead, and lets them go after a minute without calls.
 */
public final class JdkRequestFactories {

    private static final Executor BODY_WRITERS = bodyWriters();

    private JdkRequestFactories() {
    }

    /** A factory over {@code http} with {@code readTimeout} per call. */
    public static JdkClientHttpRequestFactory of(HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, BODY_WRITERS);
        factory.setReadTimeout(readTimeout);
        return factory;
    }

    private static ExecutorService bodyWriters() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "http-request-body-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Unbounded like the default it replaces: a body writer waits for the client's demand, so a bound could stall calls.
        return Executors.newCachedThreadPool(daemons);
    }
}
