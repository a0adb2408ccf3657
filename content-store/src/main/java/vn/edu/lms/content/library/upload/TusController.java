package vn.edu.lms.content.library.upload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The tus 1.0 resumable-upload protocol (core, creation, termination, expiration) over
 * {@link Uploads}, so that tus-js-client, Uppy and any other tus client can upload and resume.
 * Create with {@code Upload-Metadata: itemId <base64>,filename <base64>}; the finished file becomes
 * the item's newest version. With {@code purpose private} instead of an item, the file is stored
 * for its owner only, to be claimed by a feature (an assignment's submission).
 */
@RestController
@RequestMapping(TusController.PATH)
class TusController {

    static final String PATH = "/api/v1/library/uploads";
    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Uploads uploads;
    private final CurrentLibraryCaller callers;

    TusController(Uploads uploads, CurrentLibraryCaller callers) {
        this.uploads = uploads;
        this.callers = callers;
    }

    /** What the server speaks: asked by clients before anything else, so no version header is required. */
    @RequestMapping(value = { "", "/{id}" }, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header("Tus-Version", TUS_VERSION)
            .header("Tus-Extension", "creation,termination,expiration")
            .header("Tus-Max-Size", String.valueOf(uploads.properties().maxSize().toBytes())).build();
    }

    @PostMapping
    Mono<ResponseEntity<Void>> create(@RequestHeader(value = "Tus-Resumable", required = false) @Nullable String resumable,
            @RequestHeader(value = "Upload-Length", required = false) @Nullable String length,
            @RequestHeader(value = "Upload-Defer-Length", required = false) @Nullable String deferLength,
            @RequestHeader(value = "Upload-Metadata", required = false) @Nullable String metadata) {
        requireVersion(resumable);
        if (deferLength != null || length == null) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "upload-length-required");
        }
        long declared = parseLong(length, "Upload-Length");
        Map<String, String> fields = metadata(metadata);
        String itemId = fields.get("itemId");
        boolean privateFile = "private".equals(fields.get("purpose"));
        if (!privateFile && (itemId == null || itemId.isBlank())) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "upload-item-required");
        }
        String fileName = fileName(fields.getOrDefault("filename", fields.getOrDefault("name", "tep-tai-len")));
        return callers.current().flatMap(caller -> privateFile ? uploads.createPrivate(caller, declared, fileName)
                : uploads.create(caller, declared, java.util.Objects.requireNonNull(itemId), fileName))
            .map(upload -> ResponseEntity.created(URI.create(PATH + "/" + upload.id()))
                .header("Upload-Expires", HTTP_DATE.format(upload.expiresAt())).<Void>build());
    }

    @RequestMapping(value = "/{id}", method = RequestMethod.HEAD)
    Mono<ResponseEntity<Void>> head(@PathVariable String id,
            @RequestHeader(value = "Tus-Resumable", required = false) @Nullable String resumable) {
        return callers.current().flatMap(caller -> uploads.status(caller, id)).map(upload -> {
            requireVersion(resumable);
            var response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Upload-Offset", String.valueOf(upload.offset())).header("Upload-Length", String.valueOf(upload.length()));
            if (upload.state() == Upload.State.RECEIVING) {
                response.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
            }
            return response.<Void>build();
        });
    }

    @PatchMapping("/{id}")
    Mono<ResponseEntity<Void>> patch(@PathVariable String id, ServerHttpRequest request,
            @RequestHeader(value = "Tus-Resumable", required = false) @Nullable String resumable,
            @RequestHeader(value = "Upload-Offset", required = false) @Nullable String offset) {
        // Whose upload it is comes first: a stranger learns nothing about its protocol state.
        return callers.current().flatMap(caller -> uploads.status(caller, id).flatMap(owned -> {
                requireVersion(resumable);
                var contentType = request.getHeaders().getContentType();
                if (contentType == null || !OFFSET_OCTET_STREAM.equals(contentType.toString())) {
                    throw new LmsProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload-content-type");
                }
                if (offset == null) {
                    throw new LmsProblem(HttpStatus.BAD_REQUEST, "upload-offset-required");
                }
                return uploads.receive(caller, id, parseLong(offset, "Upload-Offset"), request.getBody());
            }))
            .map(upload -> {
                var response = ResponseEntity.noContent().header("Upload-Offset", String.valueOf(upload.offset()));
                if (upload.state() == Upload.State.RECEIVING) {
                    response.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
                }
                return response.<Void>build();
            });
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> terminate(@PathVariable String id,
            @RequestHeader(value = "Tus-Resumable", required = false) @Nullable String resumable) {
        return callers.current().flatMap(caller -> uploads.status(caller, id).flatMap(owned -> {
            requireVersion(resumable);
            return uploads.terminate(caller, id);
        })).thenReturn(ResponseEntity.noContent().build());
    }

    /** Progress and outcome for pages: how far the bytes are, and what became of them. */
    @GetMapping("/{id}")
    Mono<UploadView> status(@PathVariable String id) {
        return callers.current().flatMap(caller -> uploads.status(caller, id)).map(UploadView::of);
    }

    record UploadView(String id, @Nullable String itemId, String fileName, long length, long offset, int percent, Upload.State state,
            @Nullable String failure, @Nullable String mediaType, @Nullable String sha256, @Nullable Integer fileVersion,
            Instant expiresAt) {

        static UploadView of(Upload upload) {
            return new UploadView(upload.id(), upload.itemId(), upload.fileName(), upload.length(), upload.offset(),
                (int) (upload.offset() * 100 / upload.length()), upload.state(), upload.failure(), upload.mediaType(), upload.sha256(),
                upload.fileVersion(), upload.expiresAt());
        }
    }

    private static void requireVersion(@Nullable String resumable) {
        if (!TUS_VERSION.equals(resumable)) {
            LmsProblem problem = new LmsProblem(HttpStatus.PRECONDITION_FAILED, "tus-version");
            problem.getHeaders().set("Tus-Version", TUS_VERSION);
            throw problem;
        }
    }

    private static long parseLong(String value, String header) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "upload-bad-header", header);
        }
    }

    /** tus metadata: comma-separated pairs of a key and a base64 value. */
    static Map<String, String> metadata(@Nullable String header) {
        Map<String, String> fields = new HashMap<>();
        if (header == null || header.isBlank()) {
            return fields;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            try {
                fields.put(parts[0], parts.length < 2 ? "" : new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "upload-bad-header", "Upload-Metadata");
            }
        }
        return fields;
    }

    /** A name safe to keep and to send back: no path, no control characters, at most 200 characters. */
    static String fileName(String given) {
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "tep-tai-len";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
