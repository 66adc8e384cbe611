/** The PostgreSQL sink: Flyway migrations, the SQL mapping of a story and idempotent batched upserts. */
package io.wirewatch.sink.postgres;
