package vn.edu.lms.api.assignment;

import java.time.Duration;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import vn.edu.lms.content.platform.PeriodicTask;

/** Every half minute, tells students of the published assignments that have opened. */
@Component
class AssignmentAnnouncements extends PeriodicTask {

    private final Assignments assignments;

    AssignmentAnnouncements(Assignments assignments) {
        super("Announcing opened assignments", Duration.ofSeconds(30), Duration.ofSeconds(30));
        this.assignments = assignments;
    }

    @Override
    protected Flux<?> round() {
        return assignments.announceOpened();
    }
}
