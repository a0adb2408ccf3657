package vn.edu.lms.content.library.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * The protocol between the server and an extraction child, in one place so both ends agree.
 * The server writes one request per file: the path, as {@link DataOutputStream#writeUTF}. The child
 * answers with frames on its standard output: {@code READY} once when started; then per request
 * either {@code FAILURE} (the reason slug), or {@code RESULT} (the extraction without thumbnail)
 * followed by {@code THUMBNAIL} (the PNG, empty for none). The thumbnail comes separately so that a
 * child dying while drawing it still delivers the text.
 * <p>
 * Each frame is {@code MAGIC, kind, length, payload}: the magic number catches a native library that
 * writes to file descriptor 1 behind Java's back, and the length lets the server refuse a frame
 * larger than any honest answer.
 */
final class Wire {

    static final int MAGIC = 0x4C4D5345; // "LMSE"

    static final byte READY = 1;
    static final byte RESULT = 2;
    static final byte FAILURE = 3;
    static final byte THUMBNAIL = 4;

    /** Thumbnails are a few tens of kilobytes; anything near this is not one. */
    static final int MAX_THUMBNAIL_BYTES = 8 << 20;

    /** Metadata strings from a hostile file could be megabytes; nobody needs a title that long. */
    static final int MAX_METADATA_CHARS = 1_000;

    private Wire() {
    }

    record Frame(byte kind, byte[] payload) {
    }

    static void write(DataOutputStream out, byte kind, byte[] payload) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(kind);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Reads one frame; any surprise is an IOException, which the server treats as a lost child. */
    static Frame read(DataInputStream in, int maxPayload) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("extraction child answered out of step");
        }
        byte kind = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > maxPayload) {
            throw new IOException("extraction child sent a frame of " + length + " bytes");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new EOFException("extraction child stopped in the middle of a frame");
        }
        return new Frame(kind, payload);
    }

    /** The largest RESULT payload for a text limit: three UTF-8 bytes per UTF-16 char at most, plus the metadata. */
    static int maxResultBytes(int maxTextChars) {
        return (int) Math.min(Integer.MAX_VALUE - 8, 3L * maxTextChars + 64 * 1024);
    }

    static byte[] encode(Extraction extraction) throws IOException {
        var bytes = new ByteArrayOutputStream(extraction.text().length() + 256);
        var out = new DataOutputStream(bytes);
        writeString(out, extraction.mediaType());
        writeString(out, extraction.text());
        out.writeBoolean(extraction.textTruncated());
        writeString(out, extraction.title());
        writeString(out, extraction.author());
        out.writeInt(extraction.pages() == null ? -1 : extraction.pages());
        writeString(out, extraction.language());
        out.writeDouble(extraction.durationSeconds() == null ? Double.NaN : extraction.durationSeconds());
        out.flush();
        return bytes.toByteArray();
    }

    static Extraction decode(byte[] payload) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(payload));
        String mediaType = required(readString(in));
        String text = required(readString(in));
        boolean truncated = in.readBoolean();
        String title = readString(in);
        String author = readString(in);
        int pages = in.readInt();
        String language = readString(in);
        double duration = in.readDouble();
        return new Extraction(mediaType, text, truncated, title, author, pages < 0 ? null : pages, language,
            Double.isNaN(duration) ? null : duration, null);
    }

    /** Length-prefixed UTF-8 rather than writeUTF, which stops at 64 KB; -1 is null. */
    private static void writeString(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static @Nullable String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("truncated string");
        }
        return new String(bytes, UTF_8);
    }

    private static String required(@Nullable String value) throws IOException {
        if (value == null) {
            throw new IOException("extraction child left out a required field");
        }
        return value;
    }
}
