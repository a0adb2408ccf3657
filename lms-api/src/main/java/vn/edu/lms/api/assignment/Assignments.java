package vn.edu.lms.api.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.libraryaccess.ClassLibrary;
import vn.edu.lms.api.notification.Notice;
import vn.edu.lms.api.notification.NotificationKind;
import vn.edu.lms.api.notification.Notifications;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.RichText;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The assignments of classes (collection {@code assignments}). The class's teacher of the subject,
 * its homeroom teacher and the school's admins set them; the students they are for (and those
 * students' parents) read them once published and open.
 */
@Service
public class Assignments implements SmartInitializingSingleton {

    static final int MAX_FILES = 10;
    static final int MAX_FILE_MEGABYTES = 100;
    static final int MAX_CRITERIA = 20;

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final SchoolAccess schoolAccess;
    private final Students students;
    private final ClassLibrary classLibrary;
    private final SubjectCatalogue subjects;
    private final Notifications notifications;
    private final Clock clock;

    Assignments(ReactiveMongoTemplate mongo, Schools schools, SchoolAccess schoolAccess, Students students, ClassLibrary classLibrary,
            SubjectCatalogue subjects, Notifications notifications, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.schoolAccess = schoolAccess;
        this.students = students;
        this.classLibrary = classLibrary;
        this.subjects = subjects;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Assignment.class).createIndex(new Index("classId", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC))
            .block(Duration.ofMinutes(2));
    }

    public Mono<Assignment> create(CurrentUser user, String classId, AssignmentDraft draft) {
        return schools.schoolClass(classId).flatMap(schoolClass -> {
            if (!SchoolAccess.teachesSubject(user, schoolClass, draft.subjectCode())) {
                return Mono.error(Access.forbidden());
            }
            return checked(schoolClass, draft).flatMap(instructions -> {
                Instant now = clock.instant();
                return mongo.insert(new Assignment(Ids.newId(), null, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(),
                    schoolClass.grade(), draft.subjectCode(), draft.title(), instructions, draft.attachmentIds(), draft.studentIds(), draft.opensAt(),
                    draft.dueAt(), draft.cutOffAt(), draft.latePenaltyPercent(), draft.grading(), draft.rubric(), draft.maxFiles(),
                    draft.maxFileMegabytes(), draft.acceptedTypes(), Assignment.Status.DRAFT, false, user.accountId(), false, now, now));
            });
        });
    }

    /** A class's assignments, soonest due first: all for its staff; the open ones for each student, or a parent's children. */
    public Flux<Read> ofClass(CurrentUser user, String classId) {
        return schoolAccess.visible(classId).flatMapMany(schoolClass -> learnersOf(user, schoolClass).flatMapMany(learners -> {
            Query query = Query.query(Criteria.where("classId").is(classId).and("archived").is(false)).with(Sort.by("dueAt"));
            Instant now = clock.instant();
            return mongo.find(query, Assignment.class)
                .map(assignment -> new Read(assignment, schoolClass, SchoolAccess.teachesSubject(user, schoolClass, assignment.subjectCode())))
                .filter(read -> read.teaches() || read.assignment().openToLearners(now) && learners.stream().anyMatch(read.assignment()::isFor));
        }));
    }

    /** The assignment as the caller may read it: 404 when there is none (or not for them), 403 outside its class. */
    public Mono<Read> assignment(CurrentUser user, String id) {
        return find(id).flatMap(assignment -> schoolAccess.visible(assignment.classId()).flatMap(schoolClass -> {
            if (SchoolAccess.teachesSubject(user, schoolClass, assignment.subjectCode())) {
                return Mono.just(new Read(assignment, schoolClass, true));
            }
            return learnersOf(user, schoolClass).flatMap(learners -> assignment.openToLearners(clock.instant())
                && learners.stream().anyMatch(assignment::isFor) ? Mono.just(new Read(assignment, schoolClass, false))
                    : Mono.error(AssignmentProblems.notFound()));
        }));
    }

    /** An assignment read by someone of its class; {@code teaches} when they set and grade it. */
    public record Read(Assignment assignment, SchoolClass schoolClass, boolean teaches) {
    }

    /** The assignment and its class, for its teachers; 403 for anyone else. */
    public Mono<Read> taught(CurrentUser user, String id) {
        return find(id).flatMap(assignment -> schools.schoolClass(assignment.classId())
            .flatMap(schoolClass -> SchoolAccess.teachesSubject(user, schoolClass, assignment.subjectCode())
                ? Mono.just(new Read(assignment, schoolClass, true)) : Mono.error(Access.forbidden())));
    }

    /** The assignment, for a student of its class it is for, once open; 403 for anyone else, 404 when it is not for them. */
    public Mono<Assignment> forStudent(CurrentUser user, String id) {
        return find(id).flatMap(assignment -> !user.has(Role.STUDENT) ? Mono.error(Access.forbidden())
            : students.enrolment(user.accountId(), assignment.yearId()).filter(enrolment -> assignment.classId().equals(enrolment.classId()))
                .switchIfEmpty(Mono.error(Access::forbidden))
                .flatMap(enrolment -> assignment.openToLearners(clock.instant()) && assignment.isFor(user.accountId()) ? Mono.just(assignment)
                    : Mono.error(AssignmentProblems.notFound())));
    }

    public Mono<Assignment> edit(CurrentUser user, String id, @Nullable Long expectedVersion, AssignmentDraft draft) {
        return taught(user, id).flatMap(read -> {
            Assignment current = read.assignment();
            if (expectedVersion != null && !expectedVersion.equals(current.version())) {
                return Mono.error(AssignmentProblems.changed(HttpStatus.PRECONDITION_FAILED));
            }
            if (!draft.subjectCode().equals(current.subjectCode())) {
                return Mono.error(new InvalidContent("assignment-invalid", List.of(new ContentProblem("assignment.subject-fixed",
                    current.subjectCode()))));
            }
            return checked(read.schoolClass(), draft).map(instructions -> current.with(draft, instructions, clock.instant()))
                .flatMap(edited -> edited.status() == Assignment.Status.DRAFT ? save(edited)
                    : shared(edited, read.schoolClass()).then(save(edited)));
        });
    }

    /** Publishes it: its students see it from its open time. Refused while an attachment is one they may not see. */
    public Mono<Assignment> publish(CurrentUser user, String id) {
        return taught(user, id).flatMap(read -> shared(read.assignment(), read.schoolClass())
            .then(save(read.assignment().published(clock.instant())))
            .flatMap(published -> published.openToLearners(clock.instant()) ? announce(published) : Mono.just(published)));
    }

    public Mono<Void> archive(CurrentUser user, String id) {
        return taught(user, id).flatMap(read -> save(read.assignment().archived(clock.instant()))).then();
    }

    /** Tells the students of every assignment that has opened since it was published (polled). */
    public Flux<Assignment> announceOpened() {
        Query due = Query.query(Criteria.where("status").is(Assignment.Status.PUBLISHED.name()).and("announced").is(false).and("archived").is(false)
            .and("opensAt").lte(clock.instant()));
        return mongo.find(due, Assignment.class).concatMap(this::announce);
    }

    /** The students it is for, told once: one conditional flip of its flag decides who sends. */
    private Mono<Assignment> announce(Assignment assignment) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(assignment.id()).and("announced").is(false)),
                new Update().set("announced", true), Assignment.class)
            .filter(result -> result.getModifiedCount() == 1)
            .flatMap(flipped -> studentsOf(assignment).collectList())
            .flatMap(studentIds -> notifications.send(studentIds, new Notice(NotificationKind.ASSIGNMENT_NEW, "/api/v1/assignments/" + assignment.id(),
                assignment.title(), assignment.classId(), assignment.schoolId())))
            .thenReturn(assignment);
    }

    /** The students of the class it is for. */
    public Flux<String> studentsOf(Assignment assignment) {
        return students.enrolledIn(assignment.classId()).map(Enrolment::studentId).filter(assignment::isFor);
    }

    private Mono<Void> shared(Assignment assignment, SchoolClass schoolClass) {
        return classLibrary.hiddenFrom(schoolClass.schoolId(), schoolClass.id(), assignment.attachmentIds()).flatMap(hidden -> hidden.isEmpty()
            ? Mono.<Void>empty() : Mono.error(AssignmentProblems.attachmentsNotShared(hidden)));
    }

    /** The students (or, for a parent, the children) the caller stands for in the class. */
    private Mono<Set<String>> learnersOf(CurrentUser user, SchoolClass schoolClass) {
        Flux<String> own = user.has(Role.STUDENT) ? Flux.just(user.accountId()) : Flux.empty();
        Flux<String> children = user.has(Role.PARENT) ? students.childrenOf(user.accountId()) : Flux.empty();
        return Flux.concat(own, children).collect(HashSet::new, Set::add);
    }

    /** The assignment by id, whoever asks (for features that check access themselves); 404 when there is none. */
    public Mono<Assignment> byId(String id) {
        return find(id);
    }

    private Mono<Assignment> find(String id) {
        return mongo.findById(id, Assignment.class).filter(found -> !found.archived()).switchIfEmpty(Mono.error(AssignmentProblems::notFound));
    }

    private Mono<Assignment> save(Assignment assignment) {
        return mongo.save(assignment).onErrorMap(OptimisticLockingFailureException.class, conflict -> AssignmentProblems.changed(HttpStatus.CONFLICT));
    }

    /** The draft's problems, or its sanitized instructions: times in order, students of the class, attachments the teacher may see. */
    private Mono<String> checked(SchoolClass schoolClass, AssignmentDraft draft) {
        List<ContentProblem> problems = new ArrayList<>();
        if (subjects.subject(draft.subjectCode()).isEmpty()) {
            problems.add(new ContentProblem("question.unknown-subject", draft.subjectCode()));
        }
        if (!draft.dueAt().isAfter(draft.opensAt())) {
            problems.add(new ContentProblem("assignment.due-before-open"));
        }
        if (draft.cutOffAt() != null && draft.cutOffAt().isBefore(draft.dueAt())) {
            problems.add(new ContentProblem("assignment.cut-off-before-due"));
        }
        if (draft.latePenaltyPercent() < 0 || draft.latePenaltyPercent() > 100) {
            problems.add(new ContentProblem("assignment.bad-penalty"));
        }
        if (draft.maxFiles() < 0 || draft.maxFiles() > MAX_FILES) {
            problems.add(new ContentProblem("assignment.bad-max-files", MAX_FILES));
        }
        if (draft.maxFileMegabytes() < 1 || draft.maxFileMegabytes() > MAX_FILE_MEGABYTES) {
            problems.add(new ContentProblem("assignment.bad-file-size", MAX_FILE_MEGABYTES));
        }
        if (draft.acceptedTypes().stream().anyMatch(type -> !type.matches("[a-z]+/([a-z0-9.+-]+|\\*)"))) {
            problems.add(new ContentProblem("assignment.bad-type"));
        }
        if (draft.grading() == Assignment.Grading.COMMENT && !draft.rubric().isEmpty() || draft.rubric().size() > MAX_CRITERIA
            || draft.rubric().stream().anyMatch(criterion -> criterion.name().isBlank() || criterion.maxPoints().signum() <= 0)) {
            problems.add(new ContentProblem("assignment.bad-rubric", MAX_CRITERIA));
        }
        String instructions = RichText.sanitize(draft.instructions());
        if (RichText.isBlank(instructions) && draft.attachmentIds().isEmpty()) {
            problems.add(new ContentProblem("assignment.empty"));
        }
        Mono<List<String>> strangers = draft.studentIds().isEmpty() ? Mono.just(List.of())
            : students.enrolledIn(schoolClass.id()).map(Enrolment::studentId).collect(HashSet<String>::new, Set::add)
                .map(inClass -> draft.studentIds().stream().filter(student -> !inClass.contains(student)).toList());
        Mono<List<String>> unseen = classLibrary.unseenBy(draft.attachmentIds());
        return Mono.zip(strangers, unseen).flatMap(found -> {
            if (!found.getT1().isEmpty()) {
                problems.add(new ContentProblem("assignment.student-not-in-class", found.getT1().size()));
            }
            found.getT2().forEach(itemId -> problems.add(new ContentProblem("assignment.attachment-not-found", itemId)));
            return problems.isEmpty() ? Mono.just(instructions) : Mono.error(new InvalidContent("assignment-invalid", problems));
        });
    }
}
