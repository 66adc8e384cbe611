package io.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.CompatibilityLevel;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void defaultsServeTheConfluentPortAndTopicWithAuthOff() {
        RegistryConfig config = new RegistryConfig(Map.of());

        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.transactionalId()).isEqualTo("wirewatch-registry-_schemas");
        assertThat(config.users()).isEmpty();
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.storeTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void usersAreUserColonPasswordPairsAndPasswordsMayHoldColons() {
        RegistryConfig config = new RegistryConfig(Map.of(RegistryConfig.AUTH_USERS, " ann:one , bob:t:w:o"));

        assertThat(config.users()).containsExactly(Map.entry("ann", "one"), Map.entry("bob", "t:w:o"));
        assertThat(config.toString()).contains("auth=basic").doesNotContain("one");
    }

    @Test
    void aMalformedUserEntryIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new RegistryConfig(Map.of(RegistryConfig.AUTH_USERS, "ann:one,secretnocolon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistryConfig.AUTH_USERS)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secretnocolon");
    }

    @Test
    void theTopicAndDefaultLevelAreConfigurable() {
        RegistryConfig config = new RegistryConfig(Map.of(RegistryConfig.TOPIC, "_registry",
                RegistryConfig.COMPATIBILITY_LEVEL, "FULL_TRANSITIVE"));

        assertThat(config.transactionalId()).isEqualTo("wirewatch-registry-_registry");
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> new RegistryConfig(Map.of(RegistryConfig.COMPATIBILITY_LEVEL, "SIDEWAYS")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void everyKeyIsDocumented() {
        RegistryConfig.definition().configKeys().values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
}
