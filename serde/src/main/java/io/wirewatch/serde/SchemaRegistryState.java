package io.wirewatch.serde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The state of a Confluent-compatible schema registry and its rules, independent of where the state is kept.
 * Reads answer from memory. Writes are planned first ({@code plan...} methods return the {@link Mutation} to make
 * durable), then applied with {@link #apply(Mutation)}: the in-memory mock applies at once, the Kafka-backed registry
 * after the mutation is in its log. Replaying the same mutations gives the same state, ids and versions.
 *
 * <p>Not thread-safe for plan-then-apply sequences: callers hold one lock from plan to apply.
 */
public final class SchemaRegistryState {

    /** Default compatibility level when neither the subject nor the global config sets one. */
    public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    /** One version of a subject. {@code schema} is the canonical text. */
    public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
        SchemaVersion markDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    /** A change to the state, as the registry's log records it. */
    public sealed interface Mutation permits PutSchema, RemoveSchema, SoftDeleteSubject, PutConfig, PutMode {
    }

    /** Adds or replaces (e.g. soft-deletes) a version. */
    public record PutSchema(SchemaVersion version) implements Mutation {
    }

    /** Removes a version for good (a tombstone in the log). */
    public record RemoveSchema(String subject, int version) implements Mutation {
    }

    /**
     * Soft-deletes every version of a subject up to and including {@code upToVersion} (Confluent's DELETE_SUBJECT
     * record). Versions registered later stay live.
     */
    public record SoftDeleteSubject(String subject, int upToVersion) implements Mutation {
    }

    /** Sets ({@code level} non-null) or clears the compatibility of a subject, or the global one when subject is null. */
    public record PutConfig(String subject, CompatibilityLevel level) implements Mutation {
    }

    /** Sets or clears ({@code mode} null) the mode of a subject, or the global one when subject is null. */
    public record PutMode(String subject, Mode mode) implements Mutation {
    }

    /** Registry modes. */
    public enum Mode { READWRITE, READONLY, IMPORT }

    /** Result of planning a registration: the id and version, and the mutation to apply when it is new. */
    public record Registration(int id, int version, Optional<Mutation> mutation) {
    }

    private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, Mode> subjectModes = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private Mode globalMode = Mode.READWRITE;
    private int maxId;

    /** A state whose global compatibility level, until set, is {@link #DEFAULT_LEVEL}. */
    public SchemaRegistryState() {
        this(DEFAULT_LEVEL);
    }

    /** A state whose global compatibility level, until set (or after it is cleared), is {@code defaultLevel}. */
    public SchemaRegistryState(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel == null ? DEFAULT_LEVEL : defaultLevel;
        this.globalLevel = this.defaultLevel;
    }

    /** Applies a mutation, planned here or read back from a log. Idempotent. */
    public synchronized void apply(Mutation mutation) {
        if (mutation instanceof PutSchema put) {
            SchemaVersion v = put.version();
            subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
            schemasById.putIfAbsent(v.id(), v.schema());
            idsBySchema.putIfAbsent(v.schema(), v.id());
            maxId = Math.max(maxId, v.id());
        } else if (mutation instanceof RemoveSchema remove) {
            TreeMap<Integer, SchemaVersion> versions = subjects.get(remove.subject());
            if (versions != null) {
                versions.remove(remove.version());
                if (versions.isEmpty()) {
                    subjects.remove(remove.subject());
                }
            }
        } else if (mutation instanceof SoftDeleteSubject delete) {
            TreeMap<Integer, SchemaVersion> versions = subjects.get(delete.subject());
            if (versions != null) {
                versions.headMap(delete.upToVersion(), true).replaceAll((number, v) -> v.markDeleted());
            }
        } else if (mutation instanceof PutConfig config) {
            if (config.subject() == null) {
                globalLevel = config.level() == null ? defaultLevel : config.level();
            } else if (config.level() == null) {
                subjectLevels.remove(config.subject());
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        } else if (mutation instanceof PutMode mode) {
            if (mode.subject() == null) {
                globalMode = mode.mode() == null ? Mode.READWRITE : mode.mode();
            } else if (mode.mode() == null) {
                subjectModes.remove(mode.subject());
            } else {
                subjectModes.put(mode.subject(), mode.mode());
            }
        }
    }

    // ---------------------------------------------------------------- writes (planned)

    /**
     * Plans registering {@code schema} under {@code subject}: an equal live version returns its id and version with
     * no mutation; otherwise the schema is checked against the subject's compatibility level and gets the global id
     * of an equal schema registered anywhere, or the next id.
     *
     * @throws RegistryException 409 when incompatible, 42205 when the registry is read-only
     */
    public synchronized Registration planRegister(String subject, Schema schema) {
        requireWritable(subject);
        String canonical = AvroSchemas.canonical(schema);
        Optional<SchemaVersion> existing = live(subject).stream().filter(v -> v.schema().equals(canonical)).findFirst();
        if (existing.isPresent()) {
            return new Registration(existing.get().id(), existing.get().version(), Optional.empty());
        }
        List<String> problems = compatibilityProblems(subject, schema);
        if (!problems.isEmpty()) {
            throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems);
        }
        int id = idsBySchema.getOrDefault(canonical, maxId + 1);
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        return new Registration(id, version,
                Optional.of(new PutSchema(new SchemaVersion(subject, version, id, canonical, false))));
    }

    /**
     * Plans a soft or permanent delete of a whole subject; returns the versions it affects and the mutations, in
     * the order Confluent writes them: a soft delete marks each live version deleted and ends with a
     * {@link SoftDeleteSubject} up to the newest one; both kinds drop the subject's own compatibility level and mode.
     *
     * @throws RegistryException 40401 when the subject has no versions; 40404 for a soft delete of a subject already
     *     soft-deleted; 40405 for a permanent delete of a subject with live versions; 42205 when read-only
     */
    public synchronized DeletePlan planDeleteSubject(String subject, boolean permanent) {
        requireWritable(subject);
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw subjectNotFound(subject);
        }
        List<Mutation> mutations = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (permanent) {
            if (versions.values().stream().anyMatch(v -> !v.deleted())) {
                throw new RegistryException(404, RegistryException.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                        + "' was not deleted first before being permanently deleted");
            }
            versions.values().forEach(v -> {
                numbers.add(v.version());
                mutations.add(new RemoveSchema(subject, v.version()));
            });
        } else {
            List<SchemaVersion> alive = live(subject);
            if (alive.isEmpty()) {
                throw new RegistryException(404, RegistryException.SUBJECT_SOFT_DELETED, "Subject '" + subject
                        + "' was soft deleted. Set permanent=true to delete permanently");
            }
            alive.forEach(v -> {
                numbers.add(v.version());
                mutations.add(new PutSchema(v.markDeleted()));
            });
            mutations.add(new SoftDeleteSubject(subject, alive.get(alive.size() - 1).version()));
        }
        if (subjectLevels.containsKey(subject)) {
            mutations.add(new PutConfig(subject, null));
        }
        if (subjectModes.containsKey(subject)) {
            mutations.add(new PutMode(subject, null));
        }
        return new DeletePlan(numbers, mutations);
    }

    /** Plans a soft or permanent delete of one version ({@code -1} for latest). */
    public synchronized DeletePlan planDeleteVersion(String subject, int version, boolean permanent) {
        requireWritable(subject);
        SchemaVersion v = findVersion(subject, version, true);
        if (permanent) {
            if (!v.deleted()) {
                throw new RegistryException(404, RegistryException.VERSION_NOT_SOFT_DELETED, "Subject '" + subject
                        + "' Version " + v.version() + " was not deleted first before being permanently deleted");
            }
            return new DeletePlan(List.of(v.version()), List.of(new RemoveSchema(subject, v.version())));
        }
        if (v.deleted()) {
            throw new RegistryException(404, RegistryException.VERSION_SOFT_DELETED, "Subject '" + subject
                    + "' Version " + v.version() + " was soft deleted. Set permanent=true to delete permanently");
        }
        return new DeletePlan(List.of(v.version()), List.of(new PutSchema(v.markDeleted())));
    }

    /** The versions a delete affects, and the mutations that perform it. */
    public record DeletePlan(List<Integer> versions, List<Mutation> mutations) {
    }

    // ---------------------------------------------------------------- reads

    /** Live (not soft-deleted) versions of a subject, oldest first. */
    public synchronized List<SchemaVersion> live(String subject) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    /** Subjects with at least one live version, or with any version when {@code includeDeleted}; sorted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /** Version numbers of a subject, live only unless {@code includeDeleted}. */
    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        List<Integer> numbers = versions == null ? List.of() : versions.values().stream()
                .filter(v -> includeDeleted || !v.deleted()).map(SchemaVersion::version).toList();
        if (numbers.isEmpty()) {
            throw subjectNotFound(subject);
        }
        return numbers;
    }

    /**
     * One version of a subject; {@code -1} means the latest.
     *
     * @throws RegistryException 40401, 40402 or 42202
     */
    public synchronized SchemaVersion findVersion(String subject, int version, boolean includeDeleted) {
        if (version == 0 || version < -1) {
            throw invalidVersion(String.valueOf(version));
        }
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null || (!includeDeleted && versions.values().stream().allMatch(SchemaVersion::deleted))) {
            throw subjectNotFound(subject);
        }
        SchemaVersion found;
        if (version == -1) {
            found = versions.descendingMap().values().stream().filter(v -> includeDeleted || !v.deleted())
                    .findFirst().orElse(null);
        } else {
            found = versions.get(version);
            if (found != null && found.deleted() && !includeDeleted) {
                found = null;
            }
        }
        if (found == null) {
            throw new RegistryException(404, RegistryException.VERSION_NOT_FOUND, "Version " + version
                    + " not found.");
        }
        return found;
    }

    /** The live version of a subject holding an equal schema. */
    public synchronized SchemaVersion lookup(String subject, Schema schema, boolean includeDeleted) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null || (!includeDeleted && versions.values().stream().allMatch(SchemaVersion::deleted))) {
            throw subjectNotFound(subject);
        }
        String canonical = AvroSchemas.canonical(schema);
        return versions.values().stream()
                .filter(v -> (includeDeleted || !v.deleted()) && v.schema().equals(canonical))
                .findFirst()
                .orElseThrow(() -> new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND,
                        "Schema not found under subject " + subject));
    }

    /** The schema text with a global id. */
    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    /** Subjects that hold (or, with includeDeleted, held) the schema with this id. */
    public synchronized List<String> subjectsForId(int id, boolean includeDeleted) {
        schemaById(id);
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> versions.values().stream()
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .forEach(v -> names.add(name)));
        return List.copyOf(names);
    }

    /** Subject-version pairs that hold the schema with this id. */
    public synchronized List<SchemaVersion> versionsForId(int id, boolean includeDeleted) {
        schemaById(id);
        List<SchemaVersion> found = new ArrayList<>();
        new TreeMap<>(subjects).forEach((name, versions) -> versions.values().stream()
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .forEach(found::add));
        return found;
    }

    /** Incompatibility messages of a candidate against a subject's live versions under its level; empty if none. */
    public synchronized List<String> compatibilityProblems(String subject, Schema candidate) {
        List<Schema> previous = live(subject).stream().map(v -> AvroSchemas.parse(v.schema())).toList();
        return effectiveLevel(subject).check(candidate, previous);
    }

    /** Incompatibility messages of a candidate against one version of a subject. */
    public synchronized List<String> compatibilityProblems(String subject, int version, Schema candidate) {
        SchemaVersion v = findVersion(subject, version, false);
        CompatibilityLevel level = effectiveLevel(subject);
        return level.check(candidate, List.of(AvroSchemas.parse(v.schema())));
    }

    /** The level set on the subject, if any. */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's level, else the global one. */
    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    public synchronized Mode globalMode() {
        return globalMode;
    }

    /** The subject's mode, else the global one. */
    public synchronized Mode effectiveMode(String subject) {
        return subject == null ? globalMode : subjectModes.getOrDefault(subject, globalMode);
    }

    /** The level the global config falls back to when cleared. */
    public CompatibilityLevel defaultLevel() {
        return defaultLevel;
    }

    public synchronized Optional<Mode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    /** The highest id ever given out. */
    public synchronized int maxId() {
        return maxId;
    }

    /** Number of subjects with any version, for metrics. */
    public synchronized int subjectCount() {
        return subjects.size();
    }

    /** A read-only view of every version, for tests and diagnostics. */
    public synchronized Map<String, List<SchemaVersion>> snapshot() {
        Map<String, List<SchemaVersion>> copy = new TreeMap<>();
        subjects.forEach((name, versions) -> copy.put(name, List.copyOf(versions.values())));
        return Collections.unmodifiableMap(copy);
    }

    private void requireWritable(String subject) {
        Mode mode = subjectModes.getOrDefault(subject, globalMode);
        if (mode == Mode.READONLY) {
            throw new RegistryException(422, RegistryException.OPERATION_NOT_PERMITTED,
                    "Subject " + subject + " is in read-only mode");
        }
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, RegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }
}
