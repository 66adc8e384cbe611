package io.wirewatch.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry with the same rules as the real one (ids, versions, compatibility, soft deletes), for unit
 * tests and {@code TopologyTestDriver}. Reach a shared instance with {@code schema.registry.url=mock://scope}.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryState state = new SchemaRegistryState();
    /** Ids never change meaning: parse each schema once, as the caching REST client does. */
    private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema, boolean normalize) {
        SchemaRegistryState.Registration registration = state.planRegister(subject, schema);
        registration.mutation().ifPresent(state::apply);
        return registration.id();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        return toRegistered(state.lookup(subject, schema, false));
    }

    @Override
    public Schema getById(int id) {
        return parsedById.computeIfAbsent(id, i -> AvroSchemas.parse(state.schemaById(i)));
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return toRegistered(state.findVersion(subject, version, false));
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return toRegistered(state.findVersion(subject, -1, false));
    }

    @Override
    public List<String> getAllSubjects() {
        return state.subjects(false);
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        return state.versions(subject, false);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return state.compatibilityProblems(subject, schema).isEmpty();
    }

    @Override
    public String getCompatibility(String subject) {
        return state.effectiveLevel(subject).name();
    }

    @Override
    public synchronized void updateCompatibility(String subject, String level) {
        state.apply(new SchemaRegistryState.PutConfig(subject, CompatibilityLevel.parse(level)));
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        SchemaRegistryState.DeletePlan plan = state.planDeleteSubject(subject, permanent);
        plan.mutations().forEach(state::apply);
        return plan.versions();
    }

    private static RegisteredSchema toRegistered(SchemaRegistryState.SchemaVersion v) {
        return new RegisteredSchema(v.subject(), v.version(), v.id(), "AVRO", v.schema());
    }
}
