package io.wabridge.support.consume;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer driven by a thread of its own from start to stop, with the one failure policy
 * of every wabridge consumer: a session that fails (broker gone, transaction aborted, fenced, a
 * bug) is closed and replaced by a new one, which reopens the clients and resumes from the
 * committed offsets. Restarts back off exponentially from 1 s to at most 30 s; a session that
 * consumed for a minute resets the back-off. Health ({@link ConsumerLoopHealth}) is DOWN while
 * stopped, starting or restarting, with the last error.
 *
 * <p>With {@code openOnStart}, the first session is opened on the thread that starts the
 * application, so a consumer that cannot start at all fails the start; later ones open on the
 * loop's thread. Meters ({@code wabridge.consumer.*}, tag {@code consumer}) are bound as a
 * {@link MeterBinder}; Spring Boot binds every such bean.
 */
public abstract class ConsumerLoop implements SmartLifecycle, MeterBinder {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration HEALTHY_AFTER = Duration.ofMinutes(1);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int phase;
    private final boolean openOnStart;
    private final AtomicInteger restarts = new AtomicInteger();
    /** Pauses of the sessions before the current one. */
    private final AtomicInteger pauses = new AtomicInteger();
    private volatile boolean running;
    private volatile LoopSession current;
    private volatile Throwable lastError;
    private volatile Instant lastErrorAt;
    private Thread thread;

    /**
     * @param name        the consumer's name: thread {@code wabridge-consumer-<name>}, the meters' {@code consumer} tag
     * @param openOnStart open the first session on the starting thread, so that failing to open fails the start
     */
    protected ConsumerLoop(String name, int phase, boolean openOnStart) {
        this.name = name;
        this.phase = phase;
        this.openOnStart = openOnStart;
    }

    /** Opens a new session: builds (or takes) the clients and positions or subscribes them. */
    protected abstract LoopSession openSession();

    /** How long {@link #stop()} waits for the loop to end. */
    protected Duration stopTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        LoopSession first = openOnStart ? openSession() : null;
        running = true;
        thread = new Thread(() -> loop(first), "wabridge-consumer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(LoopSession first) {
        Duration backoff = FIRST_BACKOFF;
        LoopSession next = first;
        while (running) {
            long started = System.nanoTime();
            LoopSession session = null;
            try {
                session = next != null ? next : openSession();
                current = session;
                session.run(() -> running);
            } catch (RuntimeException | Error e) {
                lastError = e;
                lastErrorAt = Instant.now();
                if (running) {
                    if (System.nanoTime() - started >= HEALTHY_AFTER.toNanos()) {
                        backoff = FIRST_BACKOFF;
                    }
                    restarts.incrementAndGet();
                    log.error("Consumer {} failed; restarting in {} from the committed offsets", name, backoff, e);
                }
            } finally {
                current = null;
                next = null;
                if (session != null) {
                    pauses.addAndGet(session.pauses());
                    session.close();
                }
            }
            if (running) {
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public final void stop() {
        Thread loop;
        synchronized (this) {
            running = false;
            loop = thread;
            thread = null;
        }
        if (loop == null) {
            return;
        }
        LockSupport.unpark(loop); // out of a restart back-off at once
        try {
            loop.join(stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }

    public String name() {
        return name;
    }

    /** True while a session runs and consumes. */
    public boolean consuming() {
        LoopSession session = current;
        return running && session != null && session.consuming();
    }

    /** The partitions the current session owns; empty while (re)starting. */
    public Set<TopicPartition> owned() {
        LoopSession session = current;
        return session == null ? Set.of() : session.owned();
    }

    public int inFlight() {
        LoopSession session = current;
        return session == null ? 0 : session.inFlight();
    }

    public int keys() {
        LoopSession session = current;
        return session == null ? 0 : session.keys();
    }

    public boolean isPaused() {
        LoopSession session = current;
        return session != null && session.paused();
    }

    /** Times consumption paused for back-pressure since start. */
    public int pauses() {
        LoopSession session = current;
        return pauses.get() + (session == null ? 0 : session.pauses());
    }

    /** Sessions that failed and were replaced since start. */
    public int restarts() {
        return restarts.get();
    }

    /** The error that ended the last failed session, or null. */
    public Throwable lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "wabridge.consumer.up", "1 while a session consumes, 0 while stopped, starting or restarting",
                loop -> loop.consuming() ? 1 : 0);
        gauge(registry, "wabridge.consumer.partitions", "partitions this instance owns", loop -> loop.owned().size());
        gauge(registry, "wabridge.consumer.in-flight", "records polled and not done", ConsumerLoop::inFlight);
        gauge(registry, "wabridge.consumer.keys", "keys with a record running or waiting", ConsumerLoop::keys);
        gauge(registry, "wabridge.consumer.paused", "1 while consumption is paused because too much is in flight",
                loop -> loop.isPaused() ? 1 : 0);
        FunctionCounter.builder("wabridge.consumer.pauses", this, ConsumerLoop::pauses).tag("consumer", name)
                .description("times consumption paused because too much was in flight").register(registry);
        FunctionCounter.builder("wabridge.consumer.restarts", this, loop -> loop.restarts.get()).tag("consumer", name)
                .description("sessions that failed and were replaced by a new one").register(registry);
    }

    private void gauge(MeterRegistry registry, String meter, String description, ToDoubleFunction<ConsumerLoop> value) {
        Gauge.builder(meter, this, value).tag("consumer", name).description(description).register(registry);
    }
}
