package io.wirewatch.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent Schema Registry REST client on {@code java.net.http}. Several URLs fail over in turn; I/O errors and
 * 5xx answers are retried with exponential backoff and jitter, 4xx answers never (they are the registry's verdict).
 * Errors carry the registry's {@code error_code}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** The registry's own media type; plain JSON is accepted too. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; "
            + "qs=0.9, application/json; qs=0.5";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Endpoint> endpoints;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final long backoffMs;
    private final long backoffMaxMs;
    private final AtomicInteger preferred = new AtomicInteger();

    private record Endpoint(URI base, String authorization) {
    }

    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        String userInfo = config.userInfo();
        List<Endpoint> list = new ArrayList<>();
        for (String url : config.urls()) {
            list.add(endpoint(url.trim(), userInfo));
        }
        this.endpoints = List.copyOf(list);
        this.requestTimeout = Duration.ofMillis(config.getInt(AvroSerdeConfig.REQUEST_TIMEOUT_MS));
        this.maxRetries = config.getInt(AvroSerdeConfig.MAX_RETRIES);
        this.backoffMs = config.getLong(AvroSerdeConfig.RETRY_BACKOFF_MS);
        this.backoffMaxMs = config.getLong(AvroSerdeConfig.RETRY_BACKOFF_MAX_MS);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private static Endpoint endpoint(String url, String userInfo) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        String credentials = userInfo;
        if (credentials == null && uri.getRawUserInfo() != null) {
            credentials = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        }
        if (uri.getRawUserInfo() != null) {
            uri = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        }
        String authorization = credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return new Endpoint(uri, authorization);
    }

    @Override
    public int register(String subject, Schema schema, boolean normalize) {
        String path = "/subjects/" + encode(subject) + "/versions" + normalize(normalize);
        JsonNode answer = send("POST", path, schemaBody(schema));
        if (!answer.path("id").isInt()) {
            throw new RegistryException(502, RegistryException.STORE_ERROR, "POST " + path + " answered without an "
                    + "integer \"id\": " + answer + "; is schema.registry.url a Confluent-compatible registry?");
        }
        return answer.path("id").asInt();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        return registered(send("POST", "/subjects/" + encode(subject) + normalize(normalize), schemaBody(schema)));
    }

    @Override
    public Schema getById(int id) {
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Schema " + id + " is of type " + type + ", not AVRO");
        }
        return AvroSchemas.parse(answer.path("schema").asText());
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public List<String> getAllSubjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean();
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String getCompatibility(String subject) {
        String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
        return send("GET", path, null).path("compatibilityLevel").asText();
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> versions = new ArrayList<>();
        send("DELETE", "/subjects/" + encode(subject) + (permanent ? "?permanent=true" : ""), null)
                .forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    /** {@code GET /}: true when some URL answers. */
    public boolean ping() {
        try {
            send("GET", "/", null);
            return true;
        } catch (RegistryException e) {
            return false;
        }
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private static String normalize(boolean normalize) {
        return normalize ? "?normalize=true" : "";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static RegisteredSchema registered(JsonNode n) {
        return new RegisteredSchema(n.path("subject").asText(), n.path("version").asInt(), n.path("id").asInt(),
                n.path("schemaType").asText("AVRO"), n.path("schema").asText());
    }

    /**
     * Sends a request, failing over between URLs and retrying I/O errors and 5xx with backoff.
     *
     * @throws RegistryException the registry's answer for 4xx; {@link RegistryException#UNREACHABLE} when every
     *     attempt failed without an answer
     */
    private JsonNode send(String method, String path, JsonNode body) {
        String payload = body == null ? null : body.toString();
        RegistryException last = null;
        int attempts = maxRetries + 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (preferred.get() + i) % endpoints.size();
                Endpoint endpoint = endpoints.get(index);
                try {
                    HttpResponse<String> response = http.send(request(endpoint, method, path, payload),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() < 300) {
                        preferred.set(index);
                        return body(endpoint, method, path, response);
                    }
                    RegistryException error = error(endpoint, method, path, response);
                    if (!error.isRetriable()) {
                        throw error;
                    }
                    last = error;
                } catch (IOException e) {
                    last = new RegistryException(RegistryException.UNREACHABLE, RegistryException.UNREACHABLE,
                            method + " " + endpoint.base() + path + " failed: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryException(RegistryException.UNREACHABLE, RegistryException.UNREACHABLE,
                            "Interrupted while calling the schema registry at " + endpoint.base(), e);
                }
                LOG.debug("Schema registry request failed, trying next: {}", last.getMessage());
            }
            if (attempt + 1 < attempts) {
                sleepBackoff(attempt);
            }
        }
        if (last.status() == RegistryException.UNREACHABLE) {
            throw new RegistryException(RegistryException.UNREACHABLE, RegistryException.UNREACHABLE,
                    "No schema registry answered " + method + " " + path + " after " + attempts + " attempt(s) on "
                            + endpoints.stream().map(e -> e.base().toString()).toList() + " (last: "
                            + last.getCause() + "); check schema.registry.url and that the registry is running",
                    last.getCause());
        }
        throw last;
    }

    private HttpRequest request(Endpoint endpoint, String method, String path, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (endpoint.authorization() != null) {
            builder.header("Authorization", endpoint.authorization());
        }
        return builder.build();
    }

    private static JsonNode body(Endpoint endpoint, String method, String path, HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new RegistryException(response.statusCode(), response.statusCode(), method + " " + endpoint.base()
                    + path + " answered HTTP " + response.statusCode() + " with a body that is not JSON ("
                    + abbreviate(text) + "); is schema.registry.url a Confluent-compatible registry?", e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }

    private static RegistryException error(Endpoint endpoint, String method, String path,
                                           HttpResponse<String> response) {
        int status = response.statusCode();
        int code = status;
        String message = response.body() == null ? "" : abbreviate(response.body());
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node != null && node.has("error_code")) {
                code = node.path("error_code").asInt(status);
                message = node.path("message").asText(message);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the raw body as the message
        }
        String hint = "";
        if (status == 401 || status == 403) {
            hint = endpoint.authorization() == null
                    ? "; the registry wants credentials: set basic.auth.credentials.source=USER_INFO and "
                            + "basic.auth.user.info=user:password"
                    : "; check the credentials in basic.auth.user.info (or user:password@ in schema.registry.url)";
        }
        return new RegistryException(status, code, method + " " + endpoint.base() + path + " answered HTTP " + status
                + ": " + message + hint);
    }

    private void sleepBackoff(int attempt) {
        long ceiling = Math.min(backoffMaxMs, backoffMs * (1L << Math.min(attempt, 20)));
        long delay = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.UNREACHABLE, RegistryException.UNREACHABLE,
                    "Interrupted while backing off between schema registry retries", e);
        }
    }
}
