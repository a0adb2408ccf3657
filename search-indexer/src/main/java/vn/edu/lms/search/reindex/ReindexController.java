package vn.edu.lms.search.reindex;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.job.Job;
import vn.edu.lms.content.job.JobQueue;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The district admin's reindex command: {@code POST /api/v1/library/search/reindex} starts one (or
 * answers the one under way) with 202 and where to follow it; {@code GET …/reindex/{id}} tells how far
 * it got. Searches keep answering from the old index the whole time.
 */
@RestController
@RequestMapping("/api/v1/library/search/reindex")
class ReindexController {

    private final ReindexJob reindex;
    private final JobQueue jobs;
    private final CurrentLibraryCaller callers;

    ReindexController(ReindexJob reindex, JobQueue jobs, CurrentLibraryCaller callers) {
        this.reindex = reindex;
        this.jobs = jobs;
        this.callers = callers;
    }

    @PostMapping
    Mono<ResponseEntity<ReindexStatus>> start() {
        return districtAdmin().then(reindex.request()).map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
            .location(java.net.URI.create("/api/v1/library/search/reindex/" + job.id())).body(ReindexStatus.of(job)));
    }

    @GetMapping("/{id}")
    Mono<ReindexStatus> status(@PathVariable String id) {
        return districtAdmin().then(jobs.job(id)).filter(job -> ReindexJob.TYPE.equals(job.type())).map(ReindexStatus::of)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")));
    }

    private Mono<Void> districtAdmin() {
        return callers.current().flatMap(caller -> caller.districtAdmin() ? Mono.<Void>empty()
            : Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")));
    }

    /** A reindex as operators follow it: {@code index} is the one being built. */
    record ReindexStatus(String id, String index, Job.State state, int progress, int attempts, @Nullable String lastError,
            Instant createdAt, @Nullable Instant finishedAt) {

        static ReindexStatus of(Job job) {
            return new ReindexStatus(job.id(), job.payload().getOrDefault("index", ""), job.state(), job.progress(), job.attempts(),
                job.lastError(), job.createdAt(), job.finishedAt());
        }
    }
}
