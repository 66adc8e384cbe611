package io.wirewatch.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.CompatibilityLevel;
import io.wirewatch.serde.SchemaRegistryState.Mode;
import io.wirewatch.serde.SchemaRegistryState.Mutation;
import io.wirewatch.serde.SchemaRegistryState.PutConfig;
import io.wirewatch.serde.SchemaRegistryState.PutMode;
import io.wirewatch.serde.SchemaRegistryState.PutSchema;
import io.wirewatch.serde.SchemaRegistryState.RemoveSchema;
import io.wirewatch.serde.SchemaRegistryState.SchemaVersion;
import io.wirewatch.serde.SchemaRegistryState.SoftDeleteSubject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Mutation> decode(String key, String value) {
        return StoreRecordCodec.decode(utf8(key), utf8(value));
    }

    @Test
    void schemaRecordsAreWrittenInConfluentsKeyAndValueFormat() {
        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(
                new PutSchema(new SchemaVersion("orders-value", 2, 7, SCHEMA, false)));

        assertThat(encoded.keyText()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":2,"
                + "\"magic\":1}");
        assertThat(encoded.valueText()).isEqualTo("{\"subject\":\"orders-value\",\"version\":2,\"id\":7,\"schema\":"
                + "\"" + SCHEMA.replace("\"", "\\\"") + "\",\"deleted\":false}");
    }

    @Test
    void configModeAndDeleteSubjectRecordsUseMagicZeroAndNullForGlobal() {
        assertThat(StoreRecordCodec.encode(new PutConfig(null, CompatibilityLevel.FULL)).keyText())
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(StoreRecordCodec.encode(new PutConfig("s", CompatibilityLevel.FULL)).valueText())
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(StoreRecordCodec.encode(new PutMode("s", Mode.READONLY)).keyText())
                .isEqualTo("{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}");
        assertThat(StoreRecordCodec.encode(new PutMode(null, Mode.READONLY)).valueText())
                .isEqualTo("{\"mode\":\"READONLY\"}");
        StoreRecordCodec.Encoded delete = StoreRecordCodec.encode(new SoftDeleteSubject("s", 3));
        assertThat(delete.keyText()).isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(delete.valueText()).isEqualTo("{\"subject\":\"s\",\"version\":3}");
    }

    @Test
    void removalsAndClearedSettingsAreTombstones() {
        assertThat(StoreRecordCodec.encode(new RemoveSchema("s", 1)).value()).isNull();
        assertThat(StoreRecordCodec.encode(new PutConfig("s", null)).value()).isNull();
        assertThat(StoreRecordCodec.encode(new PutMode("s", null)).value()).isNull();
    }

    @Test
    void everyMutationDecodesBackToItself() {
        List<Mutation> mutations = List.of(
                new PutSchema(new SchemaVersion("s", 1, 1, SCHEMA, true)),
                new RemoveSchema("s", 1),
                new SoftDeleteSubject("s", 4),
                new PutConfig(null, CompatibilityLevel.NONE),
                new PutConfig("s", null),
                new PutMode(null, Mode.READONLY),
                new PutMode("s", null));

        for (Mutation mutation : mutations) {
            StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(mutation);
            assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(mutation);
        }
    }

    @Test
    void globalSettingsMayOmitTheSubjectOrLeaveItEmpty() {
        assertThat(decode("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FORWARD\"}"))
                .contains(new PutConfig(null, CompatibilityLevel.FORWARD));
        assertThat(decode("{\"keytype\":\"MODE\",\"subject\":\"\",\"magic\":0}", "{\"mode\":\"READONLY_OVERRIDE\"}"))
                .contains(new PutMode(null, Mode.READONLY));
    }

    @Test
    void schemasFromAnotherRegistryAreKeptInCanonicalFormAndUnknownFieldsIgnored() {
        Optional<Mutation> decoded = decode("{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":3,\"schema\":\"{ \\\"type\\\": \\\"string\\\" }\","
                        + "\"deleted\":false,\"md5\":\"abc\",\"ts\":1}");

        assertThat(decoded).contains(new PutSchema(new SchemaVersion("s", 1, 3, "\"string\"", false)));
    }

    @Test
    void keyTypesTheRegistryDoesNotUseAndOtherSchemaTypesDecodeToNothing() {
        assertThat(decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
        assertThat(decode("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}", "{\"subject\":\"s\"}"))
                .isEmpty();
        assertThat(decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"JSON\",\"schema\":\"{}\"}")).isEmpty();
    }

    @Test
    void unreadableRecordsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> decode("not json", "{}")).hasMessageContaining("key is not JSON");
        assertThatThrownBy(() -> decode("{\"magic\":0}", "{}")).hasMessageContaining("keytype");
        assertThatThrownBy(() -> decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"magic\":1}", "{}"))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\"}")).hasMessageContaining("\"id\" and \"schema\"");
        assertThatThrownBy(() -> decode("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"MAYBE\"}"))
                .hasMessageContaining("MAYBE");
    }
}
