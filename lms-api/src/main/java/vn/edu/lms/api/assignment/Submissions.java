package vn.edu.lms.api.assignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
import vn.edu.lms.api.assessment.grading.TenPointScale;
import vn.edu.lms.api.notification.Notice;
import vn.edu.lms.api.notification.NotificationKind;
import vn.edu.lms.api.notification.Notifications;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.library.PrivateFiles;
import vn.edu.lms.content.library.PrivateFiles.PrivateFile;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Students' work (collection {@code assignment_submissions}): handing in, with every version kept;
 * grading and returning it. A hand-in is answered only once the database has it.
 */
@Service
public class Submissions implements SmartInitializingSingleton {

    static final int MAX_TEXT = 20_000;

    private final ReactiveMongoTemplate mongo;
    private final Assignments assignments;
    private final PrivateFiles files;
    private final Students students;
    private final Notifications notifications;
    private final Clock clock;

    Submissions(ReactiveMongoTemplate mongo, Assignments assignments, PrivateFiles files, Students students, Notifications notifications,
            Clock clock) {
        this.mongo = mongo;
        this.assignments = assignments;
        this.files = files;
        this.students = students;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Submission.class).createIndex(new Index("assignmentId", Sort.Direction.ASC)).block(Duration.ofMinutes(2));
    }

    /** What a hand-in was answered with. */
    public record HandedIn(int version, boolean late, Instant submittedAt, List<PrivateFile> files) {
    }

    /**
     * Hands in a new version: text and the student's finished private uploads, checked against the
     * assignment's limits and its late policy. Two hand-ins racing for the same student: one wins,
     * the other is answered 409 and may be sent again.
     */
    public Mono<HandedIn> handIn(CurrentUser user, String assignmentId, @Nullable String text, List<String> uploadIds) {
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        if (trimmed == null && uploadIds.isEmpty()) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "submission-empty"));
        }
        if (trimmed != null && trimmed.length() > MAX_TEXT) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "submission-text-too-long", MAX_TEXT));
        }
        return assignments.forStudent(user, assignmentId).flatMap(assignment -> {
            if (uploadIds.size() > assignment.maxFiles() || uploadIds.stream().distinct().count() != uploadIds.size()) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "submission-too-many-files", assignment.maxFiles()));
            }
            String id = Submission.idOf(assignmentId, user.accountId());
            return mongo.findById(id, Submission.class).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(existing -> {
                    Instant now = clock.instant();
                    String refusal = LatePolicy.refusal(assignment, existing.orElse(null), now);
                    if (refusal != null) {
                        return Mono.error(new LmsProblem(HttpStatus.CONFLICT, refusal));
                    }
                    return Flux.fromIterable(uploadIds).concatMap(uploadId -> files.claim(user.accountId(), uploadId)).collectList()
                        .flatMap(claimed -> {
                            checkFiles(assignment, claimed);
                            boolean late = LatePolicy.window(assignment, now) == LatePolicy.Window.LATE;
                            int count = existing.map(Submission::versionCount).orElse(0);
                            return append(assignment, user.accountId(), count, new Submission.Version(trimmed, claimed, now, late))
                                .thenReturn(new HandedIn(count + 1, late, now, claimed));
                        });
                });
        });
    }

    private static void checkFiles(Assignment assignment, List<PrivateFile> claimed) {
        long limit = assignment.maxFileMegabytes() * 1024L * 1024L;
        for (PrivateFile file : claimed) {
            if (file.size() > limit) {
                throw new LmsProblem(HttpStatus.PAYLOAD_TOO_LARGE, "submission-file-too-large", file.fileName(), assignment.maxFileMegabytes());
            }
            if (!assignment.acceptedTypes().isEmpty() && assignment.acceptedTypes().stream().noneMatch(type -> accepts(type, file.mediaType()))) {
                throw new LmsProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "submission-file-type", file.fileName(), file.mediaType());
            }
        }
    }

    /** {@code image/*} accepts every image; other patterns name one type. */
    static boolean accepts(String pattern, String mediaType) {
        return pattern.endsWith("/*") ? mediaType.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(mediaType);
    }

    /** Adds the version if the student's record still has {@code count} versions (creating the record for the first). */
    private Mono<Void> append(Assignment assignment, String studentId, int count, Submission.Version version) {
        Query unchanged = Query.query(Criteria.where("_id").is(Submission.idOf(assignment.id(), studentId)).and("versionCount").is(count));
        Update update = new Update().push("versions", version).inc("versionCount", 1)
            .setOnInsert("assignmentId", assignment.id()).setOnInsert("classId", assignment.classId()).setOnInsert("studentId", studentId);
        return mongo.upsert(unchanged, update, Submission.class)
            // The record changed in between: the upsert's insert meets the existing _id.
            .onErrorMap(DuplicateKeyException.class, raced -> new LmsProblem(HttpStatus.CONFLICT, "submission-changed"))
            .then();
    }

    /** The student's own work for the assignment; the grade only once returned. */
    public Mono<Submission> own(CurrentUser user, String assignmentId) {
        return assignments.forStudent(user, assignmentId)
            .then(mongo.findById(Submission.idOf(assignmentId, user.accountId()), Submission.class))
            .map(Submissions::asSeenByLearner)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "submission-not-found")));
    }

    /** One student's work: for the assignment's teachers, the student, and the student's parents (the grade once returned). */
    public Mono<Submission> of(CurrentUser user, String assignmentId, String studentId) {
        return assignments.assignment(user, assignmentId).flatMap(read -> {
            Mono<Boolean> may = read.teaches() ? Mono.just(true)
                : user.accountId().equals(studentId) ? Mono.just(true)
                : user.has(Role.PARENT) ? students.isGuardian(user.accountId(), studentId) : Mono.just(false);
            return may.flatMap(allowed -> !allowed ? Mono.error(Access.forbidden())
                : mongo.findById(Submission.idOf(assignmentId, studentId), Submission.class)
                    .map(found -> read.teaches() ? found : asSeenByLearner(found))
                    .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "submission-not-found"))));
        });
    }

    /** Every submission of the assignment, for its teachers. */
    public Mono<List<Submission>> ofAssignment(CurrentUser user, String assignmentId) {
        return assignments.taught(user, assignmentId)
            .flatMap(read -> mongo.find(Query.query(Criteria.where("assignmentId").is(assignmentId)), Submission.class).collectList());
    }

    /** The work of the assignment whose grade was returned to the student (what the gradebook takes). */
    public Flux<Submission> returned(String assignmentId) {
        return mongo.find(Query.query(Criteria.where("assignmentId").is(assignmentId).and("grade.returned").is(true)), Submission.class);
    }

    /** The teacher's grade of a student's latest version; the late penalty applies to a late one. */
    public record Grading(@Nullable BigDecimal score, Submission.@Nullable Rating rating, List<BigDecimal> rubricPoints, @Nullable String comment) {
    }

    public Mono<Submission> grade(CurrentUser user, String assignmentId, String studentId, Grading grading) {
        return assignments.taught(user, assignmentId).flatMap(read -> mongo.findById(Submission.idOf(assignmentId, studentId), Submission.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "submission-not-found")))
            .flatMap(found -> {
                Assignment assignment = read.assignment();
                Submission.Version latest = java.util.Objects.requireNonNull(found.latest());
                Submission.Grade grade = gradeOf(assignment, found.versionCount(), latest.late(), grading, user.accountId(), clock.instant());
                return mongo.findAndModify(Query.query(Criteria.where("_id").is(found.id())), new Update().set("grade", grade),
                    FindAndModifyOptions.options().returnNew(true), Submission.class);
            }));
    }

    static Submission.Grade gradeOf(Assignment assignment, int version, boolean late, Grading grading, String by, Instant at) {
        String comment = grading.comment() == null || grading.comment().isBlank() ? null : grading.comment().strip();
        if (comment != null && comment.length() > MAX_TEXT) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "grade-comment-too-long", MAX_TEXT);
        }
        if (assignment.grading() == Assignment.Grading.COMMENT) {
            if (grading.rating() == null || grading.score() != null || !grading.rubricPoints().isEmpty()) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "grade-rating-required");
            }
            return new Submission.Grade(version, null, null, grading.rating(), List.of(), comment, by, at, false, null);
        }
        BigDecimal raw = assignment.rubric().isEmpty() ? scoreGiven(assignment, grading) : rubricScore(assignment, grading);
        return new Submission.Grade(version, raw, LatePolicy.penalised(raw, assignment.latePenaltyPercent(), late, assignment.grade()), null,
            grading.rubricPoints(), comment, by, at, false, null);
    }

    private static BigDecimal scoreGiven(Assignment assignment, Grading grading) {
        BigDecimal score = grading.score();
        boolean primary = TenPointScale.isPrimary(assignment.grade());
        if (score == null || grading.rating() != null || !grading.rubricPoints().isEmpty() || score.compareTo(BigDecimal.TEN) > 0
            || score.compareTo(primary ? BigDecimal.ONE : BigDecimal.ZERO) < 0 || score.stripTrailingZeros().scale() > (primary ? 0 : 1)) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, primary ? "grade-score-primary" : "grade-score-secondary");
        }
        return score.setScale(primary ? 0 : 1, java.math.RoundingMode.UNNECESSARY);
    }

    private static BigDecimal rubricScore(Assignment assignment, Grading grading) {
        List<Assignment.Criterion> rubric = assignment.rubric();
        List<BigDecimal> points = grading.rubricPoints();
        if (points.size() != rubric.size() || grading.score() != null || grading.rating() != null) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "grade-rubric-points", rubric.size());
        }
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < rubric.size(); i++) {
            BigDecimal given = points.get(i);
            if (given.signum() < 0 || given.compareTo(rubric.get(i).maxPoints()) > 0) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "grade-rubric-points", rubric.size());
            }
            earned = earned.add(given);
            total = total.add(rubric.get(i).maxPoints());
        }
        return TenPointScale.score(earned, total, assignment.grade());
    }

    /** Lets the student (and their parents) see the grade; tells them. */
    public Mono<Submission> returnGrade(CurrentUser user, String assignmentId, String studentId) {
        return assignments.taught(user, assignmentId).flatMap(read -> mongo.findAndModify(
                Query.query(Criteria.where("_id").is(Submission.idOf(assignmentId, studentId)).and("grade").ne(null)),
                new Update().set("grade.returned", true).set("grade.returnedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                Submission.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "submission-not-graded")))
            .flatMap(returned -> students.guardiansOf(List.of(studentId)).map(parents -> {
                List<String> told = new ArrayList<>(List.of(studentId));
                parents.values().forEach(told::addAll);
                return told;
            }).flatMap(told -> notifications.send(told, new Notice(NotificationKind.WORK_GRADED, "/api/v1/assignments/" + assignmentId
                + "/submissions/" + studentId, read.assignment().title(), read.assignment().classId(), read.assignment().schoolId())))
                .thenReturn(returned)));
    }

    /** What a student or parent sees: the grade only once returned. */
    private static Submission asSeenByLearner(Submission submission) {
        Submission.Grade grade = submission.grade();
        return grade == null || grade.returned() ? submission
            : new Submission(submission.id(), submission.assignmentId(), submission.classId(), submission.studentId(), submission.versionCount(),
                submission.versions(), null);
    }
}
