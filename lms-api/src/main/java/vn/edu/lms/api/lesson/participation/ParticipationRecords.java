package vn.edu.lms.api.lesson.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.lesson.Lesson;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The participation records ({@code lesson_participation}). Each change is one upsert of the
 * student's record with operators that make a repeated report harmless: the first opening is a
 * {@code $min}, watched slices an {@code $addToSet}, the best quiz score a {@code $max}.
 */
@Service
public class ParticipationRecords implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ParticipationRecords(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Participation.class).createIndex(new Index("lessonId", Sort.Direction.ASC)).block(Duration.ofMinutes(2));
    }

    public Mono<Void> opened(Lesson lesson, String studentId) {
        Instant now = clock.instant();
        return upsert(lesson, studentId, new Update().min("firstOpenedAt", now).max("lastOpenedAt", now));
    }

    /** Adds the slices of a video block that the span covers (the video is {@code duration} seconds long). */
    public Mono<Void> watched(Lesson lesson, String blockId, String studentId, double from, double to, double duration) {
        List<Integer> slices = WatchedVideo.slices(from, to, duration);
        Instant now = clock.instant();
        Update update = new Update().min("firstOpenedAt", now).max("lastOpenedAt", now);
        if (!slices.isEmpty()) {
            update.addToSet("videos." + blockId).each(slices.toArray());
        }
        return upsert(lesson, studentId, update);
    }

    public Mono<Void> documentOpened(Lesson lesson, String blockId, String studentId) {
        Instant now = clock.instant();
        return upsert(lesson, studentId, new Update().min("documents." + blockId, now).min("firstOpenedAt", now).max("lastOpenedAt", now));
    }

    /**
     * Records a practice quiz's score. A counted quiz (a regular assessment) is recorded once: a
     * second attempt is refused with 409 and changes nothing. Returns the record as it now stands.
     */
    public Mono<Participation.QuizResult> quizDone(Lesson lesson, String blockId, String studentId, BigDecimal score, boolean counted) {
        Instant now = clock.instant();
        String path = "quizzes." + blockId;
        int tenths = score.setScale(1, RoundingMode.HALF_UP).unscaledValue().intValueExact();
        Update update = new Update().inc(path + ".attempts", 1).set(path + ".lastScore", score).set(path + ".lastAt", now)
            .max(path + ".bestTenths", tenths).min("firstOpenedAt", now).max("lastOpenedAt", now)
            .setOnInsert("lessonId", lesson.id()).setOnInsert("classId", lesson.classId()).setOnInsert("studentId", studentId);
        Criteria criteria = Criteria.where("_id").is(Participation.idOf(lesson.id(), studentId));
        if (counted) {
            // Matches only while there is no score yet; when there is one, the upsert's insert hits the existing _id.
            criteria = criteria.and(path).exists(false);
        }
        return mongo.findAndModify(Query.query(criteria), update, FindAndModifyOptions.options().upsert(true).returnNew(true), Participation.class)
            .onErrorMap(DuplicateKeyException.class, done -> new LmsProblem(HttpStatus.CONFLICT, "quiz-already-done"))
            .map(record -> record.quizzes().get(blockId));
    }

    /** The teacher's marks of who attended a live class. */
    public Mono<Void> attendance(Lesson lesson, String blockId, Collection<Mark> marks, String markedBy) {
        Instant now = clock.instant();
        return Flux.fromIterable(marks).concatMap(mark -> upsert(lesson, mark.studentId(),
            new Update().set("attendance." + blockId, new Participation.Attendance(mark.present(), markedBy, now)))).then();
    }

    public record Mark(String studentId, boolean present) {
    }

    /** Every record of the lesson (students who never opened it have none). */
    public Flux<Participation> ofLesson(String lessonId) {
        return mongo.find(Query.query(Criteria.where("lessonId").is(lessonId)), Participation.class);
    }

    public Mono<Participation> of(String lessonId, String studentId) {
        return mongo.findById(Participation.idOf(lessonId, studentId), Participation.class);
    }

    private Mono<Void> upsert(Lesson lesson, String studentId, Update update) {
        update.setOnInsert("lessonId", lesson.id()).setOnInsert("classId", lesson.classId()).setOnInsert("studentId", studentId);
        return mongo.upsert(Query.query(Criteria.where("_id").is(Participation.idOf(lesson.id(), studentId))), update, Participation.class)
            // Two first reports racing: both try the insert, one loses on the _id; the update then applies as usual.
            .onErrorResume(DuplicateKeyException.class, raced -> mongo.upsert(
                Query.query(Criteria.where("_id").is(Participation.idOf(lesson.id(), studentId))), update, Participation.class))
            .then();
    }
}
