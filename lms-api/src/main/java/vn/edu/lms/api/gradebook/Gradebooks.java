package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.results.PeriodicAssessment;
import vn.edu.lms.api.assessment.results.PeriodicAssessments;
import vn.edu.lms.api.assignment.Assignment;
import vn.edu.lms.api.assignment.Assignments;
import vn.edu.lms.api.assignment.Submissions;
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.gradebook.rules.Tt22Averages;
import vn.edu.lms.api.lesson.LessonBlock;
import vn.edu.lms.api.lesson.Lessons;
import vn.edu.lms.api.lesson.participation.Participation;
import vn.edu.lms.api.lesson.participation.ParticipationRecords;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The books ({@code gradebooks}) and term locks ({@code gradebook_term_locks}). A book is made the
 * first time its class's staff open it. Entering a value, taking scores in from their sources and
 * locking all go through one guarded update per book, so a locked term refuses every change and no
 * change escapes the record.
 */
@Service
public class Gradebooks implements SmartInitializingSingleton {

    static final int MAX_REGULAR_COLUMNS = 10;
    static final int MAX_REASON = 500;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int WRITE_TRIES = 5;

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final Students students;
    private final SubjectCatalogue subjects;
    private final PeriodicAssessments periodic;
    private final Assignments assignments;
    private final Submissions submissions;
    private final Lessons lessons;
    private final ParticipationRecords participation;
    private final AuditTrail audit;
    private final Clock clock;

    Gradebooks(ReactiveMongoTemplate mongo, Schools schools, Students students, SubjectCatalogue subjects, PeriodicAssessments periodic,
            Assignments assignments, Submissions submissions, Lessons lessons, ParticipationRecords participation, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.students = students;
        this.subjects = subjects;
        this.periodic = periodic;
        this.assignments = assignments;
        this.submissions = submissions;
        this.lessons = lessons;
        this.participation = participation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Gradebook.class).createIndex(new Index("classId", Sort.Direction.ASC).on("term", Sort.Direction.ASC))
            .block(Duration.ofMinutes(2));
    }

    /**
     * A term's lock state for a school year, with every lock and unlock (who, when, why). A document
     * type, so that Spring Data maps it at start-up, not on first use on an event-loop thread.
     */
    @Document("gradebook_term_locks")
    record TermLock(String id, boolean locked, List<LockEvent> events) {

        TermLock {
            events = events == null ? List.of() : List.copyOf(events);
        }

        static String idOf(String yearId, int term) {
            return yearId + ":" + term;
        }
    }

    record LockEvent(boolean locked, String by, Instant at, @Nullable String reason) {
    }

    // ---- reading

    /** The class's book of a subject for a term, for its staff (the subject's teacher, the homeroom teacher, admins); made on first use. */
    public Mono<Gradebook> book(CurrentUser user, String classId, String subjectCode, int term) {
        return schools.schoolClass(classId).flatMap(schoolClass -> SchoolAccess.teachesSubject(user, schoolClass, subjectCode)
            ? bookOf(schoolClass, subjectCode, term) : Mono.error(Access.forbidden()));
    }

    /** The book of a class, subject and term, made on first use (a lock already on the term locks it at once). */
    Mono<Gradebook> bookOf(SchoolClass schoolClass, String subjectCode, int term) {
        if (term != 1 && term != 2) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-bad-term"));
        }
        if (schoolClass.grade() < 6) {
            return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "gradebook-primary"));
        }
        Subject subject = subjects.subject(subjectCode).filter(found -> found.taughtIn(schoolClass.grade()))
            .orElseThrow(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-subject-not-taught", subjectCode, schoolClass.grade()));
        String id = Gradebook.idOf(schoolClass.id(), subjectCode, term);
        return mongo.findById(id, Gradebook.class).switchIfEmpty(Mono.defer(() -> termLock(schoolClass.yearId(), term).flatMap(lock -> {
            int needed = Tt22Averages.regularAssessmentsPerTerm(subject.periodsIn(schoolClass.grade()).orElse(35));
            Gradebook fresh = new Gradebook(id, null, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(), schoolClass.grade(), subjectCode,
                term, subject.assessment() == Subject.Assessment.COMMENT, needed, needed, Map.of(), List.of(), List.of(), lock.locked(),
                clock.instant());
            return mongo.insert(fresh).onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, Gradebook.class));
        })));
    }

    /**
     * Every book of the class for the term that exists (a subject nobody opened has none), by their
     * ids: point reads, so the cost does not grow with the district's other books (the embedded
     * database answers a query on other fields by reading every document).
     */
    public Flux<Gradebook> booksOf(SchoolClass schoolClass, int term) {
        return Flux.fromIterable(subjects.forGrade(schoolClass.grade()))
            .flatMapSequential(subject -> mongo.findById(Gradebook.idOf(schoolClass.id(), subject.code(), term), Gradebook.class), 4);
    }

    /** The book of a class, subject and term, if anyone opened it. */
    public Mono<Gradebook> existing(String classId, String subjectCode, int term) {
        return mongo.findById(Gradebook.idOf(classId, subjectCode, term), Gradebook.class);
    }

    Mono<Gradebook> byId(String id) {
        return mongo.findById(id, Gradebook.class).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-not-found")));
    }

    /** The book and its class, for someone who keeps it (the subject's teacher, the homeroom teacher, admins). */
    Mono<Kept> kept(CurrentUser user, String id) {
        return byId(id).flatMap(book -> schools.schoolClass(book.classId()).flatMap(schoolClass ->
            SchoolAccess.teachesSubject(user, schoolClass, book.subjectCode()) ? Mono.just(new Kept(book, schoolClass)) : Mono.error(Access.forbidden())));
    }

    record Kept(Gradebook book, SchoolClass schoolClass) {
    }

    // ---- writing

    /**
     * Enters or corrects one value. A score is 0–10 with at most one decimal; a comment subject
     * takes Đạt or Chưa đạt instead. Correcting a value needs a reason. Refused while the term is
     * locked, and with 412 when {@code ifMatch} is given and the cell's tag is no longer one of it.
     */
    public Mono<Gradebook> enter(CurrentUser user, String id, String studentId, String column, @Nullable BigDecimal score,
            @Nullable Boolean achieved, @Nullable String reason, @Nullable String ifMatch) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-reason-too-long", MAX_REASON));
        }
        return kept(user, id).flatMap(kept -> {
            Gradebook book = kept.book();
            if (!book.columns().contains(column)) {
                return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-column-not-found", column));
            }
            Gradebook.Cell after = score == null && achieved == null ? null : new Gradebook.Cell(checkedScore(book, score, achieved),
                book.commentOnly() ? achieved : null, Gradebook.Origin.MANUAL, null, user.accountId(), clock.instant());
            return inClass(book, studentId).then(write(book, studentId, column, after, why, user.accountId(), ifMatch));
        });
    }

    private static @Nullable BigDecimal checkedScore(Gradebook book, @Nullable BigDecimal score, @Nullable Boolean achieved) {
        if (book.commentOnly()) {
            if (score != null || achieved == null) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-rating-required");
            }
            return null;
        }
        if (achieved != null || score == null || score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0 || score.stripTrailingZeros().scale() > 1) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-bad-score");
        }
        return score.setScale(1, java.math.RoundingMode.UNNECESSARY);
    }

    private Mono<Void> inClass(Gradebook book, String studentId) {
        return students.enrolledIn(book.classId()).map(Enrolment::studentId).filter(studentId::equals).hasElements()
            .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class")));
    }

    /**
     * A person's entry: a correction needs a reason, and with {@code ifMatch} the cell must still be
     * the one the person saw.
     */
    private Mono<Gradebook> write(Gradebook book, String studentId, String column, Gradebook.@Nullable Cell after, @Nullable String reason,
            String by, @Nullable String ifMatch) {
        return write(book, studentId, column, after, reason, by, new Guard(true, ifMatch), WRITE_TRIES);
    }

    /** What a write checks against the cell as read: a reason for a correction, and an If-Match. */
    private record Guard(boolean reasonForCorrections, @Nullable String ifMatch) {

        static final Guard NONE = new Guard(false, null);

        /** RFC 9110 If-Match: one of the listed tags, or {@code *} for any cell that holds a value. */
        boolean matches(Gradebook.@Nullable Cell cell) {
            if (ifMatch == null) {
                return true;
            }
            String tag = Gradebook.tagOf(cell);
            return java.util.Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(listed -> listed.equals("*") ? cell != null : listed.equals(tag));
        }
    }

    /**
     * Sets one cell (or clears it, {@code after} null) and appends the change, in one update that
     * applies only to the book as read and only while it is unlocked; a book changed in between is
     * read again and the change checked and tried again.
     */
    private Mono<Gradebook> write(Gradebook book, String studentId, String column, Gradebook.@Nullable Cell after, @Nullable String reason,
            String by, Guard guard, int tries) {
        if (book.locked()) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-locked"));
        }
        Gradebook.Cell before = book.cell(studentId, column);
        if (!guard.matches(before)) {
            LmsProblem changed = new LmsProblem(HttpStatus.PRECONDITION_FAILED, "gradebook-cell-changed");
            // What the cell holds now, so that the page shows it instead of the value the person saw.
            changed.getBody().setProperty("cell", before);
            changed.getBody().setProperty("tag", Gradebook.tagOf(before));
            return Mono.error(changed);
        }
        if (guard.reasonForCorrections() && before != null && reason == null) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-reason-required"));
        }
        if (before == null && after == null) {
            return Mono.just(book);
        }
        String path = "cells." + studentId + "." + column;
        Update update = (after == null ? new Update().unset(path) : new Update().set(path, after))
            .push("changes", new Gradebook.Change(studentId, column, before, after, reason, by, clock.instant())).inc("version", 1);
        Criteria unchanged = asRead(book.id(), book.version()).and("locked").is(false);
        return mongo.findAndModify(Query.query(unchanged), update, FindAndModifyOptions.options().returnNew(true), Gradebook.class)
            .switchIfEmpty(Mono.defer(() -> tries <= 1 ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-busy"))
                : byId(book.id()).flatMap(fresh -> write(fresh, studentId, column, after, reason, by, guard, tries - 1))));
    }

    /** The book as read: its id and the version it had (none yet for a book never changed), for a guarded update. */
    static Criteria asRead(String id, @Nullable Long version) {
        Criteria criteria = Criteria.where("_id").is(id);
        return version == null ? criteria.and("version").exists(false) : criteria.and("version").is(version);
    }

    /** One more regular-assessment column (a teacher may assess more often than the minimum). */
    public Mono<Gradebook> addColumn(CurrentUser user, String id) {
        return kept(user, id).flatMap(kept -> {
            Gradebook book = kept.book();
            if (book.regularColumns() >= MAX_REGULAR_COLUMNS) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-too-many-columns", MAX_REGULAR_COLUMNS));
            }
            return guarded(book, new Update().inc("regularColumns", 1));
        });
    }

    /** Feeds a regular column from an assignment of the class and subject, or from a counted practice quiz of one of its lessons. */
    public Mono<Gradebook> mapSource(CurrentUser user, String id, String column, Gradebook.Origin kind, String refId, @Nullable String blockId) {
        return kept(user, id).flatMap(kept -> {
            Gradebook book = kept.book();
            if (!column.startsWith("TX") || !book.columns().contains(column)) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-source-column", column));
            }
            Mono<Void> valid = switch (kind) {
                case ASSIGNMENT -> assignments.byId(refId).flatMap(assignment -> sameCourse(book, assignment.classId(), assignment.subjectCode())
                    && assignment.grading() == (book.commentOnly() ? Assignment.Grading.COMMENT : Assignment.Grading.SCORE)
                    ? Mono.<Void>empty() : Mono.error(badSource()));
                case QUIZ -> lessons.byId(refId).flatMap(lesson -> sameCourse(book, lesson.classId(), lesson.subjectCode()) && !book.commentOnly()
                    && lesson.block(blockId == null ? "" : blockId).map(LessonBlock::quiz).filter(LessonBlock.PracticeQuiz::counted).isPresent()
                    ? Mono.<Void>empty() : Mono.error(badSource()));
                default -> Mono.error(badSource());
            };
            List<Gradebook.Source> sources = new ArrayList<>(book.sources().stream().filter(source -> !source.column().equals(column)).toList());
            sources.add(new Gradebook.Source(column, kind, refId, kind == Gradebook.Origin.QUIZ ? blockId : null));
            return valid.onErrorMap(error -> error instanceof LmsProblem problem && problem.getStatusCode().value() == 404 ? badSource() : error)
                .then(guarded(book, new Update().set("sources", sources)));
        });
    }

    public Mono<Gradebook> unmapSource(CurrentUser user, String id, String column) {
        return kept(user, id).flatMap(kept -> guarded(kept.book(), new Update().set("sources",
            kept.book().sources().stream().filter(source -> !source.column().equals(column)).toList())));
    }

    private static boolean sameCourse(Gradebook book, String classId, String subjectCode) {
        return book.classId().equals(classId) && book.subjectCode().equals(subjectCode);
    }

    private static LmsProblem badSource() {
        return new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-bad-source");
    }

    /** A change of the book's shape, applied only while unlocked and as read. */
    private Mono<Gradebook> guarded(Gradebook book, Update update) {
        if (book.locked()) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-locked"));
        }
        Criteria unchanged = asRead(book.id(), book.version()).and("locked").is(false);
        return mongo.findAndModify(Query.query(unchanged), update.inc("version", 1), FindAndModifyOptions.options().returnNew(true), Gradebook.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "gradebook-busy")));
    }

    /** What a sync did. */
    public record Synced(int written, int keptManual) {
    }

    /**
     * Takes scores in: released periodic tests into GK and CK, returned assignments and counted
     * practice quizzes into the columns they feed. A value the teacher entered by hand is kept.
     */
    public Mono<Synced> sync(CurrentUser user, String id) {
        return kept(user, id).flatMap(kept -> {
            Gradebook book = kept.book();
            Instant now = clock.instant();
            Flux<Incoming> tests = periodic.recorded(book.classId(), book.subjectCode(), book.yearId(), book.term())
                .filter(score -> !book.commentOnly())
                .map(score -> new Incoming(score.studentId(), score.column() == PeriodicAssessment.Column.DDG_GK ? Gradebook.MID_TERM
                    : Gradebook.END_OF_TERM, new Gradebook.Cell(Tt22Averages.score(score.score()), null, Gradebook.Origin.TEST, score.sessionId(),
                        user.accountId(), now)));
            Flux<Incoming> mapped = Flux.fromIterable(book.sources()).concatMap(source -> incoming(source, book, user.accountId(), now));
            return Flux.concat(tests, mapped).collectList().flatMap(all -> Flux.fromIterable(all).concatMap(in -> byId(id).flatMap(fresh -> {
                Gradebook.Cell current = fresh.cell(in.studentId(), in.column());
                if (current != null && current.origin() == Gradebook.Origin.MANUAL) {
                    return Mono.just(Outcome.KEPT_MANUAL);
                }
                if (current != null && Objects.equals(current.score(), in.cell().score()) && Objects.equals(current.achieved(), in.cell().achieved())
                    && Objects.equals(current.sourceId(), in.cell().sourceId())) {
                    return Mono.just(Outcome.UNCHANGED);
                }
                return write(fresh, in.studentId(), in.column(), in.cell(), null, user.accountId(), Guard.NONE, WRITE_TRIES).thenReturn(Outcome.WRITTEN);
            })).collectList().map(outcomes -> new Synced((int) outcomes.stream().filter(Outcome.WRITTEN::equals).count(),
                (int) outcomes.stream().filter(Outcome.KEPT_MANUAL::equals).count())));
        });
    }

    private record Incoming(String studentId, String column, Gradebook.Cell cell) {
    }

    /** What a sync did with one incoming value. */
    private enum Outcome {
        WRITTEN, KEPT_MANUAL, UNCHANGED
    }

    private Flux<Incoming> incoming(Gradebook.Source source, Gradebook book, String by, Instant now) {
        if (source.kind() == Gradebook.Origin.ASSIGNMENT) {
            return submissions.returned(source.refId()).filter(work -> work.grade() != null).map(work -> {
                var grade = Objects.requireNonNull(work.grade());
                return new Incoming(work.studentId(), source.column(), new Gradebook.Cell(
                    grade.score() == null ? null : Tt22Averages.score(Objects.requireNonNull(grade.score())),
                    grade.rating() == null ? null : grade.rating() == vn.edu.lms.api.assignment.Submission.Rating.DAT, Gradebook.Origin.ASSIGNMENT,
                    source.refId(), by, now));
            });
        }
        String blockId = Objects.requireNonNull(source.blockId());
        return participation.ofLesson(source.refId()).filter(record -> record.quizzes().containsKey(blockId)).map(record -> {
            Participation.QuizResult quiz = Objects.requireNonNull(record.quizzes().get(blockId));
            return new Incoming(record.studentId(), source.column(), new Gradebook.Cell(Tt22Averages.score(quiz.best()), null,
                Gradebook.Origin.QUIZ, source.refId(), by, now));
        });
    }

    // ---- locking

    /** Locks a term of a school year for the whole school, once the term has ended; audited. */
    public Mono<Void> lockTerm(CurrentUser user, String schoolId, int startYear, int term, @Nullable ServerWebExchange exchange) {
        return administeredYear(user, schoolId, startYear).flatMap(year -> {
            SchoolYear.Term found = year.terms().stream().filter(candidate -> candidate.number() == term).findFirst()
                .orElseThrow(() -> new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-bad-term"));
            if (!LocalDate.now(clock.withZone(VIETNAM)).isAfter(found.ends())) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-term-not-ended", found.ends().toString()));
            }
            return setLock(year.id(), term, true, user.accountId(), null)
                .then(audit.record(user.accountId(), "LOCK_TERM", "gradebook-term", TermLock.idOf(year.id(), term), schoolId, exchange));
        });
    }

    /** Unlocks a locked term, with the reason recorded; audited. */
    public Mono<Void> unlockTerm(CurrentUser user, String schoolId, int startYear, int term, String reason, @Nullable ServerWebExchange exchange) {
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-reason-required"));
        }
        return administeredYear(user, schoolId, startYear).flatMap(year -> setLock(year.id(), term, false, user.accountId(), reason.strip())
            .then(audit.record(user.accountId(), "UNLOCK_TERM", "gradebook-term", TermLock.idOf(year.id(), term), schoolId, exchange)));
    }

    private Mono<SchoolYear> administeredYear(CurrentUser user, String schoolId, int startYear) {
        return user.administers(schoolId) ? schools.year(schoolId, startYear)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-year-not-found"))) : Mono.error(Access.forbidden());
    }

    /** The term's lock first (so a book made meanwhile is made locked), then every book of the school's term, lower secondary and primary. */
    private Mono<Void> setLock(String yearId, int term, boolean locked, String by, @Nullable String reason) {
        String lockId = TermLock.idOf(yearId, term);
        return mongo.upsert(Query.query(Criteria.where("_id").is(lockId)), new Update().set("locked", locked)
                .push("events", new LockEvent(locked, by, clock.instant(), reason)), TermLock.class, "gradebook_term_locks")
            .then(mongo.updateMulti(Query.query(Criteria.where("yearId").is(yearId).and("term").is(term)), new Update().set("locked", locked)
                .inc("version", 1), Gradebook.class))
            // Primary books cover the whole year: they keep the terms that are locked.
            .then(mongo.updateMulti(Query.query(Criteria.where("yearId").is(yearId)), (locked ? new Update().addToSet("lockedTerms", term)
                : new Update().pull("lockedTerms", term)).inc("version", 1), PrimaryBook.class))
            .then();
    }

    Mono<TermLock> termLock(String yearId, int term) {
        return mongo.findById(TermLock.idOf(yearId, term), TermLock.class, "gradebook_term_locks")
            .defaultIfEmpty(new TermLock(TermLock.idOf(yearId, term), false, List.of()));
    }
}
