package io.wabridge.support.consume;

import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session of a reader that positions its consumer itself (no group, nothing committed) and
 * polls it: egress's send ledger and status readers. The consumer is opened when the session is.
 */
public final class ReaderSession implements LoopSession {

    private static final Logger log = LoggerFactory.getLogger(ReaderSession.class);

    /** What a reader does with its consumer. */
    public interface Reader {

        /** Creates and positions the consumer (assign, seek, load); closes it itself when this throws. */
        Consumer<String, byte[]> open();

        /** One turn of the loop: poll, and handle what came. */
        void poll(Consumer<String, byte[]> consumer);

        /** Last on the loop's thread when the session ends, whether it stopped or failed. */
        default void ended() {
        }
    }

    private final Reader reader;
    private final Consumer<String, byte[]> consumer;

    public ReaderSession(Reader reader) {
        this.reader = reader;
        this.consumer = reader.open();
    }

    @Override
    public void run(BooleanSupplier active) {
        while (active.getAsBoolean()) {
            reader.poll(consumer);
        }
    }

    @Override
    public boolean consuming() {
        return true;
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            log.warn("Closing a reader's consumer failed: {}", e.toString());
        } finally {
            reader.ended();
        }
    }
}
