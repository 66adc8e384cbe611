/**
 * The sink service: consumes news.enriched and writes every story exactly once to the Avro archive
 * ({@link io.wirewatch.sink.archive}) and PostgreSQL ({@link io.wirewatch.sink.postgres}), committing offsets only
 * after both hold the records durably ({@link io.wirewatch.sink.pipeline}). Start it with {@link
 * io.wirewatch.sink.SinkService} in-process or {@link io.wirewatch.sink.SinkCommand} from the command line.
 */
package io.wirewatch.sink;
