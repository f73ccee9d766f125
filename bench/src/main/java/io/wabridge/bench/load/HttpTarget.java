package io.wabridge.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed webhook POSTs over a fixed pool of keep-alive connections, one worker thread each.
 * Requests wait in a queue for a free connection; that wait counts in their latency (it is
 * measured from the intended send time), exactly as a queue in front of the server would.
 */
public final class HttpTarget implements LoadTarget {

    private static final Logger log = LoggerFactory.getLogger(HttpTarget.class);

    private final InetSocketAddress address;
    private final String requestLine;
    private final String hostHeader;
    private final WebhookBodies bodies;
    private final int timeoutMillis;
    private final boolean stamped;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();

    /** @param stamped bodies carry the intended send time ({@link WebhookBodies#stampedBody}) */
    public HttpTarget(URI url, WebhookBodies bodies, int connections, int timeoutMillis, boolean stamped) {
        if (!"localhost".equals(url.getHost()) && !url.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + url.getHost());
        }
        this.address = new InetSocketAddress(url.getHost(), url.getPort());
        this.requestLine = "POST " + url.getRawPath() + " HTTP/1.1\r\n";
        this.hostHeader = "Host: " + url.getHost() + ":" + url.getPort() + "\r\n";
        this.bodies = bodies;
        this.timeoutMillis = timeoutMillis;
        this.stamped = stamped;
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(this::work, "http-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        log.info("{} connections to {}{}", connections, address, url.getRawPath());
    }

    @Override
    public void submit(long sequence, long intendedNanos, Completion completion) {
        queue.add(new Request(sequence, intendedNanos, completion));
    }

    @Override
    public long abandonQueued() {
        List<Request> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        return dropped.size();
    }

    private void work() {
        try (HttpConnection connection = new HttpConnection(address, timeoutMillis)) {
            while (!Thread.currentThread().isInterrupted()) {
                Request request = queue.take();
                byte[] body = stamped
                        ? bodies.stampedBody(request.sequence(), EpochClock.micros(request.intendedNanos()))
                        : bodies.body(request.sequence());
                byte[] head = HttpConnection.ascii(requestLine + hostHeader
                        + "Content-Type: application/json\r\n"
                        + "X-Hub-Signature-256: " + bodies.signature(body) + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n");
                int status;
                try {
                    status = connection.exchange(head, body);
                } catch (IOException | RuntimeException e) {
                    log.debug("request {} failed", request.sequence(), e);
                    status = Completion.FAILED;
                }
                request.completion().completed(status, request.intendedNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        workers.forEach(Thread::interrupt);
    }

    private record Request(long sequence, long intendedNanos, Completion completion) {
    }
}
