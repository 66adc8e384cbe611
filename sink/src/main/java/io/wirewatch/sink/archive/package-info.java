/** The Avro archive: container files per partition roll and publish day, crash recovery, and the reader replay uses. */
package io.wirewatch.sink.archive;
