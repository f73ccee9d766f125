package io.wabridge.ingress.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code limit} bytes, keeping the exact bytes (signatures are
 * computed over them). A declared or actual length over the limit is refused before it is buffered.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or null when it is longer than {@code limit}. */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            return null;
        }
        int initial = declaredLength > 0 ? (int) declaredLength : 8192;
        ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
