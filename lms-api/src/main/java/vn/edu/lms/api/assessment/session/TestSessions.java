package vn.edu.lms.api.assessment.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.blueprint.Candidate;
import vn.edu.lms.api.assessment.blueprint.Coverage;
import vn.edu.lms.api.assessment.blueprint.StoredBlueprint;
import vn.edu.lms.api.assessment.blueprint.Blueprints;
import vn.edu.lms.api.notification.Notice;
import vn.edu.lms.api.notification.NotificationKind;
import vn.edu.lms.api.notification.Notifications;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.QuestionAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Scheduling tests (collections {@code test_sessions} and {@code test_pools}). Teachers and admins of
 * a school schedule and proctor its sessions; a student sees the sessions they take part in.
 */
@Service
public class TestSessions implements SmartInitializingSingleton {

    static final int MAX_PARTICIPANTS = 5_000;
    /** How long a session read for the hot paths is trusted: a proctor's change reaches every start within it. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;
    private final Blueprints blueprints;
    private final Schools schools;
    private final Students students;
    private final Notifications notifications;
    private final Clock clock;
    private final Cache<String, Mono<Scheduled>> scheduled = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(FRESH_FOR).build();
    private final Cache<String, Mono<TestPool>> pools = Caffeine.newBuilder().maximumSize(50).expireAfterAccess(Duration.ofHours(1)).build();

    TestSessions(ReactiveMongoTemplate mongo, Blueprints blueprints, Schools schools, Students students, Notifications notifications,
            Clock clock) {
        this.mongo = mongo;
        this.blueprints = blueprints;
        this.schools = schools;
        this.students = students;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(TestSession.class).createIndex(new Index("schoolId", Sort.Direction.ASC).on("opensAt", Sort.Direction.DESC))
            .then(mongo.indexOps(TestSession.class).createIndex(new Index("participants.studentId", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    /** The roles that schedule, proctor and grade tests (the record-level rule is {@link #mayProctor}). */
    public static String[] proctorRoles() {
        return new String[] {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
    }

    /** Who may proctor, grade and read the results of a session: its school's teachers and admins. */
    public static boolean mayProctor(CurrentUser user, TestSession session) {
        return QuestionAccess.mayWriteAt(user, session.schoolId());
    }

    public Mono<TestSession> create(CurrentUser user, String schoolId, Schedule schedule) {
        if (!QuestionAccess.mayWriteAt(user, schoolId)) {
            return Mono.error(Access.forbidden());
        }
        List<ContentProblem> problems = ScheduleChecks.problems(schedule);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidContent("test-session-invalid", problems));
        }
        return blueprints.blueprint(user, schedule.blueprintId())
            .filter(found -> found.schoolId().equals(schoolId))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "blueprint-not-found")))
            .flatMap(found -> participants(schoolId, found, schedule).flatMap(taking -> blueprints.candidates(found).collectList()
                .flatMap(candidates -> schedule(user, schoolId, found, schedule, taking, candidates))));
    }

    private Mono<TestSession> schedule(CurrentUser user, String schoolId, StoredBlueprint found, Schedule schedule, Taking taking,
            List<Candidate> candidates) {
        Coverage coverage = Coverage.of(found.blueprint(), candidates);
        if (!coverage.fillable()) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "test-session-bank-short", coverage.missing()));
        }
        Map<String, Integer> extra = new HashMap<>(schedule.extraMinutes());
        extra.keySet().retainAll(taking.participants().stream().map(TestSession.Participant::studentId).toList());
        Instant now = clock.instant();
        String id = Ids.newId();
        TestSession session = new TestSession(id, null, schoolId, user.accountId(), schedule.title(), schedule.kind(), schedule.term(),
            taking.yearId(), found.id(), found.blueprint(), schedule.papers(),
            schedule.papers() == TestSession.PaperMode.LETTERED ? schedule.versions() : 1, ThreadLocalRandom.current().nextLong(),
            schedule.opensAt(), schedule.closesAt(), schedule.durationMinutes(), schedule.lateStartMinutes(), schedule.endsWithWindow(),
            rooms(schedule.rooms()), schedule.allowedNetworks().stream().map(String::strip).toList(), taking.participants(), extra, null,
            false, now, now);
        // The pool first: a session is never seen without the questions its papers come from.
        return mongo.insert(new TestPool(id, candidates)).then(mongo.insert(session))
            .flatMap(scheduled -> announce(scheduled).thenReturn(scheduled));
    }

    /** Tells each participant their test is scheduled (the session is the dedupe key: every session links to the same list). */
    private Mono<Void> announce(TestSession session) {
        return notifications.sendAll(Flux.fromIterable(session.participants()).map(participant -> new Notifications.Addressed(
            participant.studentId(), new Notice(NotificationKind.TEST_SCHEDULED, "/api/v1/my/test-sessions", session.title(),
                participant.classId(), session.schoolId(), session.id()))));
    }

    private record Taking(String yearId, List<TestSession.Participant> participants) {
    }

    /** The students of the classes, then the students named one by one, each once, in the school's current year. */
    private Mono<Taking> participants(String schoolId, StoredBlueprint found, Schedule schedule) {
        int grade = found.blueprint().grade();
        return schools.classes(schedule.classIds()).collectList().flatMap(classes -> {
            if (classes.size() != new HashSet<>(schedule.classIds()).size()
                || classes.stream().anyMatch(c -> !c.schoolId().equals(schoolId) || c.closed())) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "test-session-class-not-here"));
            }
            if (classes.stream().anyMatch(c -> c.grade() != grade)) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "test-session-wrong-grade", grade));
            }
            Set<String> years = new HashSet<>(classes.stream().map(SchoolClass::yearId).toList());
            Map<String, TestSession.Participant> taking = new LinkedHashMap<>();
            return Flux.fromIterable(classes).concatMap(c -> students.enrolledIn(c.id()))
                .doOnNext(enrolment -> taking.putIfAbsent(enrolment.studentId(), new TestSession.Participant(enrolment.studentId(),
                    enrolment.classId())))
                .thenMany(students.enrolmentsOf(schedule.studentIds()))
                .filter(enrolment -> enrolment.classId() != null && enrolment.schoolId().equals(schoolId))
                .collectList()
                .flatMap(enrolments -> {
                    List<Enrolment> current = new ArrayList<>(enrolments);
                    if (!years.isEmpty()) {
                        current.removeIf(enrolment -> !years.contains(enrolment.yearId()));
                    }
                    Set<String> named = new HashSet<>();
                    for (Enrolment enrolment : current) {
                        years.add(enrolment.yearId());
                        named.add(enrolment.studentId());
                        taking.putIfAbsent(enrolment.studentId(), new TestSession.Participant(enrolment.studentId(), enrolment.classId()));
                    }
                    if (!named.containsAll(schedule.studentIds())) {
                        return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "test-session-student-not-here"));
                    }
                    if (years.size() != 1) {
                        return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "test-session-several-years"));
                    }
                    if (taking.isEmpty() || taking.size() > MAX_PARTICIPANTS) {
                        return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "test-session-participants", MAX_PARTICIPANTS));
                    }
                    return Mono.just(new Taking(years.iterator().next(), List.copyOf(taking.values())));
                });
        });
    }

    private static List<TestSession.Room> rooms(List<Schedule.RoomRequest> requested) {
        Set<String> codes = new HashSet<>();
        List<TestSession.Room> rooms = new ArrayList<>();
        for (Schedule.RoomRequest room : requested) {
            String code = room.accessCode() == null || room.accessCode().isBlank() ? null : room.accessCode().strip().toUpperCase();
            while (code == null || !codes.add(code)) {
                code = String.format("%06d", Long.parseUnsignedLong(Ids.newId().replace("-", "").substring(0, 12), 16) % 1_000_000);
            }
            rooms.add(new TestSession.Room(room.name().strip(), code));
        }
        return rooms;
    }

    /** A session its school's staff may see; 404 for anyone else. */
    public Mono<TestSession> session(CurrentUser user, String id) {
        return mongo.findById(id, TestSession.class)
            .filter(found -> mayProctor(user, found))
            .switchIfEmpty(Mono.error(TestSessions::notFound));
    }

    /** A session the student takes part in; 404 for anyone else. */
    public Mono<TestSession> takenBy(CurrentUser user, String id) {
        return mongo.findById(id, TestSession.class)
            .filter(found -> !found.cancelled() && found.participant(user.accountId()).isPresent())
            .switchIfEmpty(Mono.error(TestSessions::notFound));
    }

    public Flux<TestSession> list(CurrentUser user, String schoolId) {
        if (!QuestionAccess.mayWriteAt(user, schoolId)) {
            return Flux.error(Access.forbidden());
        }
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("cancelled").is(false))
            .with(Sort.by(Sort.Direction.DESC, "opensAt")).limit(500), TestSession.class);
    }

    /** The sessions a student takes part in, newest first. */
    public Flux<TestSession> assignedTo(CurrentUser user) {
        if (!user.has(Role.STUDENT)) {
            return Flux.error(Access.forbidden());
        }
        return mongo.find(Query.query(Criteria.where("participants.studentId").is(user.accountId()).and("cancelled").is(false))
            .with(Sort.by(Sort.Direction.DESC, "opensAt")).limit(200), TestSession.class);
    }

    /** The released periodic (giữa kỳ, cuối kỳ) sessions a class took in a subject and term, oldest release first. */
    public Flux<TestSession> releasedFor(String classId, String subjectCode, String yearId, int term) {
        return mongo.find(Query.query(released(classId, yearId).and("blueprint.subjectCode").is(subjectCode).and("term").is(term))
            .with(Sort.by("releasedAt")), TestSession.class);
    }

    /** Every released giữa kỳ and cuối kỳ test of the class in the school year, in every subject and term, oldest release first. */
    public Flux<TestSession> releasedFor(String classId, String yearId) {
        return mongo.find(Query.query(released(classId, yearId)).with(Sort.by("releasedAt")), TestSession.class);
    }

    private static Criteria released(String classId, String yearId) {
        return Criteria.where("participants.classId").is(classId).and("yearId").is(yearId)
            .and("kind").in(TestSession.Kind.MID_TERM, TestSession.Kind.END_OF_TERM).and("releasedAt").ne(null).and("cancelled").is(false);
    }

    /** The session for the hot paths, read at most every couple of seconds; empty when there is none or it was cancelled. */
    public Mono<Scheduled> scheduled(String id) {
        return scheduled.get(id, key -> mongo.findById(key, TestSession.class).filter(found -> !found.cancelled()).map(Scheduled::of)
            .cache(found -> FRESH_FOR, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** The question versions the session's papers are drawn from (never changes, so kept long). */
    public Mono<TestPool> pool(String sessionId) {
        return pools.get(sessionId, key -> mongo.findById(key, TestPool.class)
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("no question pool for session " + key)))
            .cache(found -> Duration.ofHours(1), failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Cancels a session that has not opened yet. */
    public Mono<Void> cancel(CurrentUser user, String id) {
        return session(user, id).flatMap(found -> {
            if (!clock.instant().isBefore(found.opensAt())) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "test-session-already-open"));
            }
            return change(found, Update.update("cancelled", true));
        }).then();
    }

    /** Adds extra time for a student (their attempt, if running, is extended by the caller). */
    public Mono<TestSession> addExtraTime(CurrentUser user, String id, String studentId, int minutes) {
        return session(user, id).flatMap(found -> {
            if (found.participant(studentId).isEmpty()) {
                return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "test-session-not-a-participant"));
            }
            return change(found, new Update().inc("extraMinutes." + studentId, minutes));
        });
    }

    /** Releases the results to the students (the caller records them as periodic assessments). */
    public Mono<TestSession> release(CurrentUser user, String id) {
        return session(user, id).flatMap(found -> found.released() ? Mono.just(found)
            : change(found, Update.update("releasedAt", clock.instant())));
    }

    private Mono<TestSession> change(TestSession found, Update update) {
        scheduled.invalidate(found.id());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(found.id())), update.set("updatedAt", clock.instant()).inc("revision", 1),
            org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), TestSession.class)
            .doOnNext(changed -> scheduled.invalidate(found.id()));
    }

    static LmsProblem notFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "test-session-not-found");
    }
}
