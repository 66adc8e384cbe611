package io.wirewatch.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines ({@code \n}, {@code \r\n}) of bytes from a stream, keeping at most {@code maxLineBytes} of each: a
 * longer line is returned cut, with its full length, so one huge line cannot exhaust memory.
 */
final class BoundedLineReader {

    /** One line: its first bytes (all of them unless cut) and its full length. */
    record Line(byte[] bytes, long length) {
        boolean cut() {
            return length > bytes.length;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private boolean eof;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long length = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line(kept, length);
            }
            length++;
            if (kept.size() < maxLineBytes) {
                kept.write(b);
            }
        }
        eof = true;
        return length == 0 ? null : line(kept, length);
    }

    private static Line line(ByteArrayOutputStream kept, long length) {
        byte[] bytes = kept.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && length == bytes.length) {
            return new Line(Arrays.copyOf(bytes, bytes.length - 1), length - 1);
        }
        return new Line(bytes, length);
    }
}
