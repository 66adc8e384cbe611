package io.wirewatch.sink.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ArchiveFileNameTest {

    @Test
    void finishedNameCarriesTopicPartitionAndOffsetRange() {
        ArchiveFileName name = new ArchiveFileName("news.enriched", 2, 100, 199);

        assertThat(name.fileName()).isEqualTo("news.enriched-2-000000000100-000000000199.avro");
        assertThat(ArchiveFileName.parse(name.fileName())).contains(name);
    }

    @Test
    void topicsWithDashesAndDigitsParseBack() {
        ArchiveFileName name = new ArchiveFileName("my-topic-7", 11, 0, 123_456_789_012_345L);

        assertThat(ArchiveFileName.parse(name.fileName())).contains(name);
    }

    @Test
    void inProgressNamesAreHiddenAndParseApartFromFinishedOnes() {
        String inProgress = ArchiveFileName.inProgressName(new TopicPartition("news.enriched", 2), 200);

        assertThat(inProgress).isEqualTo(".news.enriched-2-000000000200.avro.inprogress");
        assertThat(ArchiveFileName.parse(inProgress)).isEmpty();
        assertThat(ArchiveFileName.parseInProgress(inProgress))
                .contains(new ArchiveFileName.InProgress("news.enriched", 2, 200));
    }

    @Test
    void otherFilesAreNotArchiveFiles() {
        assertThat(ArchiveFileName.parse("notes.txt")).isEmpty();
        assertThat(ArchiveFileName.parse("news.enriched-2-100.avro")).isEmpty();
        assertThat(ArchiveFileName.parse(".news.enriched-2-1-2.avro")).isEmpty();
        assertThat(ArchiveFileName.parseInProgress("news.enriched-2-000000000200.avro.inprogress")).isEmpty();
    }
}
