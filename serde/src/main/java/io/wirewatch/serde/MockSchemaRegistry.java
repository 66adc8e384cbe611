package io.wirewatch.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named in-memory registries, shared within a JVM: every serde configured with {@code mock://scope} uses the same
 * {@link MockSchemaRegistryClient}. Drop a scope between tests with {@link #dropScope(String)}.
 */
public final class MockSchemaRegistry {

    /** URL prefix that selects an in-memory registry. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final Map<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The client of a scope, created on first use. */
    public static MockSchemaRegistryClient getClientForScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistryClient());
    }

    /** Forgets a scope and everything registered in it. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** The scope of a {@code mock://scope} URL, or null when the URL is not a mock URL. */
    static String scopeOf(String url) {
        String trimmed = url.trim();
        return trimmed.startsWith(MOCK_URL_PREFIX) ? trimmed.substring(MOCK_URL_PREFIX.length()) : null;
    }
}
