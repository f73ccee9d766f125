package io.wabridge.processor.pipeline;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs consuming sessions on one thread from start-up to shutdown. A session that fails (broker
 * gone, transaction aborted, fenced) is closed and replaced after a pause; the new one resumes
 * from committed offsets and state. Stopping lets running turns finish and commits them.
 */
public class InboundProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);

    private final Supplier<ConsumingSession> sessions;
    private final Duration drainTimeout;
    private volatile boolean running;
    private volatile ConsumingSession current;
    private Thread thread;

    InboundProcessor(Supplier<ConsumingSession> sessions, Duration drainTimeout) {
        this.sessions = sessions;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::consume, "processor-inbound");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(drainTimeout.plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and other beans, start after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void consume() {
        while (running) {
            try (ConsumingSession session = sessions.get()) {
                current = session;
                session.run(() -> running);
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Consuming session failed, starting a new one in {}", RESTART_PAUSE, e);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RESTART_PAUSE.toMillis()));
                }
            } finally {
                current = null;
            }
        }
    }

    /** True while a consuming session is connected and running. */
    boolean sessionActive() {
        ConsumingSession session = current;
        return session != null && session.consuming();
    }

    /** The inbound partitions this instance currently owns; empty while (re)starting. */
    public Set<Integer> assignedPartitions() {
        ConsumingSession session = current;
        return session == null ? Set.of() : session.assigned();
    }
}
