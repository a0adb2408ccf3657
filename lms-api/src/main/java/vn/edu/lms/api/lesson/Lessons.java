package vn.edu.lms.api.lesson;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.blueprint.PaperDraw;
import vn.edu.lms.api.libraryaccess.ClassLibrary;
import vn.edu.lms.api.notification.Notice;
import vn.edu.lms.api.notification.NotificationKind;
import vn.edu.lms.api.notification.Notifications;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.Question;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionType;
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
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryCallers;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The lessons of classes (collection {@code lessons}). A class's teacher of the subject, its homeroom
 * teacher and the school's admins write them; everyone of the class reads them, students and
 * parents only once open. Library items are checked when the lesson is saved (the teacher must see
 * them) and when it is published (the class's students must see them too).
 */
@Service
public class Lessons implements SmartInitializingSingleton {

    static final int MAX_BLOCKS = 100;
    public static final int MAX_QUIZ_QUESTIONS = 50;
    private static final int MAX_LIVE_MINUTES = 300;

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final SchoolAccess schoolAccess;
    private final Students students;
    private final LibraryItems library;
    private final LibraryCallers libraryCallers;
    private final QuestionBank bank;
    private final SubjectCatalogue subjects;
    private final Notifications notifications;
    private final Clock clock;

    Lessons(ReactiveMongoTemplate mongo, Schools schools, SchoolAccess schoolAccess, Students students, LibraryItems library,
            LibraryCallers libraryCallers, QuestionBank bank, SubjectCatalogue subjects, Notifications notifications, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.schoolAccess = schoolAccess;
        this.students = students;
        this.library = library;
        this.libraryCallers = libraryCallers;
        this.bank = bank;
        this.subjects = subjects;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Lesson.class).createIndex(new Index("classId", Sort.Direction.ASC).on("subjectCode", Sort.Direction.ASC))
            .block(Duration.ofMinutes(2));
    }

    public Mono<Lesson> create(CurrentUser user, String classId, LessonDraft draft) {
        return schools.schoolClass(classId).flatMap(schoolClass -> {
            if (!SchoolAccess.teachesSubject(user, schoolClass, draft.subjectCode())) {
                return Mono.error(Access.forbidden());
            }
            return blocks(user, null, draft, schoolClass.grade()).flatMap(blocks -> {
                Instant now = clock.instant();
                return mongo.insert(new Lesson(Ids.newId(), null, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(),
                    schoolClass.grade(), draft.subjectCode(), draft.topic(), draft.title(), draft.position(), blocks, Lesson.Status.DRAFT, null,
                    false, user.accountId(), null, false, now, now));
            });
        });
    }

    /**
     * A class's course: its lessons in order, of one subject or all. Its staff see drafts too;
     * students and parents only the lessons open to them.
     */
    public Flux<Lesson> course(CurrentUser user, String classId, @Nullable String subjectCode) {
        return schoolAccess.visible(classId).flatMapMany(schoolClass -> {
            Criteria criteria = Criteria.where("classId").is(classId).and("archived").is(false);
            if (subjectCode != null) {
                criteria = criteria.and("subjectCode").is(subjectCode);
            }
            Instant now = clock.instant();
            return mongo.find(Query.query(criteria).with(Sort.by("position", "createdAt")), Lesson.class)
                .filter(lesson -> SchoolAccess.teachesSubject(user, schoolClass, lesson.subjectCode()) || lesson.openToLearners(now));
        });
    }

    /** The lesson as the caller may read it: 404 when there is none (or not yet for them), 403 outside its class. */
    public Mono<Read> lesson(CurrentUser user, String id) {
        return find(id).flatMap(lesson -> schoolAccess.visible(lesson.classId()).flatMap(schoolClass -> {
            boolean teaches = SchoolAccess.teachesSubject(user, schoolClass, lesson.subjectCode());
            return teaches || lesson.openToLearners(clock.instant()) ? Mono.just(new Read(lesson, schoolClass, teaches))
                : Mono.error(LessonProblems.notFound());
        }));
    }

    /** A lesson read by someone of its class; {@code teaches} when they write it. */
    public record Read(Lesson lesson, SchoolClass schoolClass, boolean teaches) {
    }

    /** The lesson and its class, for someone who writes it; 403 for anyone else. */
    public Mono<Taught> taught(CurrentUser user, String id) {
        return find(id).flatMap(lesson -> schools.schoolClass(lesson.classId())
            .flatMap(schoolClass -> SchoolAccess.teachesSubject(user, schoolClass, lesson.subjectCode()) ? Mono.just(new Taught(lesson, schoolClass))
                : Mono.error(Access.forbidden())));
    }

    /** A lesson and its class, as its teacher sees them. */
    public record Taught(Lesson lesson, SchoolClass schoolClass) {
    }

    /** The lesson, for a student of its class once it is open; 403 for anyone else, 404 when it is not open. */
    public Mono<Lesson> followed(CurrentUser user, String id) {
        return find(id).flatMap(lesson -> studies(user, lesson.classId(), lesson.yearId())
            .flatMap(studies -> !studies ? Mono.error(Access.forbidden())
                : lesson.openToLearners(clock.instant()) ? Mono.just(lesson) : Mono.error(LessonProblems.notFound())));
    }

    private Mono<Boolean> studies(CurrentUser user, String classId, String yearId) {
        if (!user.has(Role.STUDENT)) {
            return Mono.just(false);
        }
        return students.enrolment(user.accountId(), yearId).map(enrolment -> classId.equals(enrolment.classId())).defaultIfEmpty(false);
    }

    public Mono<Lesson> edit(CurrentUser user, String id, @Nullable Long expectedVersion, LessonDraft draft) {
        return taught(user, id).flatMap(taught -> {
            Lesson current = taught.lesson();
            if (expectedVersion != null && !expectedVersion.equals(current.version())) {
                return Mono.error(LessonProblems.changed(HttpStatus.PRECONDITION_FAILED));
            }
            if (!draft.subjectCode().equals(current.subjectCode())) {
                return Mono.error(new InvalidContent("lesson-invalid", List.of(new ContentProblem("lesson.subject-fixed", current.subjectCode()))));
            }
            return blocks(user, current, draft, current.grade()).map(blocks -> current.with(draft, blocks, clock.instant()))
                .flatMap(edited -> edited.status() == Lesson.Status.DRAFT ? save(edited)
                    // A published lesson stays one its students can follow: the same check as publishing.
                    : notShared(edited, taught.schoolClass()).collectList().flatMap(hidden -> hidden.isEmpty() ? save(edited)
                        : Mono.error(LessonProblems.notShared(hidden))));
        });
    }

    /**
     * Publishes the lesson, open at once or from {@code releaseAt}. Refused while it has no block, or
     * while a library item in it is one its students may not see (the teacher shares it first).
     */
    public Mono<Lesson> publish(CurrentUser user, String id, @Nullable Instant releaseAt) {
        return taught(user, id).flatMap(taught -> {
            Lesson lesson = taught.lesson();
            if (lesson.blocks().isEmpty()) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "lesson-empty"));
            }
            return notShared(lesson, taught.schoolClass()).collectList().flatMap(hidden -> hidden.isEmpty()
                ? save(lesson.published(releaseAt, clock.instant()))
                : Mono.error(LessonProblems.notShared(hidden)))
                .flatMap(published -> published.openToLearners(clock.instant()) ? announce(published) : Mono.just(published));
        });
    }

    /**
     * Tells the students of every lesson that has opened since (a scheduled release whose time came)
     * that it is there. Polled: the database has no change streams.
     */
    public Flux<Lesson> announceOpened() {
        Query due = Query.query(new Criteria().andOperator(Criteria.where("status").is(Lesson.Status.PUBLISHED.name()),
            Criteria.where("announced").is(false), Criteria.where("archived").is(false),
            new Criteria().orOperator(Criteria.where("releaseAt").is(null), Criteria.where("releaseAt").lte(clock.instant()))));
        return mongo.find(due, Lesson.class).concatMap(this::announce);
    }

    /**
     * Tells the class's students, once: the flag is flipped by one conditional update, so of two
     * instances (or a publish and the poll) only one sends. Unpublishing and publishing again tells
     * nobody twice.
     */
    private Mono<Lesson> announce(Lesson lesson) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(lesson.id()).and("announced").is(false)), new Update().set("announced", true),
                Lesson.class)
            .filter(result -> result.getModifiedCount() == 1)
            .flatMap(flipped -> students.enrolledIn(lesson.classId()).map(Enrolment::studentId).collectList())
            .flatMap(studentIds -> notifications.send(studentIds, new Notice(NotificationKind.LESSON_NEW, "/api/v1/lessons/" + lesson.id(),
                lesson.title(), lesson.classId(), lesson.schoolId())))
            .thenReturn(lesson);
    }

    public Mono<Lesson> unpublish(CurrentUser user, String id) {
        return taught(user, id).flatMap(taught -> save(taught.lesson().unpublished(clock.instant())));
    }

    public Mono<Void> archive(CurrentUser user, String id) {
        return taught(user, id).flatMap(taught -> save(taught.lesson().archived(clock.instant()))).then();
    }

    /**
     * A draft copy in another class (of this year or the next) for the same subject. The blocks keep
     * their library items and questions by reference and get new ids: the new class starts afresh.
     */
    public Mono<Lesson> copy(CurrentUser user, String id, String targetClassId) {
        return taught(user, id).flatMap(taught -> schools.schoolClass(targetClassId).flatMap(target -> {
            Lesson source = taught.lesson();
            if (!SchoolAccess.teachesSubject(user, target, source.subjectCode())) {
                return Mono.error(Access.forbidden());
            }
            Instant now = clock.instant();
            List<LessonBlock> blocks = source.blocks().stream().map(block -> new LessonBlock(Ids.newId(), block.type(), block.text(), block.itemId(),
                block.url(), block.label(), block.startsAt(), block.durationMinutes(), block.quiz())).toList();
            return mongo.insert(new Lesson(Ids.newId(), null, target.schoolId(), target.yearId(), target.id(), target.grade(), source.subjectCode(),
                source.topic(), source.title(), source.position(), blocks, Lesson.Status.DRAFT, null, false, user.accountId(), source.id(), false,
                now, now));
        }));
    }

    /** The library items the lesson refers to, by id, as they are now (withdrawn ones included). */
    public Mono<Map<String, LibraryItem>> items(Lesson lesson) {
        return Flux.fromIterable(lesson.blocks()).filter(block -> block.itemId() != null).map(block -> Objects.requireNonNull(block.itemId()))
            .distinct().concatMap(library::item).collectMap(LibraryItem::id);
    }

    /** Who is asking, in the library's terms (to say which items they may open). */
    public Mono<LibraryCaller> libraryCaller() {
        return libraryCallers.current();
    }

    /** The library blocks whose items the class's students may not see. */
    Flux<LessonBlock> notShared(Lesson lesson, SchoolClass schoolClass) {
        return items(lesson).flatMapMany(items -> Flux.fromIterable(lesson.blocks())
            .filter(block -> block.itemId() != null)
            .filter(block -> {
                LibraryItem item = items.get(block.itemId());
                return item == null || !ClassLibrary.openToClass(schoolClass.schoolId(), schoolClass.id(), item);
            }));
    }

    /** The lesson by id, whoever asks (for features that check access themselves); 404 when there is none. */
    public Mono<Lesson> byId(String id) {
        return find(id);
    }

    private Mono<Lesson> find(String id) {
        return mongo.findById(id, Lesson.class).filter(lesson -> !lesson.archived()).switchIfEmpty(Mono.error(LessonProblems::notFound));
    }

    private Mono<Lesson> save(Lesson lesson) {
        return mongo.save(lesson).onErrorMap(OptimisticLockingFailureException.class, conflict -> LessonProblems.changed(HttpStatus.CONFLICT));
    }

    /**
     * The draft's blocks, checked: text sanitized, links http(s), library items the teacher may see,
     * practice quizzes of auto-graded questions the teacher may use. A quiz whose questions did not
     * change keeps the versions it was made with.
     */
    private Mono<List<LessonBlock>> blocks(CurrentUser user, @Nullable Lesson current, LessonDraft draft, int grade) {
        List<ContentProblem> problems = new ArrayList<>(checks(draft));
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidContent("lesson-invalid", problems));
        }
        Set<String> itemIds = new LinkedHashSet<>();
        Set<String> questionIds = new LinkedHashSet<>();
        draft.blocks().forEach(block -> {
            if (block.type() == LessonBlock.Type.LIBRARY_ITEM) {
                itemIds.add(block.itemId());
            }
            if (block.type() == LessonBlock.Type.PRACTICE_QUIZ && !Objects.requireNonNull(block.questionIds()).equals(kept(current, block))) {
                questionIds.addAll(block.questionIds());
            }
        });
        Mono<Map<String, LibraryItem>> items = libraryCallers.current().flatMap(caller -> Flux.fromIterable(itemIds).concatMap(library::item)
            .filter(item -> LibraryAccess.maySee(caller, item) && !item.deleted()).collectMap(LibraryItem::id));
        Mono<Map<String, Question>> questions = Flux.fromIterable(questionIds)
            .concatMap(id -> bank.question(user, id).onErrorResume(LmsProblem.class, hidden -> Mono.empty())).collectMap(Question::id);
        return Mono.zip(items, questions).map(found -> {
            List<LessonBlock> blocks = new ArrayList<>();
            for (int index = 0; index < draft.blocks().size(); index++) {
                blocks.add(block(current, draft.blocks().get(index), index + 1, found.getT1(), found.getT2(), problems));
            }
            if (!problems.isEmpty()) {
                throw new InvalidContent("lesson-invalid", problems);
            }
            return blocks;
        });
    }

    private static LessonBlock block(@Nullable Lesson current, LessonDraft.Block block, int number, Map<String, LibraryItem> items,
            Map<String, Question> questions, List<ContentProblem> problems) {
        String id = current != null && block.id() != null && current.block(block.id()).filter(kept -> kept.type() == block.type()).isPresent()
            ? block.id() : Ids.newId();
        String label = block.label() == null || block.label().isBlank() ? null : block.label().strip();
        return switch (block.type()) {
            case TEXT -> new LessonBlock(id, block.type(), RichText.sanitize(Objects.requireNonNull(block.text())), null, null, null, null, null,
                null);
            case LIBRARY_ITEM -> {
                if (!items.containsKey(block.itemId())) {
                    problems.add(new ContentProblem("lesson.item-not-found", number));
                }
                yield new LessonBlock(id, block.type(), null, block.itemId(), null, null, null, null, null);
            }
            case LINK -> new LessonBlock(id, block.type(), null, null, block.url(), label, null, null, null);
            case LIVE_CLASS -> new LessonBlock(id, block.type(), null, null, block.url(), label, block.startsAt(), block.durationMinutes(), null);
            case PRACTICE_QUIZ -> new LessonBlock(id, block.type(), null, null, null, label, null, null, quiz(current, block, number, questions,
                problems));
        };
    }

    private static LessonBlock.@Nullable PracticeQuiz quiz(@Nullable Lesson current, LessonDraft.Block block, int number,
            Map<String, Question> questions, List<ContentProblem> problems) {
        List<String> ids = Objects.requireNonNull(block.questionIds());
        LessonBlock kept = current == null || block.id() == null ? null : current.block(block.id()).orElse(null);
        if (kept != null && kept.quiz() != null && kept.quiz().questionIds().equals(ids)) {
            return new LessonBlock.PracticeQuiz(block.counted(), ids, kept.quiz().paper());
        }
        List<Paper.Item> paper = new ArrayList<>();
        for (String questionId : ids) {
            Question question = questions.get(questionId);
            if (question == null) {
                problems.add(new ContentProblem("lesson.question-not-found", number, questionId));
            } else if (question.type() == QuestionType.ESSAY) {
                problems.add(new ContentProblem("lesson.question-hand-graded", number, questionId));
            } else {
                paper.add(new Paper.Item(paper.size() + 1, question.id(), question.version(), question.content(), BigDecimal.ONE,
                    PaperDraw.naturalOrder(question.content())));
            }
        }
        return new LessonBlock.PracticeQuiz(block.counted(), ids, new Paper(0, paper));
    }

    private static @Nullable List<String> kept(@Nullable Lesson current, LessonDraft.Block block) {
        return current == null || block.id() == null ? null
            : current.block(block.id()).map(LessonBlock::quiz).map(LessonBlock.PracticeQuiz::questionIds).orElse(null);
    }

    /** What can be told without reading anything: each block has what its type needs. */
    private List<ContentProblem> checks(LessonDraft draft) {
        List<ContentProblem> problems = new ArrayList<>();
        if (subjects.subject(draft.subjectCode()).isEmpty()) {
            problems.add(new ContentProblem("question.unknown-subject", draft.subjectCode()));
        }
        if (draft.blocks().size() > MAX_BLOCKS) {
            problems.add(new ContentProblem("lesson.too-many-blocks", MAX_BLOCKS));
        }
        Map<String, Integer> seenIds = new HashMap<>();
        for (int index = 0; index < draft.blocks().size(); index++) {
            LessonDraft.Block block = draft.blocks().get(index);
            int number = index + 1;
            if (block.id() != null && seenIds.put(block.id(), number) != null) {
                problems.add(new ContentProblem("lesson.duplicate-block", number));
            }
            switch (block.type()) {
                case TEXT -> {
                    if (block.text() == null || RichText.isBlank(RichText.sanitize(block.text()))) {
                        problems.add(new ContentProblem("lesson.empty-text", number));
                    }
                }
                case LIBRARY_ITEM -> {
                    if (block.itemId() == null || block.itemId().isBlank()) {
                        problems.add(new ContentProblem("lesson.missing-item", number));
                    }
                }
                case LINK -> checkUrl(block, number, problems);
                case LIVE_CLASS -> {
                    checkUrl(block, number, problems);
                    if (block.startsAt() == null) {
                        problems.add(new ContentProblem("lesson.live-without-time", number));
                    }
                    if (block.durationMinutes() == null || block.durationMinutes() < 1 || block.durationMinutes() > MAX_LIVE_MINUTES) {
                        problems.add(new ContentProblem("lesson.live-bad-duration", number, MAX_LIVE_MINUTES));
                    }
                }
                case PRACTICE_QUIZ -> {
                    List<String> ids = block.questionIds();
                    if (ids == null || ids.isEmpty() || ids.size() > MAX_QUIZ_QUESTIONS || new LinkedHashSet<>(ids).size() != ids.size()) {
                        problems.add(new ContentProblem("lesson.quiz-bad-questions", number, MAX_QUIZ_QUESTIONS));
                    }
                }
                default -> throw new IllegalStateException("unknown block type " + block.type());
            }
        }
        return problems;
    }

    private static void checkUrl(LessonDraft.Block block, int number, List<ContentProblem> problems) {
        if (!isWebAddress(block.url())) {
            problems.add(new ContentProblem("lesson.bad-url", number));
        }
    }

    /** An absolute http or https address with a host: nothing a browser would run (javascript:, data:). */
    static boolean isWebAddress(@Nullable String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
