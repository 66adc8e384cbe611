package io.wirewatch.ingest.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * A feed to poll: its name (the stories' source) and URL. Configured as {@code NAME=URL}.
 */
public record FeedSpec(String name, URI url) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The feeds of {@code ingest.feeds} entries; a malformed entry is a ConfigException naming it. */
    public static List<FeedSpec> parseAll(List<String> entries) {
        List<FeedSpec> feeds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            FeedSpec feed = parse(entry.trim());
            if (!names.add(feed.name())) {
                throw new ConfigException("ingest.feeds", entry, "feed name '" + feed.name() + "' is used twice; "
                        + "give every feed its own name");
            }
            feeds.add(feed);
        }
        return feeds;
    }

    static FeedSpec parse(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("ingest.feeds", entry, "write each feed as NAME=URL, e.g. "
                    + "example-rss=https://news.example/rss.xml");
        }
        String name = entry.substring(0, eq).trim();
        String url = entry.substring(eq + 1).trim();
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("ingest.feeds", entry, "feed name '" + name + "' must be 1-64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ingest.feeds", entry, "'" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new ConfigException("ingest.feeds", entry, "'" + url + "' must be an http:// or https:// URL");
        }
        return new FeedSpec(name, uri);
    }
}
