package io.wirewatch.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way ingest parses XML: DOCTYPEs are refused outright (so no entity is ever expanded and no external
 * entity or DTD is ever fetched: XXE and billion laughs cannot happen), XInclude is off, external access is off,
 * secure processing limits apply and elements nest at most {@value #MAX_DEPTH} deep. Encoding comes from the BOM or
 * the XML declaration, else UTF-8, as XML defines.
 */
public final class SafeXml {

    static final int MAX_DEPTH = 200;

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not stop parsing and there is nobody to tell mid-parse
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /**
     * A namespace-aware DOM of the input.
     *
     * @throws ParseException FORBIDDEN_DOCTYPE, INVALID_ENCODING or MALFORMED_XML, with line and column
     */
    public static Document parse(byte[] input, String location) throws ParseException {
        if (hasDoctype(input)) {
            throw doctype(location, null);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(input)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                throw doctype(location, e);
            }
            throw new ParseException(ParseException.Reason.MALFORMED_XML, location, (long) e.getLineNumber(),
                    "not well-formed XML at column " + e.getColumnNumber() + " (" + message + "); fix the document "
                            + "and send it again", e);
        } catch (CharConversionException e) {
            throw new ParseException(ParseException.Reason.INVALID_ENCODING, location, null,
                    "the XML bytes do not match its declared encoding (" + e.getMessage() + "); declare the right "
                            + "encoding in the XML declaration or convert the file to UTF-8", e);
        } catch (SAXException | IOException | RuntimeException e) {
            throw new ParseException(ParseException.Reason.MALFORMED_XML, location, null,
                    "not readable as XML (" + e + "); fix the document and send it again", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory;
    }

    /** A DOCTYPE in the first 64 KiB, in an ASCII-compatible or UTF-16 encoding. */
    static boolean hasDoctype(byte[] input) {
        int n = Math.min(input.length, 64 * 1024);
        String ascii = new String(input, 0, n, StandardCharsets.ISO_8859_1).replace("\u0000", "");
        return ascii.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
    }

    private static ParseException doctype(String location, Throwable cause) {
        return new ParseException(ParseException.Reason.FORBIDDEN_DOCTYPE, location, null,
                "the XML declares a DOCTYPE; ingest refuses DTDs and entities (they can read local files or expand "
                        + "without bound); remove the DOCTYPE and any entity references", cause);
    }
}
