package vn.edu.lms.search.reindex;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.job.Job;
import vn.edu.lms.content.job.JobHandler;
import vn.edu.lms.content.job.JobQueue;
import vn.edu.lms.content.job.JobRun;
import vn.edu.lms.content.job.PermanentJobFailure;
import vn.edu.lms.content.library.feed.LibraryFeed;
import vn.edu.lms.search.index.LibraryIndex;
import vn.edu.lms.search.indexing.FeedIndexer;

/**
 * Builds a new library index from the whole change feed while searches and the follower go on using
 * the old one, then moves the alias in one atomic step and deletes the old index:
 * <ol>
 * <li>create the new index (named when the reindex was asked for, so a retried job goes on with it);
 * <li>copy the feed into it from sequence 0 under its own checkpoint, with scheduled refreshes
 * paused (about a third faster), then refresh it every second again;
 * <li>point the alias at it: from now on the follower writes there;
 * <li>copy again from the checkpoint: whatever changed between the copy and the switch, which the
 * follower wrote into the old index, reaches the new one too (external versions make any overlap
 * harmless);
 * <li>delete every other library index.
 * </ol>
 * A crash anywhere leaves the alias on a complete index; the job is taken up again from its checkpoint.
 */
@Component
class ReindexJob implements JobHandler {

    static final String TYPE = "search-reindex";
    private static final Logger log = LoggerFactory.getLogger(ReindexJob.class);

    private final LibraryIndex index;
    private final FeedIndexer indexer;
    private final LibraryFeed feed;
    private final JobQueue jobs;

    ReindexJob(LibraryIndex index, FeedIndexer indexer, LibraryFeed feed, JobQueue jobs) {
        this.index = index;
        this.indexer = indexer;
        this.feed = feed;
        this.jobs = jobs;
    }

    /**
     * Asks for a reindex. Asking again while one is queued or running answers that one: the request is
     * keyed by the index the alias points at, which only changes when a reindex finishes (and by how
     * many reindexes of it failed before).
     */
    Mono<Job> request() {
        return index.current().defaultIfEmpty("none").flatMap(current -> request(current, 0));
    }

    private Mono<Job> request(String current, int failedBefore) {
        return jobs.enqueue(TYPE, Map.of("index", index.newName()), TYPE + ":" + current + ":" + failedBefore, maxAttempts())
            .flatMap(job -> job.state() == Job.State.FAILED ? request(current, failedBefore + 1) : Mono.just(job));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Duration timeout() {
        return Duration.ofHours(4);
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Override
    public Mono<Void> run(JobRun run) {
        String target = run.payload().get("index");
        if (target == null || !target.startsWith(LibraryIndex.ALIAS + "-")) {
            return Mono.error(new PermanentJobFailure("no index to build"));
        }
        String checkpoint = "reindex:" + target;
        return index.create(target)
            .then(index.pauseRefresh(target))
            .then(copy(run, target, checkpoint, 0, 90))
            .then(index.resumeRefresh(target))
            .then(index.pointAliasAt(target))
            .doOnSuccess(switched -> log.info("Search alias {} now points at {}", LibraryIndex.ALIAS, target))
            .then(copy(run, target, checkpoint, 90, 99))
            .then(index.all())
            .flatMapMany(Flux::fromIterable)
            .filter(name -> !name.equals(target))
            .concatMap(old -> index.delete(old).doOnSuccess(deleted -> log.info("Deleted the old search index {}", old)))
            .then(indexer.forget(checkpoint))
            .then(run.progress(100));
    }

    /** Copies the feed into {@code target} until caught up, reporting progress between {@code from} and {@code to} percent. */
    private Mono<Void> copy(JobRun run, String target, String checkpoint, int from, int to) {
        return indexer.catchUp(target, checkpoint)
            .concatMap(count -> Mono.zip(indexer.checkpoint(checkpoint), feed.latestSequence())
                .flatMap(state -> run.progress(from + (int) ((to - from) * Math.min(1.0, state.getT1() / (double) Math.max(1, state.getT2()))))))
            .then(index.refresh(target));
    }
}
