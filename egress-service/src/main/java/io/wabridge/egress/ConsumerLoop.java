package io.wabridge.egress;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer driven by a thread of its own from start to stop: what egress's three readers
 * (outbound records, the send ledger, status webhooks) share. The consumer is opened on the
 * starting thread, so a reader that cannot start fails the application's start; then it is
 * polled until {@link #stop()}, drained and closed. A loop that dies on an error is reported
 * ({@link #hasFailed()}) and not restarted: whatever it left unfinished is redelivered to the
 * next owner of its partitions.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final int phase;
    private volatile boolean running;
    private volatile boolean failed;
    private Thread thread;

    protected ConsumerLoop(String threadName, int phase) {
        this.threadName = threadName;
        this.phase = phase;
    }

    /** Creates and positions (or subscribes) the consumer; runs on the thread that starts the application. */
    protected abstract Consumer<String, byte[]> open();

    /** One turn of the loop: poll, and handle what came. */
    protected abstract void pollOnce(Consumer<String, byte[]> consumer);

    /** What a dead loop means for users, logged with the error. */
    protected abstract String whenFailed();

    /** After the last turn of a normal stop, before the consumer is closed. */
    protected void drain(Consumer<String, byte[]> consumer) {
    }

    /** Last on the loop's thread, whether it stopped or failed. */
    protected void exited() {
    }

    /** How long {@link #stop()} waits for the loop to end. */
    protected Duration stopTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public final void start() {
        Consumer<String, byte[]> consumer = open();
        running = true;
        thread = new Thread(() -> loop(consumer), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                pollOnce(consumer);
            }
            drain(consumer);
        } catch (RuntimeException e) {
            log.error("{} stopped: {}", threadName, whenFailed(), e);
            failed = true;
            running = false;
        } finally {
            exited();
        }
    }

    @Override
    public final void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(stopTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    /** True when the loop died on an error (not when it was stopped): health checks report it. */
    public boolean hasFailed() {
        return failed;
    }
}
