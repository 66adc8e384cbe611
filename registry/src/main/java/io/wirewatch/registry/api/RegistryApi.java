package io.wirewatch.registry.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirewatch.registry.store.KafkaSchemaStore;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.SchemaRegistryState;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API for Avro, as Javalin routes: content types, optional basic auth, Confluent's
 * error bodies ({@code {"error_code":40401,"message":"..."}}) for every failure including unknown paths, and a
 * request timer per route.
 */
public final class RegistryApi {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryApi.class);
    private static final String STARTED = "registry.request.started";

    private final SchemaRegistryState state;
    private final KafkaSchemaStore store;
    private final BasicAuth auth;
    private final String realm;
    private final MeterRegistry metrics;

    /**
     * @param users basic auth users (user to password); empty turns auth off
     */
    public RegistryApi(SchemaRegistryState state, KafkaSchemaStore store, Map<String, String> users, String realm,
                       MeterRegistry metrics) {
        this.state = state;
        this.store = store;
        this.auth = new BasicAuth(users);
        this.realm = realm;
        this.metrics = metrics;
    }

    /** Adds the API to a server's routes (next to its health and metrics routes). */
    public void addTo(RoutesConfig routes) {
        routes.before(this::guard);
        routes.after(this::record);
        routes.get("/", ctx -> Json.answer(ctx, Json.MAPPER.createObjectNode()));
        new SubjectRoutes(state, store).register(routes);
        new SchemaRoutes(state).register(routes);
        new CompatibilityRoutes(state).register(routes);
        new ConfigRoutes(state, store).register(routes);
        routes.exception(RegistryException.class, this::registryError);
        routes.exception(HttpResponseException.class, RegistryApi::httpError);
        routes.exception(Exception.class, RegistryApi::internalError);
        routes.error(404, RegistryApi::notFound);
    }

    /** Runs before every request: auth, request content type, and no answers before the store is read. */
    private void guard(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        if (isOperational(ctx.path())) {
            return;
        }
        if (auth.enabled()) {
            try {
                auth.check(ctx.header("Authorization"));
            } catch (RegistryException e) {
                ctx.header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
                throw e;
            }
        }
        HandlerType method = ctx.method();
        if ((method == HandlerType.POST || method == HandlerType.PUT)
                && !Json.acceptableRequestType(ctx.header("Content-Type"))) {
            throw new RegistryException(415, 415, "HTTP 415 Unsupported Media Type: send "
                    + Json.V1 + ", " + Json.GENERIC + " or " + Json.PLAIN + ", not " + ctx.header("Content-Type"));
        }
        if (!store.caughtUp()) {
            throw new RegistryException(503, RegistryException.STORE_ERROR, store.notReadyMessage());
        }
    }

    /** Health and metrics stay open (probes and scrapers carry no credentials) and answer during startup. */
    private static boolean isOperational(String path) {
        return path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/");
    }

    private void registryError(RegistryException e, Context ctx) {
        int status = e.status() >= 400 && e.status() < 600 ? e.status() : 500;
        if (status >= 500) {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.detail());
        }
        Json.error(ctx, status, e.errorCode(), e.detail());
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        HttpStatus known = HttpStatus.forStatus(status);
        Json.error(ctx, status, status, "HTTP " + status + " " + known.getMessage()
                + (status == 404 ? "" : ": " + e.getMessage()));
    }

    private static void internalError(Exception e, Context ctx) {
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        Json.error(ctx, 500, 500, "Internal error: " + e + "; see the registry log");
    }

    /** Unknown paths (and known paths with another method): Confluent's 404 body, which clients rely on. */
    private static void notFound(Context ctx) {
        String result = ctx.result();
        if (result == null || result.isEmpty() || !result.startsWith("{\"error_code\"")) {
            Json.error(ctx, 404, 404, "HTTP 404 Not Found");
        }
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = "unmatched";
        try {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            if (matched != null) {
                route = matched.path;
            }
        } catch (RuntimeException e) {
            // no endpoint matched (a 404, or a request refused before routing)
        }
        Timer.builder("registry.requests")
                .description("Schema registry HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(metrics)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
