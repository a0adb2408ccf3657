package vn.edu.lms.content.library.item;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Library items over HTTP: create (then upload files to it with tus), read with versions,
 * revisions and appraisal, edit metadata and sharing (optimistic, with If-Match), withdraw, browse.
 */
@RestController
@RequestMapping("/api/v1/library/items")
@Validated
class LibraryItemController {

    private final LibraryItems items;
    private final CurrentLibraryCaller callers;

    LibraryItemController(LibraryItems items, CurrentLibraryCaller callers) {
        this.items = items;
        this.callers = callers;
    }

    /** Metadata and sharing as a contributor sends them. */
    record ItemRequest(@Valid @NotNull Metadata metadata, @Nullable String schoolId, @NotNull Scope scope, @Nullable List<String> classIds) {

        LibraryItems.Draft draft() {
            return new LibraryItems.Draft(metadata, schoolId, scope, classIds == null ? List.of() : classIds);
        }
    }

    @PostMapping
    Mono<ResponseEntity<ItemView>> create(@Valid @RequestBody ItemRequest request) {
        return callers.current().filter(caller -> caller.mayContribute())
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")))
            .flatMap(caller -> items.create(caller, request.draft()))
            .map(item -> ResponseEntity.created(URI.create("/api/v1/library/items/" + item.id())).eTag(etag(item)).body(ItemView.of(item)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<ItemView>> item(@PathVariable String id) {
        return callers.current().flatMap(caller -> items.visible(caller, id))
            .map(item -> ResponseEntity.ok().eTag(etag(item)).body(ItemView.of(item)));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<ItemView>> edit(@PathVariable String id, @Valid @RequestBody ItemRequest request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        Long expected = ifMatch == null ? null : parseVersion(ifMatch);
        return callers.current().flatMap(caller -> items.visible(caller, id).then(items.edit(caller, id, expected, request.draft())))
            .map(item -> ResponseEntity.ok().eTag(etag(item)).body(ItemView.of(item)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String id) {
        return callers.current().flatMap(caller -> items.visible(caller, id).then(items.withdraw(caller, id)))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** Items the caller may see, newest first; {@code mine=true} for the caller's own. Full text is the search API's. */
    @GetMapping
    Flux<ItemView> browse(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String subjectCode,
            @RequestParam(required = false) @Nullable Integer grade, @RequestParam(required = false) @Nullable ResourceKind kind,
            @RequestParam(required = false) @Nullable String schoolId, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return callers.current().flatMapMany(caller -> items.browse(caller,
            new LibraryItems.Browse(mine, subjectCode, grade, kind, schoolId, page, size))).map(ItemView::of);
    }

    private static String etag(LibraryItem item) {
        return "\"" + item.version() + "\"";
    }

    private static long parseVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new LmsProblem(HttpStatus.PRECONDITION_FAILED, "library-item-changed");
        }
    }

    /**
     * An item as clients see it: its metadata, the Dublin Core record (with type, format and
     * identifier derived), sharing, state, every file version and every metadata revision.
     */
    record ItemView(String id, long version, Metadata metadata, Map<String, Object> dublinCore, String ownerId,
            @Nullable String schoolId, Scope scope, List<String> classIds, LibraryItem.State state, @Nullable Integer currentVersion,
            List<FileVersion> files, List<LibraryItem.Revision> revisions, LibraryItem.Appraisal appraisal, Instant createdAt,
            Instant updatedAt) {

        static ItemView of(LibraryItem item) {
            FileVersion current = item.current();
            return new ItemView(item.id(), item.version(), item.metadata(), dublinCore(item), item.ownerId(), item.schoolId(),
                item.scope(), item.classIds(), item.state(), current == null ? null : current.number(), item.files(), item.revisions(),
                item.appraisal(), item.createdAt(), item.updatedAt());
        }

        private static Map<String, Object> dublinCore(LibraryItem item) {
            Metadata m = item.metadata();
            FileVersion current = item.current();
            Map<String, Object> dc = new LinkedHashMap<>();
            dc.put("title", m.title());
            putIfPresent(dc, "creator", m.creator());
            putIfPresent(dc, "subject", m.subject());
            putIfPresent(dc, "description", m.description());
            putIfPresent(dc, "publisher", m.publisher());
            putIfPresent(dc, "date", m.date() == null ? null : m.date().toString());
            dc.put("type", m.kind().dublinCoreType());
            putIfPresent(dc, "format", current == null ? null : current.mediaType());
            dc.put("identifier", "urn:lms:library:" + item.id());
            dc.put("language", m.language());
            dc.put("rights", m.rights() != null ? m.rights() : m.licence().url() != null ? m.licence().url() : "All rights reserved");
            return dc;
        }

        private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }
}
