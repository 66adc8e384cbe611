package io.wirewatch.ingest.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * RSS (0.9x, 1.0/RDF, 2.0) and Atom (0.3, 1.0) feeds, read by Rome from a DOM that {@link SafeXml} built (so no
 * DOCTYPE, no entities). One story per item or entry; an item that cannot be a story is a failure of its own.
 * Id from the RSS {@code guid} or the Atom {@code id}; body from the full content when given, else the description
 * or summary, HTML stripped to paragraphs.
 */
public final class FeedParser implements StoryParser {

    @Override
    public Parsed parse(byte[] input, SourceMeta meta) throws ParseException {
        if (input.length == 0) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the feed document is empty; send an RSS or Atom document");
        }
        Document dom = SafeXml.parse(input, meta.location());
        SyndFeed feed = read(dom, meta.location());
        StoryFormat format = feed.getFeedType() != null && feed.getFeedType().toLowerCase(Locale.ROOT)
                .startsWith("atom") ? StoryFormat.ATOM : StoryFormat.RSS;
        List<RawStory> stories = new ArrayList<>();
        List<ParseException> failures = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            String location = meta.location() + "#item" + (i + 1);
            try {
                stories.add(StoryAssembler.assemble(draft(entries.get(i), feed, format), meta, 0));
            } catch (ParseException e) {
                failures.add(e.at(location, null));
            } catch (RuntimeException e) {
                failures.add(new ParseException(ParseException.Reason.MALFORMED_FEED, location, null,
                        "the item cannot be read (" + e + "); fix the item in the feed", e));
            }
        }
        return new Parsed(stories, failures, List.of());
    }

    private static SyndFeed read(Document dom, String location) throws ParseException {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            return input.build(dom);
        } catch (FeedException | RuntimeException e) {
            throw new ParseException(ParseException.Reason.MALFORMED_FEED, location, null,
                    "not an RSS or Atom feed Rome can read (" + e.getMessage() + "); check the root element "
                            + "(<rss>, <rdf:RDF> or <feed>) and the feed's required elements", e);
        }
    }

    private static StoryDraft draft(SyndEntry entry, SyndFeed feed, StoryFormat format) {
        StoryDraft draft = new StoryDraft(format);
        draft.sourceId = sourceId(entry);
        draft.uri = entry.getLink() != null ? entry.getLink() : entry.getUri();
        draft.headline = HtmlText.text(entry.getTitle());
        draft.byline = entry.getAuthor();
        draft.language = feed.getLanguage();
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        draft.publishedAt = published == null ? null : published.toInstant();
        String body = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                body = content.getValue();
                break;
            }
        }
        SyndContent description = entry.getDescription();
        if (body == null && description != null) {
            body = description.getValue();
        } else if (description != null) {
            draft.attribute("description", HtmlText.text(description.getValue()));
        }
        draft.addAll(HtmlText.paragraphs(body));
        for (SyndCategory category : entry.getCategories()) {
            draft.subjects.add(new Subject(category.getName(), null, category.getTaxonomyUri()));
        }
        draft.attribute("feedTitle", feed.getTitle());
        return draft;
    }

    /** The RSS guid or Atom id only: a link is not the source's id. */
    private static String sourceId(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            Guid guid = item.getGuid();
            return guid == null ? null : guid.getValue();
        }
        if (wire instanceof Entry atom) {
            return atom.getId();
        }
        return null;
    }
}
