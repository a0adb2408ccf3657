package vn.edu.lms.api.lesson.participation;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.lesson.Lessons;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Rosters;

/** A lesson's participation record for its class, for the lesson's teachers (the API's JSON and XLSX, and the page). */
@Component
public class ParticipationReports {

    private final Lessons lessons;
    private final ParticipationRecords records;
    private final Rosters rosters;

    ParticipationReports(Lessons lessons, ParticipationRecords records, Rosters rosters) {
        this.lessons = lessons;
        this.records = records;
        this.rosters = rosters;
    }

    public Mono<ParticipationReport> report(CurrentUser user, String lessonId) {
        return lessons.taught(user, lessonId).flatMap(taught -> Mono.zip(
                rosters.of(taught.lesson().classId()),
                records.ofLesson(taught.lesson().id()).collectMap(Participation::studentId, Function.identity()),
                lessons.items(taught.lesson()))
            .map(found -> ParticipationReport.of(taught.lesson(), taught.schoolClass().name(), found.getT1(), found.getT2(), found.getT3())));
    }
}
