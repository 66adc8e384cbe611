package io.wirewatch.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private final BasicAuth auth = new BasicAuth(Map.of("ann", "pa:ss"));

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void knownUserWithTheRightPasswordPasses() {
        assertThatCode(() -> auth.check(basic("ann:pa:ss"))).doesNotThrowAnyException();
        assertThatCode(() -> auth.check("basic " + basic("ann:pa:ss").substring(6))).doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsUnauthorized() {
        for (String header : new String[] {null, "", "Bearer x", "Basic !!!", basic("ann"), basic("ann:pass"),
                basic("bob:pa:ss"), basic(":pa:ss")}) {
            assertThatThrownBy(() -> auth.check(header)).as(String.valueOf(header))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }
}
