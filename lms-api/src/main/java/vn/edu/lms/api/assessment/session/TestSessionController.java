package vn.edu.lms.api.assessment.session;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.blueprint.Blueprint;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * Scheduling tests: {@code /api/v1/schools/{schoolId}/test-sessions} and {@code /api/v1/test-sessions/{id}}
 * for the school's staff; {@code /api/v1/my/test-sessions} for a student.
 */
@RestController
class TestSessionController {

    private final TestSessions sessions;
    private final MessageSource messages;
    private final Clock clock;

    TestSessionController(TestSessions sessions, MessageSource messages, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
    }

    record RoomRequest(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 12) String accessCode) {
    }

    record ScheduleRequest(@NotBlank @Size(max = 200) String title, @NotNull TestSession.Kind kind, int term, @NotBlank @Size(max = 64) String blueprintId,
            @NotNull TestSession.PaperMode papers, int versions, @NotNull Instant opensAt, @NotNull Instant closesAt, int durationMinutes,
            @Nullable Integer lateStartMinutes, boolean endsWithWindow, @Nullable @Size(max = 100) List<@NotBlank @Size(max = 64) String> classIds,
            @Nullable @Size(max = TestSessions.MAX_PARTICIPANTS) List<@NotBlank @Size(max = 64) String> studentIds,
            @Nullable @Size(max = 100) List<@Valid @NotNull RoomRequest> rooms,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> allowedNetworks,
            @Nullable @Size(max = TestSessions.MAX_PARTICIPANTS) Map<@NotBlank @Size(max = 64) String, @NotNull Integer> extraMinutes) {

        Schedule schedule() {
            return new Schedule(title.strip(), kind, term, blueprintId, papers, versions, opensAt, closesAt, durationMinutes, lateStartMinutes,
                endsWithWindow, orEmpty(classIds), orEmpty(studentIds),
                orEmpty(rooms).stream().map(room -> new Schedule.RoomRequest(room.name(), room.accessCode())).toList(),
                orEmpty(allowedNetworks), extraMinutes == null ? Map.of() : extraMinutes);
        }

        private static <T> List<T> orEmpty(@Nullable List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    /** A session as its school's staff see it, access codes included. */
    record SessionView(String id, long revision, String schoolId, String title, TestSession.Kind kind, int term, String yearId,
            String blueprintId, Blueprint blueprint, TestSession.PaperMode papers, int versions, Instant opensAt, Instant closesAt,
            int durationMinutes, @Nullable Integer lateStartMinutes, boolean endsWithWindow, List<TestSession.Room> rooms,
            List<String> allowedNetworks, int participants, List<String> classIds, Map<String, Integer> extraMinutes, @Nullable Instant releasedAt,
            boolean cancelled) {

        static SessionView of(TestSession session) {
            return new SessionView(session.id(), session.revision() == null ? 0 : session.revision(), session.schoolId(), session.title(),
                session.kind(), session.term(), session.yearId(), session.blueprintId(), session.blueprint(), session.papers(), session.versions(),
                session.opensAt(), session.closesAt(), session.durationMinutes(), session.lateStartMinutes(), session.endsWithWindow(),
                session.rooms(), session.allowedNetworks(), session.participants().size(),
                session.participants().stream().map(TestSession.Participant::classId).distinct().toList(), session.extraMinutes(),
                session.releasedAt(), session.cancelled());
        }
    }

    /** What a student sees of a session before starting: never the codes, the networks or who else takes it. */
    record AssignedView(String id, String title, String subjectCode, int grade, TestSession.Kind kind, Instant opensAt, Instant closesAt,
            Instant lastStart, int durationMinutes, int extraMinutes, boolean needsAccessCode, Window window, boolean released) {
    }

    /** Where a session stands for a student now. */
    enum Window {
        UPCOMING, OPEN, CLOSED
    }

    @PostMapping("/api/v1/schools/{schoolId}/test-sessions")
    Mono<ResponseEntity<SessionView>> schedule(@PathVariable String schoolId, @Valid @RequestBody ScheduleRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> sessions.create(user, schoolId, request.schedule()))
            .map(session -> ResponseEntity.created(URI.create("/api/v1/test-sessions/" + session.id())).body(SessionView.of(session)))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-sessions")
    Flux<SessionView> list(@PathVariable String schoolId) {
        return Access.currentUser().flatMapMany(user -> sessions.list(user, schoolId)).map(SessionView::of);
    }

    @GetMapping("/api/v1/test-sessions/{id}")
    Mono<SessionView> session(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> sessions.session(user, id)).map(SessionView::of);
    }

    @DeleteMapping("/api/v1/test-sessions/{id}")
    Mono<ResponseEntity<Void>> cancel(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> sessions.cancel(user, id)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/my/test-sessions")
    Flux<AssignedView> assigned() {
        Instant now = clock.instant();
        return Access.currentUser().flatMapMany(user -> sessions.assignedTo(user).map(session -> {
            Scheduled scheduled = Scheduled.of(session);
            Window window = now.isBefore(session.opensAt()) ? Window.UPCOMING : scheduled.open(now) ? Window.OPEN : Window.CLOSED;
            return new AssignedView(session.id(), session.title(), session.blueprint().subjectCode(), session.blueprint().grade(), session.kind(),
                session.opensAt(), session.closesAt(), scheduled.lastStart(), session.durationMinutes(),
                session.extraMinutes().getOrDefault(user.accountId(), 0), !session.rooms().isEmpty(), window, session.released());
        }));
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] proctors = TestSessions.proctorRoles();
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/schools/*/test-sessions").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.GET, "/api/v1/schools/*/test-sessions", "/api/v1/test-sessions/*").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/test-sessions/*").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.GET, "/api/v1/my/test-sessions").hasRole(Role.STUDENT.name());
        }
    }
}
