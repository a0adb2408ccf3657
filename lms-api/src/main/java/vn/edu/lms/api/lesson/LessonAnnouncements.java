package vn.edu.lms.api.lesson;

import java.time.Duration;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import vn.edu.lms.content.platform.PeriodicTask;

/** Every half minute, tells students of the lessons whose scheduled release has come. */
@Component
class LessonAnnouncements extends PeriodicTask {

    private final Lessons lessons;

    LessonAnnouncements(Lessons lessons) {
        super("Announcing released lessons", Duration.ofSeconds(30), Duration.ofSeconds(30));
        this.lessons = lessons;
    }

    @Override
    protected Flux<?> round() {
        return lessons.announceOpened();
    }
}
