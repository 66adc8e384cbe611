package io.wirewatch.registry.api;

import io.wirewatch.serde.RegistryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP basic auth against a fixed set of users; passwords compared in constant time. */
final class BasicAuth {

    private final Map<String, byte[]> users;

    BasicAuth(Map<String, String> users) {
        this.users = users.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)));
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    /**
     * Checks an {@code Authorization} header.
     *
     * @throws RegistryException 401 when it is missing, malformed or wrong
     */
    void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("this registry needs HTTP basic auth credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("the basic auth credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        byte[] expected = colon < 0 ? null : users.get(decoded.substring(0, colon));
        byte[] given = colon < 0 ? new byte[0] : decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        boolean match = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
        if (expected == null || !match) {
            throw unauthorized("unknown user or wrong password");
        }
    }

    private static RegistryException unauthorized(String why) {
        return new RegistryException(401, 401, "Unauthorized: " + why
                + " (clients: basic.auth.credentials.source=USER_INFO, basic.auth.user.info=user:password)");
    }
}
