package vn.edu.lms.content.library.serving;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * The text extracted from a file version, for other modules (the search index) that must not read
 * the library's objects themselves. Read up to a limit: an index needs the words, not a whole
 * encyclopaedia, and the reader's memory stays bounded.
 */
@Service
public class ExtractedTexts {

    private final ObjectStorage storage;

    ExtractedTexts(ObjectStorage storage) {
        this.storage = storage;
    }

    /** The version's text, at most {@code maxChars} characters; empty when nothing was extracted. */
    public Mono<String> of(FileVersion file, int maxChars) {
        FileVersion.Extracted extracted = file.extracted();
        if (extracted == null || extracted.textKey() == null || extracted.textLength() == 0) {
            return Mono.just("");
        }
        // UTF-8 takes at most 4 bytes per char (Vietnamese letters 2 or 3); a cut character is dropped.
        return storage.readHead(extracted.textKey(), (long) maxChars * 4).map(bytes -> decode(bytes, maxChars));
    }

    private static String decode(byte[] bytes, int maxChars) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(Math.min(maxChars, bytes.length));
        decoder.decode(ByteBuffer.wrap(bytes), chars, true);
        chars.flip();
        return chars.toString();
    }
}
