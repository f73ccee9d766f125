package io.wabridge.ingress.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final String SECRET = "app-secret";
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheHmacOfTheRawBytes() {
        assertThat(SignatureVerifier.isValid(SECRET, BODY, SignatureVerifier.sign(SECRET, BODY))).isTrue();
    }

    @Test
    void knownVectorMatchesOpenssl() {
        // printf 'hello' | openssl dgst -sha256 -hmac key
        assertThat(SignatureVerifier.sign("key", "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b");
    }

    @Test
    void eachSecretKeepsItsOwnKeyAcrossRepeatedAndConcurrentChecks() throws Exception {
        String first = SignatureVerifier.sign("first", BODY);
        String second = SignatureVerifier.sign("second", BODY);
        assertThat(first).isNotEqualTo(second);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean odd = i % 2 == 1;
                checks.add(pool.submit(() -> SignatureVerifier.isValid(odd ? "second" : "first", BODY, odd ? second : first)
                        && !SignatureVerifier.isValid(odd ? "first" : "second", BODY, odd ? second : first)));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SignatureVerifier.sign("first", BODY)).isEqualTo(first);
    }

    @Test
    void acceptsUppercaseHex() {
        String upper = "sha256=" + SignatureVerifier.sign(SECRET, BODY).substring(7).toUpperCase();

        assertThat(SignatureVerifier.isValid(SECRET, BODY, upper)).isTrue();
    }

    @Test
    void refusesOtherSecretOtherBodyAndMalformedHeaders() {
        String signature = SignatureVerifier.sign(SECRET, BODY);
        byte[] tampered = "{\"object\":\"whatsapp_business_account\",\"entry\":[1]}".getBytes(StandardCharsets.UTF_8);

        assertThat(SignatureVerifier.isValid("other-secret", BODY, signature)).isFalse();
        assertThat(SignatureVerifier.isValid(SECRET, tampered, signature)).isFalse();
        assertThat(SignatureVerifier.isValid(SECRET, BODY, null)).isFalse();
        assertThat(SignatureVerifier.isValid(SECRET, BODY, "sha1=" + signature.substring(7))).isFalse();
        assertThat(SignatureVerifier.isValid(SECRET, BODY, "sha256=zz")).isFalse();
        assertThat(SignatureVerifier.isValid(SECRET, BODY, "sha256=" + "g".repeat(64))).isFalse();
    }

    @Test
    void acceptsSignatureOverEscapedUnicodeForm() {
        byte[] raw = "{\"text\":\"Grüße 👍\"}".getBytes(StandardCharsets.UTF_8);
        byte[] escaped = "{\"text\":\"Gr\\u00fc\\u00dfe \\ud83d\\udc4d\"}".getBytes(StandardCharsets.US_ASCII);

        assertThat(SignatureVerifier.escapeNonAscii(raw)).isEqualTo(escaped);
        assertThat(SignatureVerifier.isValid(SECRET, raw, SignatureVerifier.sign(SECRET, escaped))).isTrue();
    }

    @Test
    void asciiBodyHasNoEscapedForm() {
        assertThat(SignatureVerifier.escapeNonAscii(BODY)).isNull();
        assertThat(SignatureVerifier.escapeNonAscii(new byte[] {(byte) 0xff, (byte) 0xfe})).isNull();
    }
}
