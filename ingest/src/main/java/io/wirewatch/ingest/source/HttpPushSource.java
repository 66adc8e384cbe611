package io.wirewatch.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.ingest.parse.FormatDetector;
import io.wirewatch.ingest.parse.InputFormat;
import io.wirewatch.ingest.parse.SourceMeta;
import io.wirewatch.ingest.publish.Batch;
import io.wirewatch.ingest.publish.FatalPublishException;
import io.wirewatch.ingest.publish.Receipt;
import io.wirewatch.ingest.publish.StoryPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code POST /stories}: push one input (any supported format) with {@code Authorization: Bearer <token>}. The
 * content type picks the parser ({@code ?format=} overrides it; without either the content is sniffed).
 * {@code ?source=NAME} names the source. Answers 202 with the ids of the stories committed to news.raw and the parts
 * refused (which went to news.deadletter); 422 when nothing could be read (also dead-lettered); 400, 401, 404, 413,
 * 415 and 503 (busy, stopping, Kafka unusable) with a JSON error {@code {"error": CODE, "message": ...}} naming the problem. At most
 * {@code ingest.http.max.concurrent} bodies are held at once.
 */
public final class HttpPushSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Intake intake;
    private final StoryPublisher publisher;
    private final IngestMetrics metrics;
    private final String token;
    private final String defaultSource;
    private final long maxBodyBytes;
    private final Semaphore slots;
    private final Consumer<Throwable> onFatal;

    /**
     * @param token the bearer token; null disables the route (404)
     * @param onFatal told when publishing cannot go on (the service stops)
     */
    public HttpPushSource(Intake intake, StoryPublisher publisher, IngestMetrics metrics, String token,
                          String defaultSource, long maxBodyBytes, int maxConcurrent, Consumer<Throwable> onFatal) {
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.token = token;
        this.defaultSource = defaultSource;
        this.maxBodyBytes = maxBodyBytes;
        this.slots = new Semaphore(maxConcurrent, true);
        this.onFatal = onFatal;
    }

    /** Adds {@code POST /stories} to the service's HTTP server. */
    public void routes(RoutesConfig routes) {
        routes.post("/stories", this::handle);
    }

    void handle(Context ctx) {
        try {
            accept(ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.header("Retry-After", "5");
            error(ctx, 503, "SHUTTING_DOWN", "ingest is stopping and did not commit this push; send it again");
        } catch (FatalPublishException e) {
            onFatal.accept(e);
            error(ctx, 503, "UNAVAILABLE", "ingest cannot publish (" + e.getMessage() + "); the push was not "
                    + "committed");
        }
    }

    private void accept(Context ctx) throws InterruptedException {
        if (token == null) {
            error(ctx, 404, "PUSH_DISABLED", "POST /stories is disabled: set ingest.http.token to enable it");
            return;
        }
        if (!authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wirewatch-ingest\"");
            error(ctx, 401, "UNAUTHORIZED", "send the token of ingest.http.token as 'Authorization: Bearer <token>'");
            return;
        }
        String source = ctx.queryParam("source") == null ? defaultSource : ctx.queryParam("source");
        if (!SOURCE_NAME.matcher(source).matches()) {
            error(ctx, 400, "BAD_SOURCE", "source '" + abbreviate(source) + "' must be 1-64 letters, digits, '.', "
                    + "'_' or '-'");
            return;
        }
        InputFormat format = null;
        String formatParam = ctx.queryParam("format");
        String contentType = ctx.header("Content-Type");
        if (formatParam != null) {
            format = InputFormat.named(formatParam).orElse(null);
            if (format == null) {
                error(ctx, 400, "BAD_FORMAT", "format '" + abbreviate(formatParam) + "' is not one of text, ninjs, "
                        + "newsml, rss, atom, jsonl");
                return;
            }
        } else if (contentType != null && !contentType.isBlank()
                && !contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                && FormatDetector.byContentType(contentType) == null) {
            error(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "content type '" + abbreviate(contentType) + "' names no "
                    + "supported format; send text/plain, application/ninjs+json (or application/json), "
                    + "application/vnd.iptc.g2.newsitem+xml (or application/xml), application/rss+xml, "
                    + "application/atom+xml or application/x-ndjson, or add ?format=");
            return;
        }
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            tooLarge(ctx, declared);
            return;
        }
        if (!slots.tryAcquire(10, TimeUnit.SECONDS)) {
            ctx.header("Retry-After", "5");
            error(ctx, 503, "BUSY", "too many pushes at once (ingest.http.max.concurrent); retry after 5 s");
            return;
        }
        try {
            byte[] body = readLimited(ctx);
            if (body == null) {
                tooLarge(ctx, -1);
                return;
            }
            if (body.length == 0) {
                error(ctx, 400, "EMPTY", "the request body is empty; send a story");
                return;
            }
            String requestId = UUID.randomUUID().toString();
            String location = "POST /stories#" + requestId;
            SourceMeta meta = intake.meta(source, location, null, contentType);
            Batch batch = intake.read(body, meta, format, Place.URL);
            Receipt receipt = publisher.publish(batch);
            respond(ctx, requestId, batch, receipt);
        } catch (IOException e) {
            error(ctx, 400, "UNREADABLE_BODY", "the request body could not be read (" + e.getMessage() + "); send "
                    + "it again");
        } finally {
            slots.release();
        }
    }

    private void respond(Context ctx, String requestId, Batch batch, Receipt receipt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("request", requestId);
        ArrayNode ids = body.putArray("ids");
        receipt.storyIds().forEach(ids::add);
        ArrayNode rejected = body.putArray("rejected");
        for (DeadLetter letter : batch.deadLetters()) {
            ObjectNode r = rejected.addObject().put("reason", letter.getReasonCode())
                    .put("message", letter.getMessage());
            if (letter.getOrigin().getLine() != null) {
                r.put("line", letter.getOrigin().getLine());
            }
        }
        int status = receipt.storyIds().isEmpty() && !batch.deadLetters().isEmpty() ? 422 : 202;
        if (status == 422) {
            DeadLetter first = batch.deadLetters().get(0);
            body.put("error", first.getReasonCode());
            body.put("message", first.getMessage() + " (kept in the dead-letter topic)");
        }
        metrics.httpPush(status);
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or null when it is larger than the limit (read no further than the limit). */
    private byte[] readLimited(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private void tooLarge(Context ctx, long size) {
        error(ctx, 413, "TOO_LARGE", "the body is " + (size < 0 ? "over" : size + " bytes, over") + " the limit of "
                + maxBodyBytes + " bytes (ingest.http.max.body.bytes); split it or use the spool for big dumps");
    }

    private void error(Context ctx, int status, String code, String message) {
        metrics.httpPush(status);
        ObjectNode body = JSON.createObjectNode().put("error", code).put("message", message);
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
