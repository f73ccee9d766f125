package io.wabridge.crash;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for the children. */
final class Ports {

    private Ports() {
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): an ephemeral port that is free now
     * can be taken by one of the many outgoing connections the starting services open before the
     * child binds it (local-runner's ScalingIT learnt this).
     */
    static int free() {
        while (true) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
    }
}
