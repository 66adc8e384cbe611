package io.wirewatch.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes text inputs: a byte-order mark wins, then a charset the input declares (the content type's
 * {@code charset} parameter), else UTF-8. Undecodable bytes become U+FFFD and are counted, so the caller can report
 * them; input that is mostly undecodable or holds NUL bytes is refused as binary.
 */
public final class TextDecoder {

    /** Decoded text, the charset used and how many malformed byte sequences were replaced. */
    public record Decoded(String text, Charset charset, int replaced) {

        /** Adds a warning naming the input when something was replaced. */
        public void warnTo(List<String> warnings, String location) {
            if (replaced > 0) {
                warnings.add(location + ": " + replaced + " byte sequence(s) were not valid " + charset
                        + " and were replaced with U+FFFD; declare the right charset (BOM or content type) to keep "
                        + "them");
            }
        }
    }

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)\"?");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextDecoder() {
    }

    /**
     * @throws ParseException INVALID_ENCODING when the bytes are binary or mostly not text in the charset
     */
    public static Decoded decode(byte[] input, String contentType, String location) throws ParseException {
        int offset = 0;
        Charset charset;
        if (startsWith(input, UTF8_BOM)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (hasUtf16Bom(input)) {
            charset = (input[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            offset = 2;
        } else {
            charset = declared(contentType, location);
        }
        Decoded decoded = decode(input, offset, charset);
        check(decoded, input.length - offset, location);
        return decoded;
    }

    /** The charset of a content type's {@code charset} parameter, else UTF-8. */
    static Charset declared(String contentType, String location) throws ParseException {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ParseException(ParseException.Reason.INVALID_ENCODING, location, null,
                    "the declared charset '" + m.group(1) + "' is not known; send UTF-8 or a charset Java supports",
                    e);
        }
    }

    private static Decoded decode(byte[] input, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input, offset, input.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) ((input.length - offset) * Math.max(1.0, decoder.maxCharsPerByte())) + 16));
        int replaced = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                in.position(in.position() + result.length());
                out.put('\uFFFD');
                replaced++;
            } else if (result.isUnderflow()) {
                break;
            } else {
                // the buffer holds at least one char per byte (and maxCharsPerByte), so it cannot overflow
                throw new IllegalStateException("decode buffer overflow");
            }
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), charset, replaced);
    }

    private static void check(Decoded decoded, int byteCount, String location) throws ParseException {
        String text = decoded.text();
        if (text.indexOf('\u0000') >= 0) {
            throw new ParseException(ParseException.Reason.INVALID_ENCODING, location, null,
                    "the input holds NUL bytes, so it is binary, not " + decoded.charset() + " text; send a text "
                            + "format (wire text, ninjs, NewsML-G2, RSS/Atom, JSON Lines)");
        }
        if (decoded.replaced() > 16 && decoded.replaced() * 10L > byteCount) {
            throw new ParseException(ParseException.Reason.INVALID_ENCODING, location, null,
                    decoded.replaced() + " of " + byteCount + " bytes are not valid " + decoded.charset()
                            + ": the input is binary or in another charset; declare the charset (BOM or content "
                            + "type charset) or convert it to UTF-8");
        }
    }

    /** True when the bytes start with a UTF-16 byte-order mark (either order). */
    public static boolean hasUtf16Bom(byte[] input) {
        return input.length >= 2 && ((input[0] & 0xFF) == 0xFE && (input[1] & 0xFF) == 0xFF
                || (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xFE);
    }

    /** The bytes without a leading UTF-8 byte-order mark. */
    public static byte[] withoutUtf8Bom(byte[] input) {
        return startsWith(input, UTF8_BOM) ? Arrays.copyOfRange(input, UTF8_BOM.length, input.length) : input;
    }

    private static boolean startsWith(byte[] input, byte[] prefix) {
        if (input.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (input[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
