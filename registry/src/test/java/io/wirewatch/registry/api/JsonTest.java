package io.wirewatch.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void answersInTheFirstOfOurMediaTypesTheClientAccepts() {
        assertThat(Json.responseType(null)).isEqualTo(Json.V1);
        assertThat(Json.responseType("application/json")).isEqualTo(Json.PLAIN);
        assertThat(Json.responseType("application/vnd.schemaregistry+json; qs=0.9, application/json"))
                .isEqualTo(Json.GENERIC);
        assertThat(Json.responseType("text/html, */*;q=0.8")).isEqualTo(Json.V1);
        assertThat(Json.responseType("text/html")).isEqualTo(Json.V1);
    }

    @Test
    void readsOurThreeMediaTypesNoneAndWildcardsOnly() {
        assertThat(Json.acceptableRequestType(null)).isTrue();
        assertThat(Json.acceptableRequestType("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(Json.acceptableRequestType("application/vnd.schemaregistry.v1+json")).isTrue();
        assertThat(Json.acceptableRequestType("application/vnd.schemaregistry+json")).isTrue();
        assertThat(Json.acceptableRequestType("*/*")).isTrue();
        assertThat(Json.acceptableRequestType("application/x-www-form-urlencoded")).isFalse();
        assertThat(Json.acceptableRequestType("text/plain")).isFalse();
    }
}
