package io.wirewatch.ingest.source;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.ingest.parse.InputFormat;
import io.wirewatch.ingest.parse.ParseException;
import io.wirewatch.ingest.parse.Parsers;
import io.wirewatch.ingest.parse.StoryIds;
import io.wirewatch.ingest.publish.Backoff;
import io.wirewatch.ingest.publish.Batch;
import io.wirewatch.ingest.publish.StoryPublisher;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds over HTTP (java.net.http) on a few threads (one poll of a feed at a time; a slow feed
 * delays no other feed beyond the thread count). Conditional GET: the
 * {@code ETag} and {@code Last-Modified} of the last answer go back as {@code If-None-Match} and
 * {@code If-Modified-Since}, and a 304 costs no parsing. New items (ids not in the feed's bounded memory of seen ids)
 * are published in one transaction per poll; bad items and unreadable documents become dead letters once. A feed
 * that fails (timeout, connection refused, HTTP error, unreadable document) is polled again after an exponential
 * backoff with jitter, up to {@code ingest.feed.backoff.max.ms}; the others go on. Per-feed metrics: polls by
 * outcome, new items, current backoff.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** At most this many feeds are polled at the same time. */
    static final int MAX_THREADS = 4;

    /** One feed's state between polls. Only touched by its own poll, which runs once at a time. */
    static final class FeedState {
        final FeedSpec spec;
        final SeenItems seen;
        final Backoff backoff;
        String etag;
        String lastModified;
        volatile String lastOutcome = "pending";

        FeedState(FeedSpec spec, int seenMax, Duration interval, Duration backoffMax) {
            this.spec = spec;
            this.seen = new SeenItems(seenMax);
            this.backoff = new Backoff(interval, backoffMax, Math::random);
        }
    }

    private final List<FeedState> feeds = new ArrayList<>();
    private final Intake intake;
    private final StoryPublisher publisher;
    private final IngestMetrics metrics;
    private final Duration interval;
    private final Duration timeout;
    private final long maxBytes;
    private final Consumer<Throwable> onFatal;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private volatile boolean running;

    public FeedPoller(List<FeedSpec> specs, Intake intake, StoryPublisher publisher, IngestMetrics metrics,
                      Duration interval, Duration timeout, Duration backoffMax, int seenMax,
                      Consumer<Throwable> onFatal) {
        specs.forEach(s -> feeds.add(new FeedState(s, seenMax, interval, backoffMax)));
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.interval = interval;
        this.timeout = timeout;
        this.maxBytes = intake.parsers().maxInputBytes();
        this.onFatal = onFatal;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(MAX_THREADS, specs.size())), r -> {
            Thread t = new Thread(r, "ingest-feeds-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        running = true;
        for (FeedState feed : feeds) {
            scheduler.schedule(() -> pollAndReschedule(feed), 0, TimeUnit.MILLISECONDS);
            LOG.info("Polling feed '{}' at {} every {} s", feed.spec.name(), feed.spec.url(), interval.toSeconds());
        }
    }

    /** How many polls of the feed finished (any outcome), for tests and diagnostics. */
    public int polls(String feed) {
        return polls.getOrDefault(feed, 0);
    }

    /** The outcome of the feed's last poll: new, unchanged, not_modified, invalid or error. */
    public String lastOutcome(String feed) {
        return feeds.stream().filter(f -> f.spec.name().equals(feed)).findFirst()
                .map(f -> f.lastOutcome).orElse(null);
    }

    private void pollAndReschedule(FeedState feed) {
        if (!running) {
            return;
        }
        Duration next;
        try {
            next = poll(feed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("Feed polling stops: {}", e.getMessage(), e);
                onFatal.accept(e);
            }
            return;
        }
        polls.merge(feed.spec.name(), 1, Integer::sum);
        metrics.feedBackoff(feed.spec.name(), feed.backoff.failures() == 0 ? Duration.ZERO : next);
        if (running) {
            scheduler.schedule(() -> pollAndReschedule(feed), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One poll; returns the wait before the next one. */
    Duration poll(FeedState feed) throws InterruptedException {
        String name = feed.spec.name();
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.spec.url()).timeout(timeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "wirewatch-ingest");
        if (feed.etag != null) {
            request.header("If-None-Match", feed.etag);
        }
        if (feed.lastModified != null) {
            request.header("If-Modified-Since", feed.lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(),
                LimitedBody.handler(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(feed, "no complete answer within " + timeout.toMillis() + " ms (ingest.feed.timeout.ms)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof LimitedBody.TooLarge) {
                ParseException tooLarge = Parsers.tooLarge(feed.spec.url().toString(), maxBytes + 1, maxBytes);
                publishNew(feed, List.of(), List.of(intake.reject(tooLarge, name, Place.URL, new byte[0])));
                return failed(feed, cause.getMessage());
            }
            return failed(feed, cause.toString());
        }
        int status = response.statusCode();
        if (status == 304) {
            return answered(feed, "not_modified");
        }
        if (status < 200 || status >= 300) {
            return failed(feed, "HTTP " + status);
        }
        feed.etag = response.headers().firstValue("ETag").orElse(null);
        feed.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        String location = feed.spec.url().toString();
        Batch batch = intake.read(response.body(), intake.meta(name, location, feed.spec.url().getPath(),
                response.headers().firstValue("Content-Type").orElse(null)), InputFormat.FEED, Place.URL);
        int published = publishNew(feed, batch.stories(), batch.deadLetters());
        if (batch.stories().isEmpty() && !batch.deadLetters().isEmpty()) {
            metrics.feedPoll(name, "invalid");
            feed.lastOutcome = "invalid";
            // the document is unreadable: try it again later, not at the normal pace
            feed.etag = null;
            feed.lastModified = null;
            Duration wait = feed.backoff.next();
            LOG.warn("Feed '{}' answered with a document that holds no readable item; next poll in {} ms", name,
                    wait.toMillis());
            return wait;
        }
        metrics.feedItems(name, published);
        return answered(feed, published > 0 ? "new" : "unchanged");
    }

    /** Publishes the stories and dead letters not seen before; returns how many stories were new. */
    private int publishNew(FeedState feed, List<RawStory> stories, List<DeadLetter> letters)
            throws InterruptedException {
        List<RawStory> fresh = new ArrayList<>();
        for (RawStory story : stories) {
            if (!feed.seen.contains(story.getId())) {
                fresh.add(story);
            }
        }
        List<DeadLetter> freshLetters = new ArrayList<>();
        for (DeadLetter letter : letters) {
            if (!feed.seen.contains(failureKey(letter))) {
                freshLetters.add(letter);
            }
        }
        if (fresh.isEmpty() && freshLetters.isEmpty()) {
            return 0;
        }
        publisher.publish(Batch.of(fresh, freshLetters));
        fresh.forEach(s -> feed.seen.add(s.getId()));
        freshLetters.forEach(l -> feed.seen.add(failureKey(l)));
        return fresh.size();
    }

    private static String failureKey(DeadLetter letter) {
        return "failure:" + StoryIds.sha256(letter.getReasonCode() + "\n" + letter.getMessage());
    }

    private Duration answered(FeedState feed, String outcome) {
        metrics.feedPoll(feed.spec.name(), outcome);
        feed.lastOutcome = outcome;
        feed.backoff.reset();
        return interval;
    }

    private Duration failed(FeedState feed, String why) {
        metrics.feedPoll(feed.spec.name(), "error");
        feed.lastOutcome = "error";
        Duration wait = feed.backoff.next();
        LOG.warn("Feed '{}' ({}) failed: {}; poll {} in a row failed, next in {} ms", feed.spec.name(),
                feed.spec.url(), why, feed.backoff.failures(), wait.toMillis());
        return wait;
    }

    public void close(Duration wait) {
        running = false;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The feed poller did not stop within {} ms", wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
