package io.wirewatch.ingest.parse;

import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * IPTC NewsML-G2: a {@code newsItem}, or a {@code newsMessage} holding several (each read on its own; a bad item is a
 * failure of its own). Id from the {@code guid} attribute, version from {@code version}; headline, byline, dateline,
 * language, urgency, subjects from {@code contentMeta}; times and status from {@code itemMeta}; the body from the
 * first {@code inlineXML} (NITF or XHTML) or {@code inlineData} (plain text) of the {@code contentSet}. Parsed by
 * {@link SafeXml}: no DOCTYPE, no entities.
 */
public final class NewsMlParser implements StoryParser {

    private static final Set<String> PARAGRAPHS = Set.of("p", "li", "blockquote", "pre", "dd", "dt", "td");
    private static final Set<String> SUBHEADS = Set.of("hl2", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> CAPTIONS = Set.of("media-caption", "figcaption", "caption");
    private static final Set<String> SKIPPED = Set.of("head", "body.head", "body.end", "script", "style",
            "media-reference", "media-producer", "media-metadata", "img");

    @Override
    public Parsed parse(byte[] input, SourceMeta meta) throws ParseException {
        if (input.length == 0) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the NewsML-G2 document is empty; send a newsItem");
        }
        Element root = SafeXml.parse(input, meta.location()).getDocumentElement();
        List<Element> items = new ArrayList<>();
        if ("newsItem".equals(root.getLocalName())) {
            items.add(root);
        } else if ("newsMessage".equals(root.getLocalName())) {
            items.addAll(descendants(root, "newsItem"));
        }
        if (items.isEmpty()) {
            throw new ParseException(ParseException.Reason.NOT_A_STORY, meta.location(), null,
                    "the XML root is <" + root.getTagName() + ">, not a NewsML-G2 newsItem or newsMessage with "
                            + "items; send NewsML-G2, or name the file .rss/.atom if it is a feed");
        }
        List<RawStory> stories = new ArrayList<>();
        List<ParseException> failures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String location = items.size() == 1 ? meta.location() : meta.location() + "#" + i;
            try {
                stories.add(StoryAssembler.assemble(read(items.get(i), location), meta, 0));
            } catch (ParseException e) {
                failures.add(e);
            }
        }
        return new Parsed(stories, failures, List.of());
    }

    private static StoryDraft read(Element item, String location) throws ParseException {
        StoryDraft draft = new StoryDraft(StoryFormat.NEWSML);
        draft.sourceId = attribute(item, "guid");
        draft.version = attribute(item, "version");
        draft.language = attribute(item, "xml:lang");
        Element itemMeta = child(item, "itemMeta");
        if (itemMeta != null) {
            String first = text(child(itemMeta, "firstCreated"));
            String created = first != null ? first : text(child(itemMeta, "versionCreated"));
            draft.publishedAt = Dates.parse(created, first != null ? "firstCreated" : "versionCreated", location,
                    null);
            Element status = child(itemMeta, "pubStatus");
            if (status != null) {
                draft.pubStatus = PubStatuses.parse(attribute(status, "qcode"), "<pubStatus qcode>", location, null);
            }
            Element link = child(itemMeta, "link");
            if (link != null) {
                draft.uri = attribute(link, "href");
            }
        }
        Element contentMeta = child(item, "contentMeta");
        if (contentMeta != null) {
            readContentMeta(contentMeta, draft, location);
        }
        if (draft.uri == null) {
            draft.uri = draft.sourceId;
        }
        Element contentSet = child(item, "contentSet");
        if (contentSet != null) {
            readBody(contentSet, draft);
        }
        return draft;
    }

    private static void readContentMeta(Element contentMeta, StoryDraft draft, String location)
            throws ParseException {
        draft.headline = text(child(contentMeta, "headline"));
        draft.byline = text(child(contentMeta, "by"));
        draft.dateline = text(child(contentMeta, "dateline"));
        Element language = child(contentMeta, "language");
        if (language != null && attribute(language, "tag") != null) {
            draft.language = attribute(language, "tag");
        }
        String urgency = text(child(contentMeta, "urgency"));
        if (urgency != null) {
            if (!urgency.matches("\\d{1,2}")) {
                throw new ParseException(ParseException.Reason.INVALID_FIELD, location, null,
                        "<urgency> is '" + Dates.abbreviate(urgency) + "'; use a number from 1 to 9");
            }
            draft.urgency = Integer.parseInt(urgency);
        }
        Element located = child(contentMeta, "located");
        if (located != null && draft.dateline == null) {
            draft.dateline = text(child(located, "name"));
        }
        for (Element subject : children(contentMeta, "subject")) {
            draft.subjects.add(new Subject(text(child(subject, "name")), attribute(subject, "qcode"),
                    attribute(subject, "type")));
        }
        for (Element keyword : children(contentMeta, "keyword")) {
            draft.subjects.add(new Subject(text(keyword), null, "keyword"));
        }
        draft.attribute("slugline", text(child(contentMeta, "slugline")));
    }

    private static void readBody(Element contentSet, StoryDraft draft) {
        Element inline = child(contentSet, "inlineXML");
        if (inline != null) {
            String fallbackHeadline = firstText(inline, Set.of("hl1", "title"));
            if (draft.headline == null) {
                draft.headline = fallbackHeadline;
            }
            walk(inline, draft);
            return;
        }
        Element data = child(contentSet, "inlineData");
        if (data != null) {
            draft.addAll(BodyText.paragraphs(data.getTextContent()));
        }
    }

    private static void walk(Element element, StoryDraft draft) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element el)) {
                continue;
            }
            String name = localName(el);
            if (SKIPPED.contains(name)) {
                continue;
            }
            if (PARAGRAPHS.contains(name)) {
                String text = Texts.clean(el.getTextContent());
                draft.add(Texts.isCaption(text) ? ParagraphRole.CAPTION : ParagraphRole.BODY, text);
            } else if (SUBHEADS.contains(name)) {
                String text = Texts.clean(el.getTextContent());
                if (text != null && !text.equals(Texts.clean(draft.headline))) {
                    draft.add(ParagraphRole.SUBHEAD, text);
                }
            } else if (CAPTIONS.contains(name)) {
                draft.add(ParagraphRole.CAPTION, el.getTextContent());
            } else {
                walk(el, draft);
            }
        }
    }

    private static String firstText(Element root, Set<String> names) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                if (names.contains(localName(el))) {
                    String text = Texts.clean(el.getTextContent());
                    if (text != null) {
                        return text;
                    }
                }
                String deeper = firstText(el, names);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private static String localName(Element el) {
        String name = el.getLocalName() != null ? el.getLocalName() : el.getTagName();
        return name.toLowerCase(Locale.ROOT);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && name.equals(el.getLocalName())) {
                return el;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && name.equals(el.getLocalName())) {
                found.add(el);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String name) {
        NodeList list = root.getElementsByTagNameNS("*", name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static String attribute(Element el, String name) {
        String value = name.equals("xml:lang") ? el.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")
                : el.getAttribute(name);
        return Texts.clean(value);
    }

    private static String text(Element el) {
        return el == null ? null : Texts.clean(el.getTextContent());
    }
}
