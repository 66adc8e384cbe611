/**
 * The wirewatch schema registry: a Confluent-compatible REST API for Avro schemas whose state lives in a compacted
 * Kafka topic in Confluent's record format. {@link io.wirewatch.registry.RegistryServer} runs it in-process,
 * {@link io.wirewatch.registry.RegistryCommand} as {@code wirewatch registry}.
 */
package io.wirewatch.registry;
