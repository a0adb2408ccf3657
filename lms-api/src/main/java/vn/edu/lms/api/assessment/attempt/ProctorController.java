package vn.edu.lms.api.assessment.attempt;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;

/**
 * The proctor's side of a running session: live progress (a list, or server-sent events every
 * couple of seconds), the event log, pause and resume for a student or a room, and extra time.
 */
@RestController
class ProctorController {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    static final Duration STREAM_FOR = Duration.ofHours(1);

    private final Proctoring proctoring;

    ProctorController(Proctoring proctoring) {
        this.proctoring = proctoring;
    }

    /** A student, a room, or neither (the whole session). */
    record TargetRequest(@Nullable @Size(max = 64) String studentId, @Nullable @Size(max = 100) String room) {
    }

    record ExtraTimeRequest(@NotBlank @Size(max = 64) String studentId, @Min(1) @Max(240) int minutes) {
    }

    @GetMapping("/api/v1/test-sessions/{id}/progress")
    Mono<List<Proctoring.Progress>> progress(@PathVariable String id, @RequestParam(required = false) @Nullable String room,
            @RequestParam(required = false) @Nullable String classId) {
        return Access.currentUser().flatMapMany(user -> proctoring.progress(user, id, room, classId)).collectList();
    }

    /**
     * The same list, pushed every two seconds while the proctor's page is open (the database has no
     * change streams to push from). A stream ends after an hour; the browser's EventSource reconnects.
     */
    @GetMapping(value = "/api/v1/test-sessions/{id}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<List<Proctoring.Progress>>> progressStream(@PathVariable String id, @RequestParam(required = false) @Nullable String room,
            @RequestParam(required = false) @Nullable String classId) {
        return Access.currentUser().flatMapMany(user -> proctoring.progress(user, id, room, classId).collectList()
            .flatMapMany(first -> Flux.concat(Flux.just(first), Flux.interval(PROGRESS_EVERY)
                .concatMap(tick -> proctoring.progress(user, id, room, classId).collectList(), 1))))
            .take(STREAM_FOR)
            .map(lines -> ServerSentEvent.builder(lines).event("progress").build());
    }

    @GetMapping("/api/v1/test-sessions/{id}/events")
    Flux<AttemptEvent> events(@PathVariable String id, @RequestParam(required = false) @Nullable String studentId) {
        return Access.currentUser().flatMapMany(user -> proctoring.events(user, id, studentId));
    }

    @PostMapping("/api/v1/test-sessions/{id}/pause")
    Mono<Map<String, Long>> pause(@PathVariable String id, @Valid @RequestBody TargetRequest target) {
        return Access.currentUser().flatMap(user -> proctoring.pause(user, id, new Proctoring.Target(target.studentId(), target.room())))
            .map(count -> Map.of("paused", count));
    }

    @PostMapping("/api/v1/test-sessions/{id}/resume")
    Mono<Map<String, Long>> resume(@PathVariable String id, @Valid @RequestBody TargetRequest target) {
        return Access.currentUser().flatMap(user -> proctoring.resume(user, id, new Proctoring.Target(target.studentId(), target.room())))
            .map(count -> Map.of("resumed", count));
    }

    @PostMapping("/api/v1/test-sessions/{id}/extra-time")
    Mono<Map<String, Object>> extraTime(@PathVariable String id, @Valid @RequestBody ExtraTimeRequest request) {
        return Access.currentUser().flatMap(user -> proctoring.extraTime(user, id, request.studentId(), request.minutes()))
            .map(session -> Map.of("studentId", request.studentId(), "extraMinutes", session.extraMinutes().getOrDefault(request.studentId(), 0)));
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] proctors = TestSessions.proctorRoles();
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/test-sessions/*/progress", "/api/v1/test-sessions/*/progress/stream",
                    "/api/v1/test-sessions/*/events").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.POST, "/api/v1/test-sessions/*/pause", "/api/v1/test-sessions/*/resume",
                    "/api/v1/test-sessions/*/extra-time").hasAnyRole(proctors);
        }
    }
}
