package io.wirewatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;

/** Raw HTTP calls to a registry, for contract tests that check status codes, bodies and headers as sent. */
final class RegistryHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1 = "application/vnd.schemaregistry.v1+json";

    /** One answer: status, content type and body (parsed as JSON when it is JSON). */
    record Answer(int status, String contentType, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    RegistryHttp(String base) {
        this(base, null);
    }

    private RegistryHttp(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    RegistryHttp withBasicAuth(String user, String password) {
        return new RegistryHttp(base, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body, V1);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body, V1);
    }

    /** POST {"schema": "..."} */
    Answer postSchema(String path, Schema schema) {
        return post(path, schemaBody(schema.toString()));
    }

    /** Registers and returns the id, failing on anything but 200. */
    int register(String subject, Schema schema) {
        Answer answer = postSchema("/subjects/" + subject + "/versions", schema);
        if (answer.status() != 200) {
            throw new AssertionError("register " + subject + " answered " + answer);
        }
        return answer.json().path("id").asInt();
    }

    static String schemaBody(String schemaText) {
        return JSON.createObjectNode().put("schema", schemaText).toString();
    }

    Answer send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, null);
    }

    Answer send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
