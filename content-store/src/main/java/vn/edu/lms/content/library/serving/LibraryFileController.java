package vn.edu.lms.content.library.serving;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.popularity.Downloads;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * The files of an item version: the upload itself, its thumbnail, its extracted text and its HLS
 * playlists and segments. Every request is checked against the item's visibility first.
 */
@RestController
@RequestMapping("/api/v1/library/items/{id}/versions/{number}")
@EnableConfigurationProperties(ServingProperties.class)
class LibraryFileController {

    /** Files an HLS rendition consists of; anything else (a path with "..", say) is not ours. */
    private static final Pattern HLS_FILE = Pattern.compile("([a-z0-9]+/)?[a-z0-9_]+\\.(m3u8|ts|m4s|mp4|aac|jpg)");
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    private final LibraryItems items;
    private final CurrentLibraryCaller callers;
    private final RangeServer server;
    private final ObjectStorage storage;
    private final ServingProperties properties;
    private final Downloads downloads;

    LibraryFileController(LibraryItems items, CurrentLibraryCaller callers, RangeServer server, ObjectStorage storage,
            ServingProperties properties, Downloads downloads) {
        this.downloads = downloads;
        this.items = items;
        this.callers = callers;
        this.server = server;
        this.storage = storage;
        this.properties = properties;
    }

    private Mono<FileVersion> visibleFile(String id, int number) {
        return callers.current().flatMap(caller -> items.visible(caller, id))
            .flatMap(item -> Mono.justOrEmpty(item.file(number)))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")));
    }

    /**
     * The uploaded file, as an attachment, or inline ({@code inline=true}, the preview) when it is of
     * a type a browser shows as inert content (see {@link #showsInline}); anything else, an HTML page
     * above all, is an attachment whatever was asked.
     */
    @GetMapping("/file")
    Mono<Void> file(@PathVariable String id, @PathVariable int number, @RequestParam(defaultValue = "false") boolean inline,
            ServerWebExchange exchange) {
        return visibleFile(id, number).flatMap(file -> countOpening(exchange, id).thenReturn(file)).flatMap(file -> {
            String disposition = RangeServer.disposition(inline && showsInline(file.mediaType()) ? "inline" : "attachment",
                file.fileName());
            if (properties.presignedDownloads()) {
                return storage.presignedGet(file.blobKey(), properties.presignedValidity(), Map.of("response-content-disposition",
                        disposition, "response-content-type", file.mediaType()))
                    .flatMap(url -> {
                        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
                        exchange.getResponse().getHeaders().setLocation(URI.create(url));
                        return exchange.getResponse().setComplete();
                    });
            }
            return server.serve(exchange, new RangeServer.Served(file.blobKey(), file.size(), "\"" + file.sha256() + "\"",
                file.uploadedAt(), file.mediaType(), "private, no-cache", disposition));
        });
    }

    /**
     * Types a browser displays without running anything of the file's: PDF, raster images, audio,
     * video and plain text. SVG is an image that can carry scripts, so it is not one of them.
     */
    static boolean showsInline(String mediaType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(mediaType);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        String main = type.getType();
        String sub = type.getSubtype();
        return "application".equals(main) && "pdf".equals(sub)
            || "image".equals(main) && !sub.contains("svg") && !type.isWildcardSubtype()
            || "audio".equals(main) || "video".equals(main)
            || "text".equals(main) && "plain".equals(sub);
    }

    @GetMapping("/thumbnail")
    Mono<Void> thumbnail(@PathVariable String id, @PathVariable int number, ServerWebExchange exchange) {
        return visibleFile(id, number).flatMap(file -> {
            String key = file.extracted() != null && file.extracted().thumbnailKey() != null ? file.extracted().thumbnailKey()
                : file.hls() != null ? file.hls().posterKey() : null;
            if (key == null) {
                return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"));
            }
            String type = key.endsWith(".jpg") ? "image/jpeg" : "image/png";
            return served(exchange, key, file, type, IMMUTABLE, null);
        });
    }

    /** The text extracted for search, as plain UTF-8 (the document preview of formats a browser cannot show). */
    @GetMapping("/text")
    Mono<Void> text(@PathVariable String id, @PathVariable int number, ServerWebExchange exchange) {
        return visibleFile(id, number).flatMap(file -> file.extracted() == null || file.extracted().textKey() == null
            ? Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"))
            : served(exchange, file.extracted().textKey(), file, "text/plain;charset=UTF-8", IMMUTABLE, null));
    }

    /** HLS: {@code hls/master.m3u8}, then the playlists and segments it names (relative URLs). */
    @GetMapping("/hls/{*path}")
    Mono<Void> hls(@PathVariable String id, @PathVariable int number, @PathVariable String path, ServerWebExchange exchange) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!HLS_FILE.matcher(relative).matches()) {
            return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"));
        }
        return visibleFile(id, number).flatMap(file -> {
            if (file.hls() == null) {
                return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"));
            }
            String type = relative.endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
                : relative.endsWith(".ts") ? "video/mp2t" : relative.endsWith(".jpg") ? "image/jpeg"
                : relative.endsWith(".aac") ? "audio/aac" : "video/mp4";
            Mono<Void> counted = "master.m3u8".equals(relative) ? countOpening(exchange, id) : Mono.empty();
            return counted.then(served(exchange, file.hls().prefix() + relative, file, type, IMMUTABLE, null));
        });
    }

    /**
     * A download for popularity: a GET of the whole file or of its start (a viewer's later range
     * requests are the same opening), or of a video's master playlist.
     */
    private Mono<Void> countOpening(ServerWebExchange exchange, String itemId) {
        String range = exchange.getRequest().getHeaders().getFirst(HttpHeaders.RANGE);
        boolean opening = HttpMethod.GET.equals(exchange.getRequest().getMethod()) && (range == null || range.startsWith("bytes=0-"));
        return opening ? downloads.count(itemId) : Mono.empty();
    }

    /** Objects derived from a blob never change: their key (which holds the digest) is their validator. */
    private Mono<Void> served(ServerWebExchange exchange, String key, FileVersion file, String type, String cache,
            @org.jspecify.annotations.Nullable String disposition) {
        return storage.stat(key).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(object -> server.serve(exchange, new RangeServer.Served(key, object.size(), "\"" + object.etag() + "\"",
                file.uploadedAt(), type, cache, disposition)));
    }
}
