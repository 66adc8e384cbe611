package io.wirewatch.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a service: {@code /health/live}, {@code /health/ready} (200 or 503, JSON with each check),
 * {@code /metrics} (Prometheus text format), plus whatever routes the service adds (ingest's {@code POST /stories},
 * the registry's REST API).
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;
    private final String host;

    private ServiceHttpServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts the server.
     *
     * @param port 0 for any free port
     * @param routes extra routes of the service, may be null
     * @param maxRequestBytes largest request body accepted
     * @throws IllegalStateException naming host and port when the port is taken
     */
    public static ServiceHttpServer start(String service, String host, int port, Health health,
                                          PrometheusMeterRegistry metrics, Consumer<RoutesConfig> routes,
                                          long maxRequestBytes) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxRequestBytes;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/health/live", ctx -> report(ctx, health.live()));
            config.routes.get("/health/ready", ctx -> report(ctx, health.ready()));
            config.routes.get("/health", ctx -> report(ctx, health.ready()));
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            if (routes != null) {
                routes.accept(config.routes);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("Cannot start the " + service + " HTTP server on " + host + ":" + port
                    + ": " + rootMessage(e) + "; set http.port to a free port (0 for any)", e);
        }
        LOG.info("{} serves health and metrics at http://{}:{}/", service, displayHost(host), app.port());
        return new ServiceHttpServer(app, host);
    }

    public static ServiceHttpServer start(String service, String host, int port, Health health,
                                          PrometheusMeterRegistry metrics, Consumer<RoutesConfig> routes) {
        return start(service, host, port, health, metrics, routes, 1_000_000L);
    }

    private static void report(Context ctx, Health.Report report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.up() ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        report.checks().forEach((name, check) -> checks.putObject(name)
                .put("status", check.up() ? "UP" : "DOWN").put("detail", check.detail()));
        ctx.status(report.up() ? 200 : 503).contentType("application/json").result(body.toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }

    public int port() {
        return app.port();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8091}. */
    public String url() {
        return "http://" + displayHost(host) + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
