package io.wirewatch.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Schemas the registry tests register: a record and its evolutions. */
final class TestSchemas {

    /** v1: a dispatch with a headline. */
    static final Schema DISPATCH_V1 = SchemaBuilder.record("Dispatch").namespace("test.wire").fields()
            .requiredString("headline").endRecord();

    /** Adds a field with a default: BACKWARD and FORWARD compatible with v1. */
    static final Schema DISPATCH_V2 = SchemaBuilder.record("Dispatch").namespace("test.wire").fields()
            .requiredString("headline")
            .name("desk").type().stringType().stringDefault("world").endRecord();

    /** Adds a field without a default: a v2 reader cannot read v1 data, so not BACKWARD compatible. */
    static final Schema DISPATCH_INCOMPATIBLE = SchemaBuilder.record("Dispatch").namespace("test.wire").fields()
            .requiredString("headline").requiredInt("wordCount").endRecord();

    /** Another record altogether. */
    static final Schema BULLETIN = SchemaBuilder.record("Bulletin").namespace("test.wire").fields()
            .requiredLong("sequence").optionalString("note").endRecord();

    private TestSchemas() {
    }
}
