package io.wirewatch.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Collects configuration in the order 12-factor tools use, each source overriding the one before:
 * the defaults of the {@code ConfigDef}, then a properties file, then environment variables, then CLI flags.
 *
 * <p>Environment variables map to keys by dropping the {@code WIREWATCH_} prefix, lower-casing, and turning
 * {@code _} into {@code .} ({@code __} into a literal {@code _}): {@code WIREWATCH_BOOTSTRAP_SERVERS} sets
 * {@code bootstrap.servers}, {@code WIREWATCH_SCHEMA_REGISTRY_URL} sets {@code schema.registry.url}.
 */
public final class ConfigLoader {

    /** Prefix of the environment variables wirewatch reads. */
    public static final String ENV_PREFIX = "WIREWATCH_";

    private ConfigLoader() {
    }

    /**
     * Merges the sources; later sources win. Keys not defined by any ConfigDef pass through unchanged, so Kafka's
     * own client settings ({@code security.protocol}, {@code producer.linger.ms}) can be given anywhere.
     *
     * @param file a properties file, or null
     * @param env the process environment (only {@code WIREWATCH_*} variables are read)
     * @param flags {@code key=value} settings from the command line
     */
    public static Map<String, String> load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(readProperties(file));
        }
        merged.putAll(fromEnvironment(env));
        merged.putAll(flags);
        return merged;
    }

    /** The settings a properties file holds. */
    public static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Configuration file " + file + " does not exist or is not a file");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, props.getProperty(k).trim()));
        return values;
    }

    /** The settings {@code WIREWATCH_*} environment variables hold. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ENV_PREFIX) && e.getKey().length() > ENV_PREFIX.length())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> values.put(envToKey(e.getKey()), e.getValue()));
        return values;
    }

    /** {@code WIREWATCH_SCHEMA_REGISTRY_URL} to {@code schema.registry.url}. */
    public static String envToKey(String variable) {
        String rest = variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
        return rest.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    /** {@code schema.registry.url} to {@code WIREWATCH_SCHEMA_REGISTRY_URL}, for documentation. */
    public static String keyToEnv(String key) {
        return ENV_PREFIX + key.replace("_", "__").replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
