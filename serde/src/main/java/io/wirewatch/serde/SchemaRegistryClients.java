package io.wirewatch.serde;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Creates the registry client a configuration asks for. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /**
     * A caching client for {@code schema.registry.url}: the in-memory registry of a scope for {@code mock://scope},
     * else a REST client over every URL given.
     */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        return create(new AvroSerdeConfig(configs));
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        List<String> urls = config.urls();
        if (config.isMock()) {
            if (urls.size() != 1) {
                throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls, "give one mock:// URL only");
            }
            return MockSchemaRegistry.getClientForScope(MockSchemaRegistry.scopeOf(urls.get(0)));
        }
        return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config));
    }
}
