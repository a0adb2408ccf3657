package vn.edu.lms.api.assessment.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.account.Names;
import vn.edu.lms.api.assessment.attempt.Attempt;
import vn.edu.lms.api.assessment.attempt.AttemptPaper;
import vn.edu.lms.api.assessment.attempt.Attempts;
import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.grading.GradeRecord;
import vn.edu.lms.api.assessment.grading.GradedItem;
import vn.edu.lms.api.assessment.grading.Grading;
import vn.edu.lms.api.assessment.paper.AnswerKey;
import vn.edu.lms.api.assessment.paper.ShownItem;
import vn.edu.lms.api.assessment.paper.ShownKeys;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.notification.Notice;
import vn.edu.lms.api.notification.NotificationKind;
import vn.edu.lms.api.notification.Notifications;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.Response;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * A session's results: for the teacher, every student's score and item points with summaries per
 * class, the item analysis, and the sheet as XLSX or CSV; for a student (and their parents), their
 * own paper with the right answers, once the teacher released the results.
 */
@Service
public class Results {

    private final TestSessions sessions;
    private final Attempts attempts;
    private final Grading grading;
    private final AccountDirectory accounts;
    private final Schools schools;
    private final Students students;
    private final Notifications notifications;
    private final Scheduler files;

    Results(TestSessions sessions, Attempts attempts, Grading grading, AccountDirectory accounts, Schools schools, Students students,
            Notifications notifications, BlockingSchedulers schedulers) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.grading = grading;
        this.accounts = accounts;
        this.schools = schools;
        this.students = students;
        this.notifications = notifications;
        this.files = schedulers.files();
    }

    /** Lets the students and their parents see the results, and tells them. */
    public Mono<TestSession> release(CurrentUser user, String sessionId) {
        return sessions.release(user, sessionId).flatMap(session -> announce(session).thenReturn(session));
    }

    /** To each student who has an attempt, and their parents, linking to that attempt's result (released twice, told once). */
    private Mono<Void> announce(TestSession session) {
        return notifications.sendAll(attempts.ofSession(session.id()).collectList()
            .flatMapMany(taken -> students.guardiansOf(taken.stream().map(Attempt::studentId).toList())
                .flatMapIterable(parents -> taken.stream().flatMap(attempt -> {
                    Notice notice = new Notice(NotificationKind.RESULT_RELEASED, "/api/v1/attempts/" + attempt.id() + "/result", session.title(),
                        attempt.classId(), attempt.schoolId());
                    return Stream.concat(Stream.of(attempt.studentId()), parents.getOrDefault(attempt.studentId(), List.of()).stream())
                        .map(recipient -> new Notifications.Addressed(recipient, notice));
                }).toList())));
    }

    /** Where a student's result stands. */
    public enum Standing {
        NOT_STARTED, IN_PROGRESS, GRADING, AWAITING_HAND_GRADING, GRADED
    }

    /** One student's line: their score and the points of each item of their paper, in paper order. */
    public record Line(String studentId, String fullName, String identifier, String classId, String className, Standing standing,
            @Nullable String paperCode, @Nullable BigDecimal earned, @Nullable BigDecimal total, @Nullable BigDecimal score,
            List<@Nullable BigDecimal> itemPoints) {
    }

    /** The whole session: every line, a summary per class and for everyone. */
    public record SessionResults(String sessionId, String title, boolean released, List<Line> lines, Map<String, ScoreSummary> byClass,
            ScoreSummary overall) {
    }

    public Mono<SessionResults> ofSession(CurrentUser user, String sessionId) {
        return sessions.session(user, sessionId).flatMap(this::results);
    }

    private Mono<SessionResults> results(TestSession session) {
        List<String> ids = session.participants().stream().map(TestSession.Participant::studentId).toList();
        return Mono.zip(attempts.ofSession(session.id()).collectMap(Attempt::studentId, Function.identity()),
                grading.ofSession(session.id()).collectMap(GradeRecord::studentId, Function.identity()),
                accounts.people(ids).collectMap(AccountDirectory.Person::id, AccountDirectory.Person::fullName),
                students.students(ids).collectMap(Student::id, Student::identifier),
                schools.classes(session.participants().stream().map(TestSession.Participant::classId).distinct().toList())
                    .collectMap(SchoolClass::id, SchoolClass::name))
            .map(found -> {
                List<Line> lines = new ArrayList<>();
                for (TestSession.Participant participant : session.participants()) {
                    Attempt attempt = found.getT1().get(participant.studentId());
                    GradeRecord grade = found.getT2().get(participant.studentId());
                    lines.add(new Line(participant.studentId(), found.getT3().getOrDefault(participant.studentId(), ""),
                        found.getT4().getOrDefault(participant.studentId(), ""), participant.classId(),
                        found.getT5().getOrDefault(participant.classId(), ""), standing(attempt, grade),
                        attempt == null ? null : attempt.paperCode(), grade == null ? null : grade.earned(), grade == null ? null : grade.total(),
                        grade == null ? null : grade.score(),
                        grade == null ? List.of() : grade.items().stream().map(GradedItem::earned).toList()));
                }
                lines.sort(Comparator.comparing(Line::className).thenComparing(Line::fullName, Names.CLASS_LIST_ORDER));
                Map<String, ScoreSummary> byClass = new LinkedHashMap<>();
                lines.stream().map(Line::className).distinct().forEach(name -> byClass.put(name,
                    ScoreSummary.of(lines.stream().filter(line -> line.className().equals(name)).map(Line::score).toList())));
                return new SessionResults(session.id(), session.title(), session.released(), lines, byClass,
                    ScoreSummary.of(lines.stream().map(Line::score).toList()));
            });
    }

    private static Standing standing(@Nullable Attempt attempt, @Nullable GradeRecord grade) {
        if (attempt == null) {
            return Standing.NOT_STARTED;
        }
        if (attempt.state() == Attempt.State.RUNNING) {
            return Standing.IN_PROGRESS;
        }
        if (grade == null || !attempt.graded()) {
            return Standing.GRADING;
        }
        return grade.complete() ? Standing.GRADED : Standing.AWAITING_HAND_GRADING;
    }

    /** The item analysis over every fully graded paper of the session. */
    public Mono<List<ItemAnalysis.Item>> itemAnalysis(CurrentUser user, String sessionId) {
        return sessions.session(user, sessionId).flatMap(session -> Mono.zip(
                grading.ofSession(sessionId).filter(grade -> grade.score() != null).collectList(),
                attempts.papersOf(sessionId).collectMap(AttemptPaper::attemptId, Function.identity()),
                attempts.ofSession(sessionId).collectMap(Attempt::id, Function.identity()))
            .map(found -> ItemAnalysis.analyse(found.getT1().stream()
                .filter(grade -> found.getT2().containsKey(grade.attemptId()) && found.getT3().containsKey(grade.attemptId()))
                .map(grade -> sheet(grade, found.getT2().get(grade.attemptId()), found.getT3().get(grade.attemptId()))).toList())));
    }

    private static ItemAnalysis.Sheet sheet(GradeRecord grade, AttemptPaper paper, Attempt attempt) {
        Map<Integer, Response> responses = attempt.responses();
        List<ItemAnalysis.Answer> answers = new ArrayList<>();
        for (int i = 0; i < paper.paper().items().size() && i < grade.items().size(); i++) {
            Paper.Item item = paper.paper().items().get(i);
            GradedItem graded = grade.items().get(i);
            Response given = ShownKeys.toQuestion(item, responses.getOrDefault(item.number(), Response.BLANK));
            boolean choice = item.content().type() == QuestionType.SINGLE_CHOICE || item.content().type() == QuestionType.MULTIPLE_RESPONSE;
            answers.add(new ItemAnalysis.Answer(item.questionId(), item.version(), item.content().type(), graded.fraction(),
                choice ? given.selected() : List.of(), choice ? AnswerKey.of(item.content()).selected() : List.of(), given.isBlank()));
        }
        return new ItemAnalysis.Sheet(grade.studentId(), grade.score(), answers);
    }

    /** A student's result, item by item, in the labels they saw. */
    public record StudentResult(String attemptId, String sessionId, String title, @Nullable String paperCode, List<ResultItem> items,
            @Nullable BigDecimal earned, @Nullable BigDecimal total, @Nullable BigDecimal score, boolean complete) {
    }

    /** One item: as shown, the student's response, the right answer and the points earned, with the teacher's comment. */
    public record ResultItem(ShownItem shown, @Nullable Response response, Response key, @Nullable BigDecimal earned,
            @Nullable String comment) {
    }

    /** The student's own result, or their child's for a parent; only once the teacher released the results. */
    public Mono<StudentResult> ofAttempt(CurrentUser user, String attemptId) {
        return attempts.attempt(attemptId)
            .filterWhen(attempt -> attempt.studentId().equals(user.accountId()) ? Mono.just(true)
                : students.isGuardian(user.accountId(), attempt.studentId()))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "attempt-not-found")))
            .flatMap(attempt -> sessions.scheduled(attempt.sessionId()).map(found -> found.session())
                .filter(TestSession::released)
                .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "results-not-released")))
                .flatMap(session -> Mono.zip(attempts.paper(attemptId), grading.ofAttempt(attemptId)
                        .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "results-not-released"))))
                    .map(found -> result(session, attempt, found.getT1(), found.getT2()))));
    }

    private static StudentResult result(TestSession session, Attempt attempt, AttemptPaper paper, GradeRecord grade) {
        Map<Integer, Response> responses = attempt.responses();
        List<ResultItem> items = new ArrayList<>();
        for (int i = 0; i < paper.paper().items().size(); i++) {
            Paper.Item item = paper.paper().items().get(i);
            GradedItem graded = i < grade.items().size() ? grade.items().get(i) : null;
            QuestionContent content = item.content();
            items.add(new ResultItem(ShownItem.of(item), responses.get(item.number()), ShownKeys.toShown(item, AnswerKey.of(content)),
                graded == null ? null : graded.earned(), graded == null ? null : graded.comment()));
        }
        return new StudentResult(attempt.id(), session.id(), session.title(), paper.code(), items, grade.earned(), grade.total(), grade.score(),
            grade.complete());
    }

    /** The results sheet as a file a teacher opens in Excel or LibreOffice. */
    public enum Format {
        XLSX, CSV
    }

    /** Writes the sheet off the event loop (POI writes temporary files). */
    public Mono<byte[]> export(CurrentUser user, String sessionId, Format format, ResultsSheet.Labels labels, String questionWord,
            Function<Standing, String> wording) {
        return ofSession(user, sessionId).publishOn(files).map(results -> {
            int items = results.lines().stream().mapToInt(line -> line.itemPoints().size()).max().orElse(0);
            List<String> headers = new ArrayList<>();
            for (int number = 1; number <= items; number++) {
                headers.add(questionWord + " " + number);
            }
            List<ResultsSheet.Row> rows = new ArrayList<>();
            for (Line line : results.lines()) {
                rows.add(new ResultsSheet.Row(rows.size() + 1, line.fullName(), line.className(), line.identifier(), wording.apply(line.standing()),
                    line.paperCode(), line.score(), line.itemPoints()));
            }
            ResultsSheet.Table table = new ResultsSheet.Table(results.title(), headers, rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if (format == Format.XLSX) {
                    ResultsSheet.xlsx(table, labels, out);
                } else {
                    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                        // A byte-order mark, so that Excel opens Vietnamese names in UTF-8.
                        writer.write('\uFEFF');
                        ResultsSheet.csv(table, labels, writer);
                    }
                }
            } catch (IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
            return out.toByteArray();
        });
    }
}
