package vn.edu.lms.content.job;

import java.util.Map;

import reactor.core.publisher.Mono;

/** A job being run by this instance: its data, and where it reports progress. */
public interface JobRun {

    Job job();

    default Map<String, String> payload() {
        return job().payload();
    }

    /** Records progress (0–100); only while this instance still holds the lease. */
    Mono<Void> progress(int percent);
}
