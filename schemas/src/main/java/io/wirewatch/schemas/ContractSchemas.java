package io.wirewatch.schemas;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** The top-level record schemas of the current data contract, as compiled into this jar. */
public final class ContractSchemas {

    /** Top-level records, each the value schema of one or more topics. */
    public static final List<Schema> TOP_LEVEL = List.of(
            RawStory.getClassSchema(),
            EnrichedStory.getClassSchema(),
            DeadLetter.getClassSchema(),
            TrendCount.getClassSchema());

    private ContractSchemas() {
    }

    /** The top-level schemas by full name, e.g. {@code io.wirewatch.avro.RawStory}. */
    public static Map<String, Schema> byFullName() {
        return TOP_LEVEL.stream().collect(Collectors.toUnmodifiableMap(Schema::getFullName, Function.identity()));
    }
}
