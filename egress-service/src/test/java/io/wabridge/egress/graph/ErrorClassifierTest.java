package io.wabridge.egress.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest
    @CsvSource({
            "130429, 400, NUMBER_THROTTLED",
            "131056, 400, PAIR_THROTTLED",
            "131057, 400, MAINTENANCE",
            "131048, 400, SPAM_LIMITED",
            "131000, 500, TRANSIENT",
            "1, 400, TRANSIENT",
            "2, 503, TRANSIENT",
            "4, 400, TRANSIENT",
            "80007, 400, TRANSIENT",
            "131016, 503, TRANSIENT",
            "133004, 503, TRANSIENT",
            "131047, 400, PERMANENT",
            "131026, 400, PERMANENT",
            "131049, 400, PERMANENT",
            "131051, 400, PERMANENT",
            "131052, 400, PERMANENT",
            "131053, 400, PERMANENT",
            "131062, 400, PERMANENT",
            "100, 400, PERMANENT",
            "131008, 400, PERMANENT",
            "131009, 400, PERMANENT",
            "132000, 400, PERMANENT",
            "132018, 400, PERMANENT",
            "190, 401, ACCOUNT_BLOCKED",
            "368, 403, ACCOUNT_BLOCKED",
            "131031, 403, ACCOUNT_BLOCKED",
            "999999, 500, TRANSIENT",
            "999999, 429, TRANSIENT",
            "999999, 400, PERMANENT"})
    void classifiesByErrorCodeNotHttpStatus(int code, int httpStatus, ErrorClass expected) {
        assertThat(ErrorClassifier.classify(code, httpStatus)).isEqualTo(expected);
    }
}
