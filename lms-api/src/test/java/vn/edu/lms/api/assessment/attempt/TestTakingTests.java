package vn.edu.lms.api.assessment.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** Students take a test the way the page does it: start, save, lose the network, resume elsewhere, run out of time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000", "lms.tests.sweep-interval=200ms" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class TestTakingTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    Students students;

    @Autowired
    MutableClock clock;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutageCredit outages;

    private TestTakingFixture school;

    @BeforeEach
    void school() {
        school = new TestTakingFixture(web, accounts, schools, students, 3);
    }

    private String openSession(java.util.function.Consumer<Map<String, Object>> adjust) {
        return String.valueOf(school.session(clock.instant().minusSeconds(60), adjust).get("id"));
    }

    private Map<?, ?> attempt(Map<?, ?> started, TestAccounts.Caller student) {
        return school.call(HttpMethod.GET, "/api/v1/attempts/" + started.get("id"), student, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void answersAreSavedOneByOneAndARetriedOrOlderSaveNeverOverwritesANewerOne() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        assertThat((List<?>) started.get("paper")).hasSize(5);
        assertThat(started.get("device")).isNotNull();
        String shown = school.call(HttpMethod.GET, "/api/v1/attempts/" + started.get("id"), student, null).expectBody(String.class)
            .returnResult().getResponseBody();
        assertThat(shown).doesNotContain("\"correct\"").doesNotContain("Đúng\",\"correct");

        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk().expectBody()
            .jsonPath("$.applied").isEqualTo(true).jsonPath("$.remainingMs").isNumber();
        school.save(started, student, 1, 3, TestTakingFixture.choosing("B")).expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);
        // The first save, retried after its reply was lost, arrives last: it is acknowledged and changes nothing.
        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk().expectBody()
            .jsonPath("$.applied").isEqualTo(false).jsonPath("$.storedSeq").isEqualTo(3);
        school.save(started, student, 2, 2, Map.of("entries", Map.of("a", "true", "b", "false"))).expectStatus().isOk();

        Map<?, ?> read = attempt(started, student);
        Map<?, ?> answers = (Map<?, ?>) read.get("answers");
        assertThat(((Map<?, ?>) ((Map<?, ?>) answers.get("1")).get("response")).get("selected")).isEqualTo(List.of("B"));
        assertThat(((Map<?, ?>) answers.get("1")).get("seq")).isEqualTo(3);
        assertThat(read.get("answered")).isEqualTo(2);
        assertThat(read.get("maxSeq")).isEqualTo(3);
        assertThat(read.get("device")).isNull();
    }

    @Test
    void answersKeptOfflineAreSavedInOrderAndABatchStopsAtTheFirstRefusal() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        school.save(started, student, 3, 5, TestTakingFixture.choosing("C")).expectStatus().isOk();
        Map<?, ?> reply = web.post().uri("/api/v1/attempts/" + started.get("id") + "/answers").headers(h -> h.setBearerAuth(student.token()))
            .header("X-Attempt-Device", String.valueOf(started.get("device"))).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("answers", List.of(
                Map.of("number", 1, "seq", 6, "response", TestTakingFixture.choosing("A")),
                Map.of("number", 3, "seq", 4, "response", TestTakingFixture.choosing("D")),
                Map.of("number", 1, "seq", 7, "response", TestTakingFixture.choosing("B")))))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> saved = (List<?>) reply.get("saved");
        assertThat(saved.stream().map(line -> String.valueOf(((Map<?, ?>) line).get("applied"))).toList()).containsExactly("true", "false", "true");
        assertThat(reply.get("refused")).isNull();
        Map<?, ?> answers = (Map<?, ?>) attempt(started, student).get("answers");
        assertThat(((Map<?, ?>) ((Map<?, ?>) answers.get("1")).get("response")).get("selected")).isEqualTo(List.of("B"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) answers.get("3")).get("response")).get("selected")).isEqualTo(List.of("C"));
    }

    @Test
    void resumingOnAnotherComputerTakesTheAttemptOverAndKeepsEveryAnswer() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(1);
        Map<?, ?> first = school.start(sessionId, student, Map.of());
        school.save(first, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk();
        Map<?, ?> second = school.start(sessionId, student, Map.of());
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("device")).isNotEqualTo(first.get("device"));
        assertThat(second.get("paper")).isEqualTo(first.get("paper"));
        assertThat(keys(second.get("answers"))).containsExactly("1");
        school.save(first, student, 2, 2, TestTakingFixture.choosing("A")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").value(type -> assertThat(String.valueOf(type)).endsWith("attempt-taken-over"));
        school.save(second, student, 2, 2, TestTakingFixture.choosing("A")).expectStatus().isOk();
        school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/events?studentId=" + student.id(), school.teacher, null)
            .expectStatus().isOk().expectBody().jsonPath("$[*].type").value(types -> assertThat(strings(types)).contains("STARTED", "RESUMED"));
    }

    @Test
    void afterTheTimeIsUpSavesAreRefusedAndTheAttemptIsSubmittedWithWhatWasSaved() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(2);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk();
        clock.advance(Duration.ofMinutes(45).plusSeconds(2));
        // Within the grace: an answer sent in the last second still counts.
        school.save(started, student, 2, 2, TestTakingFixture.choosing("A")).expectStatus().isOk();
        clock.advance(Duration.ofSeconds(10));
        school.save(started, student, 3, 3, TestTakingFixture.choosing("A")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").value(type -> assertThat(String.valueOf(type)).endsWith("attempt-time-up"))
            .jsonPath("$.title").isEqualTo("Đã hết giờ làm bài");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> read = attempt(started, student);
            assertThat(read.get("state")).isEqualTo("SUBMITTED");
            assertThat(read.get("submitKind")).isEqualTo("TIME_UP");
            assertThat(keys(read.get("answers"))).containsExactlyInAnyOrder("1", "2");
        });
        // Once the time-up round has handed it in, a late answer still hears that the time is up.
        school.save(started, student, 4, 4, TestTakingFixture.choosing("A")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").value(type -> assertThat(String.valueOf(type)).endsWith("attempt-time-up"));
    }

    @Test
    void aPausedClockStandsStillAndExtraTimeIsAddedToIt() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/pause", school.teacher, Map.of("studentId", student.id()))
            .expectStatus().isOk().expectBody().jsonPath("$.paused").isEqualTo(1);
        long pausedAt = remaining(started, student);
        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isEqualTo(409);
        clock.advance(Duration.ofMinutes(10));
        assertThat(remaining(started, student)).isEqualTo(pausedAt);
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/resume", school.teacher, Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.resumed").isEqualTo(1);
        assertThat(remaining(started, student)).isEqualTo(pausedAt);
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/extra-time", school.teacher,
            Map.of("studentId", student.id(), "minutes", 5)).expectStatus().isOk();
        assertThat(remaining(started, student)).isEqualTo(pausedAt + Duration.ofMinutes(5).toMillis());
        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk();
    }

    private static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private long remaining(Map<?, ?> started, TestAccounts.Caller student) {
        return ((Number) school.call(HttpMethod.POST, "/api/v1/attempts/" + started.get("id") + "/ping", student, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("remainingMs")).longValue();
    }

    @Test
    void aStudentCannotStartBeforeTheWindowAfterTheLateStartLimitWithoutTheRoomCodeOrFromAnotherNetwork() {
        TestAccounts.Caller student = school.students.get(0);
        String later = String.valueOf(school.session(clock.instant().plus(Duration.ofHours(1)), request -> { }).get("id"));
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + later + "/attempt", student, Map.of()).expectStatus().isEqualTo(409);

        String late = String.valueOf(school.session(clock.instant().minus(Duration.ofMinutes(20)), request -> request.put("lateStartMinutes", 15))
            .get("id"));
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + late + "/attempt", student, Map.of()).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.type").value(type -> assertThat(String.valueOf(type)).endsWith("test-session-start-closed"));

        Map<?, ?> coded = school.session(clock.instant().minusSeconds(30), request -> request.put("rooms",
            List.of(Map.of("name", "Phòng 1", "accessCode", "PHONG1"), Map.of("name", "Phòng 2"))));
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + coded.get("id") + "/attempt", student, Map.of("accessCode", "SAI123"))
            .expectStatus().isForbidden();
        Map<?, ?> inRoom = school.start(String.valueOf(coded.get("id")), student, Map.of("accessCode", "phong1"));
        assertThat(inRoom.get("state")).isEqualTo("RUNNING");
        school.call(HttpMethod.GET, "/api/v1/test-sessions/" + coded.get("id") + "/progress?room=Phòng 1", school.teacher, null)
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].standing").isEqualTo("RUNNING");

        String fenced = String.valueOf(school.session(clock.instant().minusSeconds(30), request -> request.put("allowedNetworks",
            List.of("10.20.0.0/16"))).get("id"));
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + fenced + "/attempt", student, Map.of()).expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").value(type -> assertThat(String.valueOf(type)).endsWith("test-session-network"));
        String loopback = String.valueOf(school.session(clock.instant().minusSeconds(30), request -> request.put("allowedNetworks",
            List.of("127.0.0.0/8", "::1/128"))).get("id"));
        school.start(loopback, student, Map.of());
    }

    @Test
    void theProctorSeesEachStudentsProgressAndABadScheduleIsRefusedWithItsProblems() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        school.save(started, student, 1, 1, TestTakingFixture.choosing("A")).expectStatus().isOk();
        school.save(started, student, 2, 2, TestTakingFixture.choosing("B")).expectStatus().isOk();
        school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/progress", school.teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.length()").isEqualTo(3)
            .jsonPath("$[?(@.studentId == '" + student.id() + "')].answered").isEqualTo(2)
            .jsonPath("$[?(@.studentId == '" + student.id() + "')].items").isEqualTo(5)
            .jsonPath("$[?(@.standing == 'NOT_STARTED')].studentId").value(ids -> assertThat((List<?>) ids).hasSize(2));

        Map<String, Object> bad = new java.util.HashMap<>(Map.of("title", "Đề", "kind", "MID_TERM", "term", 3, "blueprintId", school.blueprintId,
            "papers", "LETTERED", "versions", 1, "opensAt", clock.instant().toString(), "closesAt", clock.instant().minusSeconds(60).toString(),
            "durationMinutes", 45, "endsWithWindow", false));
        bad.put("classIds", List.of(school.schoolClass.id()));
        bad.put("allowedNetworks", List.of("mạng trường"));
        school.call(HttpMethod.POST, "/api/v1/schools/" + school.schoolId + "/test-sessions", school.teacher, bad).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.problems.length()").isEqualTo(4)
            .jsonPath("$.problems[*].code").value(codes -> assertThat(strings(codes))
                .containsExactlyInAnyOrder("session.bad-term", "session.window-backwards", "session.bad-versions", "session.bad-network"));
    }

    @Test
    void timeLostToAServerOutageIsGivenBackToRunningAttempts() {
        String sessionId = openSession(request -> { });
        TestAccounts.Caller student = school.students.get(1);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        long before = remaining(started, student);
        // As if the server had died a minute ago: its last heartbeat is a minute old, and a minute has passed on the clock.
        mongo.upsert(Query.query(Criteria.where("_id").is("test-taking")), Update.update("at", clock.instant()), OutageCredit.COLLECTION).block();
        outages.stop();
        clock.advance(Duration.ofMinutes(1));
        assertThat(outages.creditLastOutage().block()).isGreaterThanOrEqualTo(1L);
        assertThat(outages.creditLastOutage().block()).as("credited once").isZero();
        // The start-up after the credit took 4 s more before the server answered, and search 7 s more before the readiness
        // probe said UP: both are given back, once.
        clock.advance(Duration.ofSeconds(4));
        assertThat(outages.topUpToNow(false).block()).isGreaterThanOrEqualTo(1L);
        clock.advance(Duration.ofSeconds(7));
        assertThat(outages.topUpToNow(true).block()).isGreaterThanOrEqualTo(1L);
        assertThat(outages.topUpToNow(true).block()).as("topped up once").isZero();
        assertThat(outages.topUpToNow(false).block()).as("nothing owed once every service is up").isZero();
        outages.start();
        assertThat(remaining(started, student)).isEqualTo(before);
        assertThat(mongo.count(Query.query(Criteria.where("attemptId").is(started.get("id")).and("type").is(AttemptEvent.Type.OUTAGE_CREDIT)),
            AttemptEvent.class).block()).as("the proctor's log says so, once").isOne();
    }
}
