package io.wirewatch.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: byte 0 is 0x00, bytes 1-4 the big-endian schema id, then the Avro binary body. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /**
     * Reads the schema id of a framed payload.
     *
     * @throws SerializationException naming the topic when the payload is too short or the magic byte is wrong
     */
    public static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': " + payload.length
                    + " bytes is too short for the Confluent wire format (0x00, 4-byte schema id, Avro binary)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Cannot deserialize a record of topic '%s': unknown magic "
                    + "byte 0x%02x (expected 0x00); the record was not written by a Confluent-compatible Avro "
                    + "serializer", topic, payload[0] & 0xff));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
