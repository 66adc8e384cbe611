package io.wirewatch.platform.cli;

import io.wirewatch.platform.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every service command takes (a picocli mixin): a properties file, {@code --set key=value}
 * for any setting, and shortcuts for the two settings people change most. Merged in the documented order: defaults,
 * file, {@code WIREWATCH_*} environment variables, flags.
 */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (Kafka client keys pass through).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Any setting, e.g. --set topic.raw=my.raw --set producer.linger.ms=20. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka brokers (bootstrap.servers).")
    String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url"}, paramLabel = "URL",
            description = "Schema registry URL(s) (schema.registry.url).")
    String schemaRegistryUrl;

    /** The flags as settings: {@code --set} values, then the shortcuts. */
    public Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            flags.put("bootstrap.servers", bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put("schema.registry.url", schemaRegistryUrl);
        }
        return flags;
    }

    /** Merges defaults (left to the ConfigDef), the file, the process environment and the flags. */
    public Map<String, String> load() {
        return load(System.getenv());
    }

    public Map<String, String> load(Map<String, String> env) {
        return ConfigLoader.load(configFile, env, flags());
    }

    /** Adds a setting as if given with --set (used by launchers such as the local mode). */
    public void put(String key, String value) {
        settings.put(key, value);
    }
}
