package io.wirewatch.sink.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.avro.file.CodecFactory;

/**
 * How the archive writes: where, with which codec, and when a partition's open files are rolled (finished).
 *
 * @param codec {@code deflate}, {@code zstd} or {@code null} (uncompressed)
 * @param codecLevel compression level, or -1 for the codec's default (deflate 6, zstd 3)
 * @param rollBytes roll a partition once its open files hold this many bytes on disk
 * @param rollAge roll a partition once its oldest open file is this old
 * @param maxOpenFiles roll a partition before it would hold more open files (days) than this
 */
public record ArchiveSettings(Path root, String codec, int codecLevel, long rollBytes, Duration rollAge,
                              int maxOpenFiles) {

    public ArchiveSettings {
        codec = codec.trim().toLowerCase(Locale.ROOT);
        codecFactory(codec, codecLevel);
    }

    /** The Avro codec these settings name. */
    public CodecFactory codecFactory() {
        return codecFactory(codec, codecLevel);
    }

    private static CodecFactory codecFactory(String codec, int level) {
        return switch (codec) {
            case "deflate" -> CodecFactory.deflateCodec(level < 0 ? 6 : level);
            case "zstd", "zstandard" -> CodecFactory.zstandardCodec(level < 0 ? 3 : level);
            case "null", "none" -> CodecFactory.nullCodec();
            default -> throw new IllegalArgumentException("Unknown archive codec '" + codec
                    + "': use deflate, zstd or null");
        };
    }
}
