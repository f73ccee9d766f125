package io.wabridge.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads the whole answer, blocking.
 * Deliberately tiny: the generator shares the machine with the system under test, so it must
 * spend as little CPU per request as it can. Not thread-safe: one connection per worker thread.
 */
public final class HttpConnection implements AutoCloseable {

    /** Well below Tomcat's default keep-alive timeout (20 s), as HTTP clients evict idle connections. */
    private static final long IDLE_REOPEN_NANOS = 10_000_000_000L;

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsedNanos;

    public HttpConnection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code head} (request line and headers, ending in an empty line) and {@code body}; returns the status. */
    public int exchange(byte[] head, byte[] body) throws IOException {
        if (socket != null && System.nanoTime() - lastUsedNanos > IDLE_REOPEN_NANOS) {
            close(); // the server may have closed it meanwhile (Tomcat's keep-alive timeout): a request on it would fail unread
        }
        if (socket == null) {
            open();
        }
        lastUsedNanos = System.nanoTime();
        try {
            out.write(head);
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(address, timeoutMillis);
        opened.setSoTimeout(timeoutMillis);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 8192);
        out = opened.getOutputStream();
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        // "HTTP/1.1 200 " or "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String line;
        while (!(line = readLine()).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength > 0) {
            skip(contentLength);
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(length);
            readLine();
        }
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed inside a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
