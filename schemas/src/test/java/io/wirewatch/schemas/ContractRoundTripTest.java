package io.wirewatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ContractRoundTripTest {

    @Test
    void everyTopLevelRecordSurvivesBinaryEncoding() throws IOException {
        List<SpecificRecord> records = List.of(
                ExampleRecords.rawStory("story-1"),
                ExampleRecords.enrichedStory("story-2"),
                ExampleRecords.deadLetter(),
                ExampleRecords.trendCount());

        for (SpecificRecord record : records) {
            assertThat(roundTrip(record)).isEqualTo(record);
        }
    }

    @Test
    void aRawStoryWithOnlyRequiredFieldsTakesTheDocumentedDefaults() {
        RawStory story = RawStory.newBuilder()
                .setId("x").setSource("s").setFormat(io.wirewatch.avro.StoryFormat.TEXT)
                .setReceivedAt(java.time.Instant.EPOCH).setParagraphs(List.of()).setContentHash("sha256:00")
                .setProvenance(new io.wirewatch.avro.Provenance(null, "ingest-1", "0.1.0"))
                .build();

        assertThat(story.getPubStatus()).isEqualTo(io.wirewatch.avro.PubStatus.USABLE);
        assertThat(story.getSubjects()).isEmpty();
        assertThat(story.getAttributes()).isEmpty();
        assertThat(story.getHeadline()).isNull();
    }

    @Test
    void generatedClassesUseJavaStrings() {
        assertThat(EnrichedStory.getClassSchema().getField("taxonomyVersion").schema().getProp("avro.java.string"))
                .isEqualTo("String");
        assertThat(DeadLetter.getClassSchema().getField("reasonCode").schema().getProp("avro.java.string"))
                .isEqualTo("String");
        assertThat(TrendCount.getClassSchema().getFullName()).isEqualTo("io.wirewatch.avro.TrendCount");
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        SpecificDatumReader<T> reader = new SpecificDatumReader<>((Class<T>) record.getClass());
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
