package io.wirewatch.ingest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A spool of small invented stories in every format, with some malformed files among them. Every good file holds
 * one story with an id of its own; every malformed file fails in one of several ways.
 */
final class SpoolCorpus {

    final Set<String> storyIds = new LinkedHashSet<>();
    /** Malformed file name to the reason code its dead letter must carry. */
    final Map<String, String> malformed = new LinkedHashMap<>();

    static SpoolCorpus write(Path dir, int files, int malformedEvery) {
        SpoolCorpus corpus = new SpoolCorpus();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < files; i++) {
                if (i % malformedEvery == malformedEvery - 1) {
                    corpus.writeMalformed(dir, i);
                } else {
                    corpus.writeGood(dir, i);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }

    private void writeGood(Path dir, int i) throws IOException {
        String n = String.format("%04d", i);
        String id = "urn:wirewatch:it:" + n;
        String lead = "Country " + n + " and its neighbour agreed on joint naval drills number " + i + ".";
        String body = "Officers from both navies will train together at the harbour, officials said.";
        String name;
        String content;
        switch (i % 7) {
            case 0:
                name = n + ".txt";
                content = "Headline: Drill " + n + "\nId: " + id + "\nLanguage: en\n\n" + lead + "\n\n" + body + "\n";
                break;
            case 1:
                name = n + ".json";
                content = "{\"uri\":\"" + id + "\",\"language\":\"en\",\"headline\":\"Drill " + n
                        + "\",\"body_html\":\"<p>" + lead + "</p><p>" + body + "</p>\"}";
                break;
            case 2:
                name = n + ".ninjs";
                content = "{\"uri\":\"" + id + "\",\"language\":\"en\",\"headlines\":[{\"role\":\"main\",\"value\":"
                        + "\"Drill " + n + "\"}],\"bodies\":[{\"role\":\"main\",\"contenttype\":\"text/plain\","
                        + "\"value\":\"" + lead + "\\n" + body + "\"}]}";
                break;
            case 3:
                name = n + ".xml";
                content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\""
                        + " guid=\"" + id + "\" version=\"1\"><contentMeta><headline>Drill " + n + "</headline>"
                        + "<language tag=\"en\"/></contentMeta><contentSet><inlineXML contenttype=\"application/"
                        + "nitf+xml\"><nitf><body><body.content><p>" + lead + "</p><p>" + body + "</p>"
                        + "</body.content></body></nitf></inlineXML></contentSet></newsItem>";
                break;
            case 4:
                name = n + ".rss";
                content = "<rss version=\"2.0\"><channel><title>IT wire</title><link>https://it.example/</link>"
                        + "<description>test</description><language>en</language><item><guid>" + id + "</guid>"
                        + "<title>Drill " + n + "</title><description>&lt;p&gt;" + lead + "&lt;/p&gt;</description>"
                        + "</item></channel></rss>";
                break;
            case 5:
                name = n + ".atom";
                content = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>IT</title><id>urn:feed</id>"
                        + "<updated>2024-01-01T00:00:00Z</updated><entry><id>" + id + "</id><title>Drill " + n
                        + "</title><updated>2024-01-01T00:00:00Z</updated><summary>" + lead + "</summary>"
                        + "</entry></feed>";
                break;
            default:
                name = n + ".jsonl";
                content = "{\"id\":\"" + id + "\",\"language\":\"en\",\"title\":\"Drill " + n + "\",\"text\":\""
                        + lead + "\"}\n";
        }
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        storyIds.add(id);
    }

    private void writeMalformed(Path dir, int i) throws IOException {
        String n = String.format("%04d", i);
        String name;
        String reason;
        byte[] content;
        switch ((i / 20) % 8) {
            case 0:
                name = n + "-broken.json";
                reason = "MALFORMED_JSON";
                content = utf8("{\"uri\": \"x-" + n + "\", \"headline\": ");
                break;
            case 1:
                name = n + "-xxe.xml";
                reason = "FORBIDDEN_DOCTYPE";
                content = utf8("<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<newsItem guid=\"x\"><contentMeta><headline>&e;</headline></contentMeta></newsItem>");
                break;
            case 2:
                name = n + "-empty.txt";
                reason = "EMPTY";
                content = new byte[0];
                break;
            case 3:
                name = n + "-binary.txt";
                reason = "INVALID_ENCODING";
                content = new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00};
                break;
            case 4:
                name = n + "-truncated.xml";
                reason = "MALFORMED_XML";
                content = utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"t\"><contentMeta>"
                        + "<headline>Cut off");
                break;
            case 5:
                name = n + "-invoice.xml";
                reason = "NOT_A_STORY";
                content = utf8("<invoice><total>12</total></invoice>");
                break;
            case 6:
                name = n + "-nobody.json";
                reason = "NO_BODY";
                content = utf8("{\"uri\": \"x-" + n + "\", \"body_text\": \"   \"}");
                break;
            default:
                name = n + "-baddate.txt";
                reason = "INVALID_FIELD";
                content = utf8(" date 2022-02-31 A story with an impossible date.");
        }
        Files.write(dir.resolve(name), content);
        malformed.put(name, reason);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
