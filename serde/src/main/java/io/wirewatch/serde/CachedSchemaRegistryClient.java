package io.wirewatch.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches what never changes in a registry: the schema behind an id (forever, ids are immutable) and the id of a
 * schema registered under a subject. Everything else goes to the delegate.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookedUp = new ConcurrentHashMap<>();

    public CachedSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema, boolean normalize) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = registeredIds.get(key);
        if (id == null) {
            id = delegate.register(subject, schema, normalize);
            registeredIds.put(key, id);
            schemasById.putIfAbsent(id, schema);
        }
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema found = lookedUp.get(key);
        if (found == null) {
            found = delegate.lookup(subject, schema, normalize);
            lookedUp.put(key, found);
        }
        return found;
    }

    @Override
    public Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            schema = delegate.getById(id);
            schemasById.put(id, schema);
        }
        return schema;
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return delegate.getVersion(subject, version);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return delegate.getLatest(subject);
    }

    @Override
    public List<String> getAllSubjects() {
        return delegate.getAllSubjects();
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        return delegate.getAllVersions(subject);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    @Override
    public String getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        delegate.updateCompatibility(subject, level);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        registeredIds.keySet().removeIf(k -> k.subject().equals(subject));
        lookedUp.keySet().removeIf(k -> k.subject().equals(subject));
        return delegate.deleteSubject(subject, permanent);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
