package vn.edu.lms.api.gradebook;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.gradebook.rules.Tt22LearningResult;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Conduct (kết quả rèn luyện): Tốt, Khá, Đạt or Chưa đạt per student, term and year, rated by the
 * class's homeroom teacher (or the school's admins); refused while the term is locked; audited.
 * One document per class and period ({@code gradebook_conduct}), one atomic update per rating.
 */
@Service
public class ConductRatings {

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final Students students;
    private final Gradebooks gradebooks;
    private final AuditTrail audit;
    private final Clock clock;

    ConductRatings(ReactiveMongoTemplate mongo, Schools schools, Students students, Gradebooks gradebooks, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.students = students;
        this.gradebooks = gradebooks;
        this.audit = audit;
        this.clock = clock;
    }

    @Document("gradebook_conduct")
    record ConductSheet(@Id String id, @Nullable Map<String, Rating> ratings) {

        ConductSheet {
            ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        }

        static String idOf(String classId, ClassResults.Period period) {
            return classId + ":" + period.name();
        }
    }

    /** One rating: the level, who gave it and when. */
    public record Rating(Tt22LearningResult.Level level, String by, Instant at) {
    }

    public Mono<Void> rate(CurrentUser user, String classId, String studentId, ClassResults.Period period, Tt22LearningResult.Level level,
            @Nullable ServerWebExchange exchange) {
        return schools.schoolClass(classId).flatMap(schoolClass -> {
            if (!user.administers(schoolClass.schoolId()) && !schoolClass.hasHomeroomTeacher(user.accountId())) {
                return Mono.error(Access.forbidden());
            }
            int term = period == ClassResults.Period.HK1 ? 1 : 2;
            return students.enrolledIn(classId).map(Enrolment::studentId).filter(studentId::equals).hasElements()
                .flatMap(found -> found ? gradebooks.termLock(schoolClass.yearId(), term)
                    : Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class")))
                .flatMap(lock -> lock.locked() ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-locked"))
                    : mongo.upsert(Query.query(Criteria.where("_id").is(ConductSheet.idOf(classId, period))),
                        new Update().set("ratings." + studentId, new Rating(level, user.accountId(), clock.instant())), ConductSheet.class))
                .then(audit.record(user.accountId(), "RATE_CONDUCT", "conduct", ConductSheet.idOf(classId, period) + ":" + studentId,
                    schoolClass.schoolId(), exchange));
        });
    }

    /** The class's conduct levels for the period, by student id. */
    public Mono<Map<String, Tt22LearningResult.Level>> of(String classId, ClassResults.Period period) {
        return mongo.findById(ConductSheet.idOf(classId, period), ConductSheet.class).map(sheet -> {
            Map<String, Tt22LearningResult.Level> levels = new HashMap<>();
            java.util.Objects.requireNonNull(sheet.ratings()).forEach((student, rating) -> levels.put(student, rating.level()));
            return levels;
        }).defaultIfEmpty(Map.of());
    }
}
