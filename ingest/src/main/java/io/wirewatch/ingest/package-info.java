/** wirewatch ingest service. */
package io.wirewatch.ingest;
