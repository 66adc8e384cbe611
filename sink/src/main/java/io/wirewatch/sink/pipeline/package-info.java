/** The consumer loop, the sink contract, decoding and validation of enriched records, dead letters and retries. */
package io.wirewatch.sink.pipeline;
