package vn.edu.lms.api.gradebook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.gradebook.rules.Tt27YearResult;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Primary assessment under Thông tư 27/2020: a book per class and subject ({@code primary_books})
 * with each periodic assessment's rating, comment and test score; the qualities and competences per
 * class and period ({@code primary_qualities}); the year result. Writes are single guarded updates,
 * refused for a locked term, every change of a subject entry kept with its reason.
 */
@Service
public class PrimaryBooks implements SmartInitializingSingleton {

    static final int MAX_COMMENT = 2000;
    private static final int WRITE_TRIES = 5;

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final Students students;
    private final Rosters rosters;
    private final SubjectCatalogue subjects;
    private final Gradebooks gradebooks;
    private final AuditTrail audit;
    private final Clock clock;

    PrimaryBooks(ReactiveMongoTemplate mongo, Schools schools, Students students, Rosters rosters, SubjectCatalogue subjects, Gradebooks gradebooks,
            AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.students = students;
        this.rosters = rosters;
        this.subjects = subjects;
        this.gradebooks = gradebooks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(PrimaryBook.class).createIndex(new Index("classId", Sort.Direction.ASC)).block(Duration.ofMinutes(2));
    }

    /** The qualities and competences of a class for one period, by student ({@code _id} = class id : period). */
    @Document("primary_qualities")
    record QualitySheet(String id, @Nullable Map<String, Map<String, Tt27YearResult.QualityRating>> ratings) {

        QualitySheet {
            ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        }

        static String idOf(String classId, PrimaryPeriod period) {
            return classId + ":" + period.name();
        }
    }

    /** The class's book of a subject, for its teachers (the subject's, the homeroom teacher) and the school's admins; made on first use. */
    public Mono<PrimaryBook> book(CurrentUser user, String classId, String subjectCode) {
        return schools.schoolClass(classId).flatMap(schoolClass -> SchoolAccess.teachesSubject(user, schoolClass, subjectCode)
            ? bookOf(schoolClass, subjectCode) : Mono.error(Access.forbidden()));
    }

    private Mono<PrimaryBook> bookOf(SchoolClass schoolClass, String subjectCode) {
        if (schoolClass.grade() > 5) {
            return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "primary-book-secondary"));
        }
        subjects.subject(subjectCode).filter(found -> found.taughtIn(schoolClass.grade()))
            .orElseThrow(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-subject-not-taught", subjectCode, schoolClass.grade()));
        String id = PrimaryBook.idOf(schoolClass.id(), subjectCode);
        return mongo.findById(id, PrimaryBook.class).switchIfEmpty(Mono.defer(() -> Mono.zip(gradebooks.termLock(schoolClass.yearId(), 1),
                gradebooks.termLock(schoolClass.yearId(), 2))
            .flatMap(locks -> {
                List<Integer> locked = new ArrayList<>();
                if (locks.getT1().locked()) {
                    locked.add(1);
                }
                if (locks.getT2().locked()) {
                    locked.add(2);
                }
                return mongo.insert(new PrimaryBook(id, null, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(), schoolClass.grade(),
                    subjectCode, Map.of(), List.of(), locked, clock.instant()));
            })
            .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, PrimaryBook.class))));
    }

    /**
     * Records a periodic assessment: the rating, the comment and, where the subject has a test at
     * that period, its score (a whole number 1–10, and only there). Changing a recorded entry needs a reason.
     */
    public Mono<PrimaryBook> enter(CurrentUser user, String id, String studentId, PrimaryPeriod period,
            Tt27YearResult.@Nullable SubjectRating rating, @Nullable String comment, @Nullable Integer score, @Nullable String reason) {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > MAX_COMMENT || why != null && why.length() > Gradebooks.MAX_REASON) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "primary-text-too-long", MAX_COMMENT));
        }
        return mongo.findById(id, PrimaryBook.class).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-not-found")))
            .flatMap(book -> schools.schoolClass(book.classId()).flatMap(schoolClass -> {
                if (!SchoolAccess.teachesSubject(user, schoolClass, book.subjectCode())) {
                    return Mono.error(Access.forbidden());
                }
                boolean tested = subjects.subject(book.subjectCode()).map(subject -> subject.primaryTestAt(book.grade(), period.endOfTerm()))
                    .orElse(false);
                if (score != null && (!tested || score < 1 || score > 10)) {
                    return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, tested ? "primary-bad-score" : "primary-no-test"));
                }
                PrimaryBook.Entry after = rating == null && note == null && score == null ? null
                    : new PrimaryBook.Entry(rating, note, score, user.accountId(), clock.instant());
                return inClass(book.classId(), studentId).then(write(book, studentId, period, after, why, user.accountId(), WRITE_TRIES));
            }));
    }

    private Mono<Void> inClass(String classId, String studentId) {
        return students.enrolledIn(classId).map(Enrolment::studentId).filter(studentId::equals).hasElements()
            .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class")));
    }

    private Mono<PrimaryBook> write(PrimaryBook book, String studentId, PrimaryPeriod period, PrimaryBook.@Nullable Entry after,
            @Nullable String reason, String by, int tries) {
        if (java.util.Objects.requireNonNull(book.lockedTerms()).contains(period.term())) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-locked"));
        }
        PrimaryBook.Entry before = book.entry(studentId, period);
        if (before != null && reason == null) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "gradebook-reason-required"));
        }
        String path = "entries." + studentId + "." + period.name();
        Update update = (after == null ? new Update().unset(path) : new Update().set(path, after))
            .push("changes", new PrimaryBook.Change(studentId, period, before, after, reason, by, clock.instant())).inc("version", 1);
        Criteria unchanged = Gradebooks.asRead(book.id(), book.version()).and("lockedTerms").ne(period.term());
        return mongo.findAndModify(Query.query(unchanged), update, FindAndModifyOptions.options().returnNew(true), PrimaryBook.class)
            .switchIfEmpty(Mono.defer(() -> tries <= 1 ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-busy"))
                : mongo.findById(book.id(), PrimaryBook.class).flatMap(fresh -> write(fresh, studentId, period, after, reason, by, tries - 1))));
    }

    /** The qualities and competences of a student for a period, rated by the class's homeroom teacher or the school's admins; audited. */
    public Mono<Void> rateQualities(CurrentUser user, String classId, String studentId, PrimaryPeriod period,
            Map<Quality, Tt27YearResult.QualityRating> ratings, @Nullable ServerWebExchange exchange) {
        return schools.schoolClass(classId).flatMap(schoolClass -> {
            if (!user.administers(schoolClass.schoolId()) && !schoolClass.hasHomeroomTeacher(user.accountId())) {
                return Mono.error(Access.forbidden());
            }
            if (schoolClass.grade() > 5) {
                return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "primary-book-secondary"));
            }
            Update update = new Update();
            ratings.forEach((quality, rating) -> update.set("ratings." + studentId + "." + quality.name(), rating));
            return inClass(classId, studentId).then(gradebooks.termLock(schoolClass.yearId(), period.term()))
                .flatMap(lock -> lock.locked() ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "gradebook-locked"))
                    : mongo.upsert(Query.query(Criteria.where("_id").is(QualitySheet.idOf(classId, period))), update, QualitySheet.class))
                .then(audit.record(user.accountId(), "RATE_QUALITIES", "primary-qualities", QualitySheet.idOf(classId, period) + ":" + studentId,
                    schoolClass.schoolId(), exchange));
        });
    }

    /** A student's year under Thông tư 27: each subject's year rating and end-of-year score, the qualities, and the result. */
    public record YearLine(int number, String studentId, String fullName, Map<String, PrimaryBook.Entry> subjects,
            Map<Quality, Tt27YearResult.QualityRating> qualities, @Nullable Tt27YearResult result, @Nullable String resultLabel) {
    }

    /** The class's year results, for its teachers and the school's admins. */
    public Mono<List<YearLine>> yearResults(CurrentUser user, String classId) {
        return schools.schoolClass(classId).flatMap(schoolClass -> !SchoolAccess.teachesOrAdministers(user, schoolClass) ? Mono.error(Access.forbidden())
            : linesOf(schoolClass));
    }

    /** The class's year lines, whoever asks (the callers check access). */
    Mono<List<YearLine>> linesOf(SchoolClass schoolClass) {
        if (schoolClass.grade() > 5) {
            return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "primary-book-secondary"));
        }
        String classId = schoolClass.id();
        return Mono.zip(rosters.of(classId), books(schoolClass), mongo.findById(QualitySheet.idOf(classId, PrimaryPeriod.CN), QualitySheet.class)
                .map(sheet -> java.util.Objects.requireNonNull(sheet.ratings())).defaultIfEmpty(Map.of()))
            .map(found -> lines(subjects.forGrade(schoolClass.grade()), schoolClass.grade(), found.getT1(), found.getT2(), found.getT3()));
    }

    /** The class's books by subject, read by their ids (point reads, whatever the size of the district). */
    Mono<Map<String, PrimaryBook>> books(SchoolClass schoolClass) {
        return Flux.fromIterable(subjects.forGrade(schoolClass.grade()))
            .flatMapSequential(subject -> mongo.findById(PrimaryBook.idOf(schoolClass.id(), subject.code()), PrimaryBook.class), 4)
            .collectMap(PrimaryBook::subjectCode);
    }

    static List<YearLine> lines(List<Subject> gradeSubjects, int grade, List<Rosters.Entry> roster, Map<String, PrimaryBook> books,
            Map<String, Map<String, Tt27YearResult.QualityRating>> qualities) {
        List<YearLine> lines = new ArrayList<>();
        for (Rosters.Entry student : roster) {
            Map<String, PrimaryBook.Entry> year = new HashMap<>();
            List<Tt27YearResult.SubjectRating> ratings = new ArrayList<>();
            List<Integer> scores = new ArrayList<>();
            boolean complete = true;
            for (Subject subject : gradeSubjects) {
                PrimaryBook book = books.get(subject.code());
                PrimaryBook.Entry entry = book == null ? null : book.entry(student.studentId(), PrimaryPeriod.CN);
                if (entry != null) {
                    year.put(subject.code(), entry);
                }
                if (entry == null || entry.rating() == null) {
                    complete = false;
                } else {
                    ratings.add(entry.rating());
                }
                if (subject.primaryTestAt(grade, true)) {
                    if (entry == null || entry.score() == null) {
                        complete = false;
                    } else {
                        scores.add(entry.score());
                    }
                }
            }
            Map<Quality, Tt27YearResult.QualityRating> rated = new EnumMap<>(Quality.class);
            qualities.getOrDefault(student.studentId(), Map.of()).forEach((quality, rating) -> rated.put(Quality.valueOf(quality), rating));
            complete &= rated.size() == Quality.values().length;
            Optional<Tt27YearResult> result = complete ? Tt27YearResult.of(ratings, rated.values(), scores) : Optional.empty();
            lines.add(new YearLine(student.number(), student.studentId(), student.fullName(), year, rated, result.orElse(null),
                result.map(Tt27YearResult::label).orElse(null)));
        }
        return lines;
    }

    /** A book as its teachers read it: every student of the class with their entries, and which periods have a test. */
    public record BookRows(String id, String classId, String subjectCode, List<PrimaryPeriod> testedPeriods, List<Integer> lockedTerms, List<Row> rows) {
    }

    public record Row(int number, String studentId, String fullName, Map<String, PrimaryBook.Entry> entries) {
    }

    public Mono<BookRows> rows(PrimaryBook book) {
        Subject subject = subjects.subject(book.subjectCode()).orElseThrow();
        List<PrimaryPeriod> tested = java.util.Arrays.stream(PrimaryPeriod.values())
            .filter(period -> subject.primaryTestAt(book.grade(), period.endOfTerm())).toList();
        return rosters.of(book.classId()).map(roster -> new BookRows(book.id(), book.classId(), book.subjectCode(), tested,
            java.util.Objects.requireNonNull(book.lockedTerms()), roster.stream().map(student -> new Row(student.number(), student.studentId(),
                student.fullName(), java.util.Objects.requireNonNull(book.entries()).getOrDefault(student.studentId(), Map.of()))).toList()));
    }
}
