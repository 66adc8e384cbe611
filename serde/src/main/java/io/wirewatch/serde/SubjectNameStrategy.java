package io.wirewatch.serde;

import org.apache.avro.Schema;

/** How a serializer names the registry subject of a record (Confluent's {@code *.subject.name.strategy}). */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic the Kafka topic
     * @param isKey whether the record is a key
     * @param schema the record's schema
     */
    String subjectName(String topic, boolean isKey, Schema schema);

    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic. The default. */
    SubjectNameStrategy TOPIC_NAME = (topic, isKey, schema) -> topic + (isKey ? "-key" : "-value");

    /** The record's full name: one lineage per record type, across topics. */
    SubjectNameStrategy RECORD_NAME = (topic, isKey, schema) -> requireNamed(schema).getFullName();

    /** {@code <topic>-<record full name>}: several record types per topic. */
    SubjectNameStrategy TOPIC_RECORD_NAME = (topic, isKey, schema) -> topic + "-" + requireNamed(schema).getFullName();

    /**
     * The strategy a config value names: our short names ({@code TopicNameStrategy}, ...), our class names, or
     * Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), so configs paste
     * between tools.
     */
    static SubjectNameStrategy named(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1).trim();
        return switch (simple) {
            case "TopicNameStrategy" -> TOPIC_NAME;
            case "RecordNameStrategy" -> RECORD_NAME;
            case "TopicRecordNameStrategy" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("Unknown subject name strategy '" + name
                    + "'; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }

    private static Schema requireNamed(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD && schema.getType() != Schema.Type.ENUM
                && schema.getType() != Schema.Type.FIXED) {
            throw new IllegalArgumentException("RecordNameStrategy needs a named schema (record, enum or fixed), not "
                    + schema.getType());
        }
        return schema;
    }
}
