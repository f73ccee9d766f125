package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserIdsTest {

    @ParameterizedTest
    @CsvSource({
            "US.13491208655302741918, true",
            "DE.ENT8a7b6c5d4e3f, true",
            "4915112345678, false",
            "+49 151 1234567, false",
            "us.1349, false",
            "US., false",
            "US.12-34, false"})
    void tellsBusinessScopedIdsFromPhoneNumbers(String userId, boolean businessScoped) {
        assertThat(UserIds.isBusinessScoped(userId)).isEqualTo(businessScoped);
    }
}
