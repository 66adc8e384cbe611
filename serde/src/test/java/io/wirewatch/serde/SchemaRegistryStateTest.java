package io.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaRegistryStateTest {

    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("t").fields()
            .requiredString("name").endRecord();
    private static final Schema V2_COMPATIBLE = SchemaBuilder.record("Thing").namespace("t").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    private static final Schema V2_INCOMPATIBLE = SchemaBuilder.record("Thing").namespace("t").fields()
            .requiredString("name").requiredInt("size").endRecord();

    private final MockSchemaRegistryClient registry = new MockSchemaRegistryClient();

    @Test
    void registeringTheSameSchemaTwiceReturnsTheSameIdAndVersion() {
        int first = registry.register("s-value", V1);
        int second = registry.register("s-value", new Schema.Parser().parse(V1.toString(true)));

        assertThat(second).isEqualTo(first);
        assertThat(registry.getAllVersions("s-value")).containsExactly(1);
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneId() {
        assertThat(registry.register("a-value", V1)).isEqualTo(registry.register("b-value", V1));
    }

    @Test
    void aCompatibleEvolutionGetsANewIdAndVersion() {
        int v1 = registry.register("s-value", V1);
        int v2 = registry.register("s-value", V2_COMPATIBLE);

        assertThat(v2).isGreaterThan(v1);
        assertThat(registry.getLatest("s-value").version()).isEqualTo(2);
    }

    @Test
    void anIncompatibleSchemaIsRefusedUnderBackward() {
        registry.register("s-value", V1);

        assertThatThrownBy(() -> registry.register("s-value", V2_INCOMPATIBLE))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("size");
        assertThat(registry.testCompatibility("s-value", V2_INCOMPATIBLE)).isFalse();
    }

    @Test
    void levelNoneAcceptsAnything() {
        registry.register("s-value", V1);
        registry.updateCompatibility("s-value", "NONE");

        assertThat(registry.register("s-value", V2_INCOMPATIBLE)).isPositive();
    }

    @Test
    void forwardTransitiveChecksEveryEarlierVersion() {
        CompatibilityLevel level = CompatibilityLevel.FORWARD_TRANSITIVE;
        Schema v3 = SchemaBuilder.record("Thing").namespace("t").fields().endRecord();

        // old readers of V1 need "name", which v3 no longer writes
        assertThat(level.check(v3, java.util.List.of(V1, V2_COMPATIBLE))).isNotEmpty();
        assertThat(CompatibilityLevel.FORWARD.check(V2_COMPATIBLE, java.util.List.of(V1))).isEmpty();
    }

    @Test
    void softDeletedSubjectDisappearsThenPermanentDeleteRemovesIt() {
        registry.register("s-value", V1);

        assertThatThrownBy(() -> registry.deleteSubject("s-value", true))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_SOFT_DELETED));
        assertThat(registry.deleteSubject("s-value", false)).containsExactly(1);
        assertThat(registry.getAllSubjects()).isEmpty();
        assertThat(registry.deleteSubject("s-value", true)).containsExactly(1);
        assertThatThrownBy(() -> registry.getLatest("s-value"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void unknownIdsVersionsAndLevelsCarryConfluentCodes() {
        registry.register("s-value", V1);

        assertThatThrownBy(() -> registry.getById(999)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.getVersion("s-value", 7)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> registry.getVersion("s-value", 0)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(42202));
        assertThatThrownBy(() -> registry.updateCompatibility(null, "SIDEWAYS"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
        assertThatThrownBy(() -> AvroSchemas.parse("{\"type\":\"record\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }

    @Test
    void aSoftSubjectDeleteMarksEachVersionAndEndsWithConfluentsDeleteSubjectRecord() {
        SchemaRegistryState state = new SchemaRegistryState();
        state.planRegister("s-value", V1).mutation().ifPresent(state::apply);
        state.planRegister("s-value", V2_COMPATIBLE).mutation().ifPresent(state::apply);
        state.apply(new SchemaRegistryState.PutConfig("s-value", CompatibilityLevel.FULL));

        SchemaRegistryState.DeletePlan plan = state.planDeleteSubject("s-value", false);

        assertThat(plan.versions()).containsExactly(1, 2);
        assertThat(plan.mutations()).hasSize(4);
        assertThat(plan.mutations().get(2)).isEqualTo(new SchemaRegistryState.SoftDeleteSubject("s-value", 2));
        assertThat(plan.mutations().get(3)).isEqualTo(new SchemaRegistryState.PutConfig("s-value", null));
    }

    @Test
    void aDeleteSubjectRecordSoftDeletesOnlyTheVersionsUpToItsWatermark() {
        SchemaRegistryState state = new SchemaRegistryState();
        state.planRegister("s-value", V1).mutation().ifPresent(state::apply);
        state.planRegister("s-value", V2_COMPATIBLE).mutation().ifPresent(state::apply);

        state.apply(new SchemaRegistryState.SoftDeleteSubject("s-value", 1));

        assertThat(state.versions("s-value", false)).containsExactly(2);
        assertThat(state.versions("s-value", true)).containsExactly(1, 2);
    }

    @Test
    void theDefaultLevelIsWhatAClearedGlobalLevelFallsBackTo() {
        SchemaRegistryState state = new SchemaRegistryState(CompatibilityLevel.FULL);
        state.apply(new SchemaRegistryState.PutConfig(null, CompatibilityLevel.NONE));

        state.apply(new SchemaRegistryState.PutConfig(null, null));

        assertThat(state.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
    }
}
