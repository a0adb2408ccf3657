package vn.edu.lms.content.library.appraisal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItem.Appraisal;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.item.Scope;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Thẩm định: the owner submits an item for district sharing; a reviewer (tổ trưởng) of its subject
 * approves it, or rejects it with a reason; every transition is kept with who, when and why, and
 * the owner sees them on the item.
 */
@RestController
@Validated
class AppraisalController {

    private final LibraryItems items;
    private final CurrentLibraryCaller callers;
    private final java.time.Clock clock;

    AppraisalController(LibraryItems items, CurrentLibraryCaller callers, java.time.Clock clock) {
        this.items = items;
        this.callers = callers;
        this.clock = clock;
    }

    enum Decision {
        SUBMIT, APPROVE, REJECT
    }

    record AppraisalRequest(@NotNull Decision decision, @Size(max = 2000) @Nullable String comment) {
    }

    record AppraisalView(String itemId, Appraisal appraisal, Scope scope) {
    }

    @PostMapping("/api/v1/library/items/{id}/appraisal")
    Mono<AppraisalView> decide(@PathVariable String id, @Valid @RequestBody AppraisalRequest request) {
        return callers.current().flatMap(caller -> items.visible(caller, id)
            .then(items.appraise(id, item -> next(caller, item, request))))
            .map(item -> new AppraisalView(item.id(), item.appraisal(), item.scope()));
    }

    private Mono<Appraisal> next(LibraryCaller caller, LibraryItem item, AppraisalRequest request) {
        Appraisal.Status status = item.appraisal().status();
        return switch (request.decision()) {
            case SUBMIT -> {
                if (!LibraryAccess.mayEdit(caller, item)) {
                    yield Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden"));
                }
                if (item.scope() != Scope.DISTRICT) {
                    yield Mono.error(new LmsProblem(HttpStatus.CONFLICT, "appraisal-needs-district-scope"));
                }
                if (status == Appraisal.Status.SUBMITTED || status == Appraisal.Status.APPROVED) {
                    yield Mono.error(new LmsProblem(HttpStatus.CONFLICT, "appraisal-state", status.name()));
                }
                if (item.current() == null) {
                    yield Mono.error(new LmsProblem(HttpStatus.CONFLICT, "appraisal-needs-file"));
                }
                yield Mono.just(LibraryItems.transition(item.appraisal(), Appraisal.Status.SUBMITTED, caller.accountId(), clock.instant(),
                    request.comment()));
            }
            case APPROVE, REJECT -> {
                if (!LibraryAccess.mayAppraise(caller, item)) {
                    yield Mono.error(status == Appraisal.Status.SUBMITTED || !caller.reviewedSubjects().contains(item.metadata().subjectCode())
                        ? new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")
                        : new LmsProblem(HttpStatus.CONFLICT, "appraisal-state", status.name()));
                }
                if (request.decision() == Decision.REJECT && (request.comment() == null || request.comment().isBlank())) {
                    yield Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "appraisal-reason-required"));
                }
                yield Mono.just(LibraryItems.transition(item.appraisal(),
                    request.decision() == Decision.APPROVE ? Appraisal.Status.APPROVED : Appraisal.Status.REJECTED, caller.accountId(),
                    clock.instant(), request.comment()));
            }
        };
    }

    /** The reviewer's queue: items of their subjects waiting for appraisal, oldest first. */
    @GetMapping("/api/v1/library/appraisals")
    Flux<AppraisalQueueEntry> queue() {
        return callers.current().flatMapMany(items::awaitingAppraisal)
            .map(item -> new AppraisalQueueEntry(item.id(), item.metadata().title(), item.metadata().subjectCode(), item.schoolId(),
                item.ownerId(), item.updatedAt()));
    }

    record AppraisalQueueEntry(String itemId, String title, String subjectCode, @Nullable String schoolId, String ownerId,
            java.time.Instant waitingSince) {
    }
}
