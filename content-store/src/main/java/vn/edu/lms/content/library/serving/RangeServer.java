package vn.edu.lms.content.library.serving;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Streams an object to the browser the way players and download managers expect: a single byte
 * range (206) or the whole (200), ETag and Last-Modified with conditional requests (304, If-Range),
 * 416 for a range past the end, and nothing held in memory beyond one 64 KiB buffer. What it sends
 * was uploaded by someone else, so it never runs as part of this origin: a sandboxing policy that
 * allows nothing (a document opened from here has no scripts, no origin, no plug-ins) and no type
 * sniffing. Players, images and PDF.js read the bytes as media or data, which neither affects.
 */
@Component
class RangeServer {

    /** The policy of every file the library serves. */
    static final String SANDBOX = "sandbox; default-src 'none'";

    private final ObjectStorage storage;

    RangeServer(ObjectStorage storage) {
        this.storage = storage;
    }

    /** What to send: the object, its size, a strong validator and the type to label it with. */
    record Served(String key, long size, String etag, Instant lastModified, String contentType, String cacheControl,
            @org.jspecify.annotations.Nullable String disposition) {
    }

    Mono<Void> serve(ServerWebExchange exchange, Served served) {
        var response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.set("Content-Security-Policy", SANDBOX);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl(served.cacheControl());
        if (exchange.checkNotModified(served.etag(), served.lastModified())) {
            return response.setComplete();
        }
        headers.setContentType(MediaType.parseMediaType(served.contentType()));
        if (served.disposition() != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, served.disposition());
        }
        long start = 0;
        long length = served.size();
        List<HttpRange> ranges = rangesToHonour(exchange, served);
        if (ranges.size() == 1) {
            HttpRange range = ranges.get(0);
            start = range.getRangeStart(served.size());
            long end = range.getRangeEnd(served.size());
            if (start >= served.size() || start > end) {
                return unsatisfiable(exchange, served.size());
            }
            length = end - start + 1;
            response.setStatusCode(HttpStatus.PARTIAL_CONTENT);
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + served.size());
        }
        headers.setContentLength(length);
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        DataBufferFactory buffers = response.bufferFactory();
        return response.writeWith(storage.read(served.key(), start, length, buffers));
    }

    /** One satisfiable range, or none (whole object): several ranges are answered whole, as RFC 9110 allows. */
    private List<HttpRange> rangesToHonour(ServerWebExchange exchange, Served served) {
        HttpHeaders request = exchange.getRequest().getHeaders();
        String header = request.getFirst(HttpHeaders.RANGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String ifRange = request.getFirst(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.equals(served.etag())) {
            return List.of();
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(header);
            return ranges.size() == 1 ? ranges : List.of();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    private static Mono<Void> unsatisfiable(ServerWebExchange exchange, long size) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        response.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        return response.setComplete();
    }

    /**
     * {@code Content-Disposition} that keeps a Vietnamese name (RFC 6266 with RFC 5987's
     * {@code filename*}) and gives old clients an ASCII fallback without diacritics.
     */
    static String disposition(String type, String fileName) {
        return type + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
            + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    static String asciiFallback(String fileName) {
        String folded = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
        return folded.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
    }
}
