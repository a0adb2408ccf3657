package vn.edu.lms.api.questionbank;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Images of questions, in object storage under {@code question-assets/}: an image's id is the
 * SHA-256 of its bytes, so the same image imported twice is stored once and a question's content
 * (which names it {@code asset:ID}) comes out the same, and re-importing a file adds nothing.
 */
@Component
public class QuestionAssets {

    /** Largest image taken. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String PREFIX = "question-assets/";
    /** Raster images only: an SVG may carry script, and these are served from the application's origin. */
    private static final Map<String, String> MEDIA_TYPES = Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif", "gif",
        "image/webp", "webp");

    private final ObjectStorage storage;

    QuestionAssets(ObjectStorage storage) {
        this.storage = storage;
    }

    public static boolean supported(String mediaType) {
        return MEDIA_TYPES.containsKey(mediaType);
    }

    /** Stores the image (once per content) and answers its id. */
    public Mono<String> store(byte[] bytes, String mediaType) {
        if (!supported(mediaType)) {
            return Mono.error(new LmsProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "question-asset-type"));
        }
        String id = idOf(bytes, mediaType);
        return storage.putBytes(PREFIX + id, bytes, mediaType).thenReturn(id);
    }

    /** The media type the bytes show they are (not what a browser claims), or null when they are no image taken here. */
    public static @org.jspecify.annotations.Nullable String mediaTypeOf(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The image's bytes and media type, for pages and papers that show it. */
    public Mono<Asset> read(String id) {
        if (!id.matches("[0-9a-f]{64}\\.(png|jpg|gif|webp)")) {
            return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "question-asset-not-found"));
        }
        String extension = id.substring(id.indexOf('.') + 1);
        String mediaType = MEDIA_TYPES.entrySet().stream().filter(entry -> entry.getValue().equals(extension)).findFirst().orElseThrow().getKey();
        return storage.readSmall(PREFIX + id).map(bytes -> new Asset(bytes, mediaType))
            .onErrorMap(error -> !(error instanceof LmsProblem), error -> new LmsProblem(HttpStatus.NOT_FOUND, "question-asset-not-found"));
    }

    public record Asset(byte[] bytes, String mediaType) {
    }

    /** The ids of the images a question's rich text shows ({@code asset:ID}), in order, each once. */
    public static Set<String> idsIn(QuestionContent content) {
        Set<String> ids = new LinkedHashSet<>();
        content.withText(text -> {
            Matcher asset = RichText.ASSET.matcher(text);
            while (asset.find()) {
                ids.add(asset.group(1));
            }
            return text;
        });
        return ids;
    }

    /** The bytes of each image, by id; an image that is missing or unreadable is left out (the page or print shows a placeholder). */
    public Mono<Map<String, byte[]>> readAll(Collection<String> ids) {
        return Flux.fromIterable(ids).concatMap(id -> read(id).map(found -> Map.entry(id, found.bytes())).onErrorResume(missing -> Mono.empty()))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The id an image has once stored: the SHA-256 of its bytes and its extension. */
    public static String idOf(byte[] bytes, String mediaType) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "." + MEDIA_TYPES.get(mediaType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
