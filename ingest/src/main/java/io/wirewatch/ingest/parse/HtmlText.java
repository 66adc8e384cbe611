package io.wirewatch.ingest.parse;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML bodies (ninjs {@code body_html}, feed content, XHTML) stripped to paragraphs with jsoup: block elements become
 * paragraphs, {@code h1}-{@code h6} SUBHEADs, {@code figcaption} and paragraphs ending in {@code (credit: ...)}
 * CAPTIONs; scripts, styles and other non-text elements are dropped; {@code <br><br>} splits paragraphs. Never
 * fetches anything: jsoup only parses the string.
 */
public final class HtmlText {

    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "math", "head", "button", "form", "nav", "aside", "footer", "img", "video", "audio");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "blockquote", "pre", "dd", "dt", "td", "th",
            "section", "article", "header", "main", "figure", "address", "tr", "ul", "ol", "dl", "table", "body",
            "html", "hr");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final int MAX_DEPTH = 64;
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*[^<>]*>");

    private HtmlText() {
    }

    /** Paragraphs of an HTML fragment or document, in order. */
    public static List<Paragraph> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        List<Paragraph> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walk(doc.body(), out, current, 0);
        flush(out, current, ParagraphRole.BODY);
        return out;
    }

    /** Plain text of an HTML fragment: tags removed, whitespace normalized. */
    public static String text(String html) {
        if (html == null) {
            return null;
        }
        return Texts.clean(Jsoup.parseBodyFragment(html).text());
    }

    /** True when the string looks like HTML (has a tag), so plain text is not run through the HTML parser. */
    public static boolean looksLikeHtml(String text) {
        return text != null && TAG.matcher(text).find();
    }

    private static void walk(Element element, List<Paragraph> out, StringBuilder current, int depth) {
        if (depth > MAX_DEPTH) {
            // absurdly deep markup: keep its text, stop recursing
            current.append(' ').append(element.text()).append(' ');
            return;
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                // source line breaks are whitespace in HTML; only <br> breaks a line
                current.append(text.getWholeText().replace('\r', ' ').replace('\n', ' '));
            } else if (child instanceof Element el) {
                String tag = el.normalName().toLowerCase(Locale.ROOT);
                if (DROP.contains(tag)) {
                    continue;
                }
                if (tag.equals("br")) {
                    current.append('\n');
                } else if (HEADINGS.contains(tag)) {
                    flush(out, current, ParagraphRole.BODY);
                    add(out, el.text(), ParagraphRole.SUBHEAD);
                } else if (tag.equals("figcaption")) {
                    flush(out, current, ParagraphRole.BODY);
                    add(out, el.text(), ParagraphRole.CAPTION);
                } else if (BLOCKS.contains(tag)) {
                    flush(out, current, ParagraphRole.BODY);
                    walk(el, out, current, depth + 1);
                    flush(out, current, ParagraphRole.BODY);
                } else {
                    walk(el, out, current, depth + 1);
                }
            }
        }
    }

    private static void flush(List<Paragraph> out, StringBuilder current, ParagraphRole role) {
        if (current.length() > 0) {
            // <br><br> (a blank line) inside one block separates paragraphs
            for (String part : current.toString().split("\\n\\s*\\n")) {
                add(out, part, role);
            }
            current.setLength(0);
        }
    }

    private static void add(List<Paragraph> out, String text, ParagraphRole role) {
        String clean = Texts.clean(text);
        if (clean == null) {
            return;
        }
        ParagraphRole actual = role == ParagraphRole.BODY && Texts.isCaption(clean) ? ParagraphRole.CAPTION
                : role;
        out.add(new Paragraph(actual, clean));
    }
}
