package vn.edu.lms.api.assessment.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.assessment.paper.AnswerKey;
import vn.edu.lms.api.assessment.paper.ShownKeys;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/**
 * A school with a grade-7 class of students, a teacher, a small Toán 7 bank (single choices and a
 * true/false group) and a blueprint drawing 4 + 1 of them: what every test-taking test starts from.
 */
public final class TestTakingFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);

    public final WebTestClient web;
    public final String schoolId;
    public final SchoolClass schoolClass;
    public final TestAccounts.Caller teacher;
    public final List<TestAccounts.Caller> students = new ArrayList<>();
    public final String blueprintId;

    public TestTakingFixture(WebTestClient web, TestAccounts accounts, TestSchools schools, Students studentRecords, int classSize) {
        this.web = web;
        schoolId = schools.school(School.Level.LOWER_SECONDARY);
        schoolClass = schools.schoolClass(schoolId, "7A");
        teacher = accounts.caller(web, "Trần Thị Coi Thi", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        for (int i = 0; i < classSize; i++) {
            TestAccounts.Caller student = accounts.caller(web, "Nguyễn Văn Học " + (char) ('A' + i), List.of(Grant.atSchool(Role.STUDENT, schoolId)));
            studentRecords.insertImported(List.of(Students.importedStudent(student.id(), schoolId, "HS" + System.nanoTime(),
                java.time.LocalDate.of(2013, 5, 1 + i % 28), Student.Gender.MALE, "fixture", Instant.now())), List.of()).block(WAIT);
            studentRecords.enrol(student.id(), schoolClass.id()).block(WAIT);
            students.add(student);
        }
        for (int i = 1; i <= 6; i++) {
            call(HttpMethod.POST, "/api/v1/questions", teacher, Map.of("subjectCode", "toan", "grade", 7, "topic", "Số hữu tỉ", "level", "BIET",
                "content", Map.of("type", "SINGLE_CHOICE", "stem", "Câu hỏi số " + i + ": chọn đáp án A", "options",
                    List.of(Map.of("key", "A", "content", "Đúng"), Map.of("key", "B", "content", "Sai 1"), Map.of("key", "C", "content", "Sai 2"),
                        Map.of("key", "D", "content", "Sai 3")), "correct", "A", "fixedOrder", false))).expectStatus().isCreated();
        }
        call(HttpMethod.POST, "/api/v1/questions", teacher, Map.of("subjectCode", "toan", "grade", 7, "topic", "Số hữu tỉ", "level", "HIEU",
            "content", Map.of("type", "TRUE_FALSE_GROUP", "stem", "Xét tính đúng sai", "statements", List.of(
                Map.of("key", "a", "content", "1/2 là số hữu tỉ", "correct", true), Map.of("key", "b", "content", "0 là số nguyên âm", "correct", false),
                Map.of("key", "c", "content", "-3 < 2", "correct", true), Map.of("key", "d", "content", "√2 là số hữu tỉ", "correct", false)))))
            .expectStatus().isCreated();
        blueprintId = String.valueOf(call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, Map.of(
            "title", "Kiểm tra giữa kỳ I – Toán 7", "subjectCode", "toan", "grade", 7, "cells", List.of(
                Map.of("topic", "Số hữu tỉ", "level", "BIET", "type", "SINGLE_CHOICE", "count", 4, "points", 1.5),
                Map.of("topic", "Số hữu tỉ", "level", "HIEU", "type", "TRUE_FALSE_GROUP", "count", 1, "points", 4))))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    /** A second blueprint: four single choices (1.5 points each) and an essay of 4 points; its id. */
    public String blueprintWithEssay() {
        call(HttpMethod.POST, "/api/v1/questions", teacher, Map.of("subjectCode", "toan", "grade", 7, "topic", "Số hữu tỉ", "level", "VAN_DUNG",
            "content", Map.of("type", "ESSAY", "stem", "Chứng minh rằng tổng hai số hữu tỉ là số hữu tỉ.", "guidance", "Mỗi bước 1 điểm")))
            .expectStatus().isCreated();
        return String.valueOf(call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, Map.of(
            "title", "Kiểm tra cuối kỳ I – Toán 7", "subjectCode", "toan", "grade", 7, "cells", List.of(
                Map.of("topic", "Số hữu tỉ", "level", "BIET", "type", "SINGLE_CHOICE", "count", 4, "points", 1.5),
                Map.of("topic", "Số hữu tỉ", "level", "VAN_DUNG", "type", "ESSAY", "count", 1, "points", 4))))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    /** A session for the class opening at {@code opensAt}, changed by {@code adjust} before it is sent. */
    public Map<?, ?> session(Instant opensAt, java.util.function.Consumer<Map<String, Object>> adjust) {
        Map<String, Object> request = new HashMap<>(Map.of("title", "Kiểm tra giữa kỳ I – Toán 7", "kind", "MID_TERM", "term", 1,
            "blueprintId", blueprintId, "papers", "PER_STUDENT", "versions", 1, "opensAt", opensAt.toString(),
            "closesAt", opensAt.plus(Duration.ofHours(2)).toString(), "durationMinutes", 45, "endsWithWindow", false));
        request.put("classIds", List.of(schoolClass.id()));
        adjust.accept(request);
        return call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/test-sessions", teacher, request).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    public WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri).headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Starts (or resumes) the student's attempt; returns the reply, with its device token. */
    public Map<?, ?> start(String sessionId, TestAccounts.Caller student, Map<String, Object> body) {
        return call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/attempt", student, body).expectStatus().is2xxSuccessful()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    public WebTestClient.ResponseSpec save(Map<?, ?> attempt, TestAccounts.Caller student, int number, long seq, Map<String, Object> response) {
        return web.put().uri("/api/v1/attempts/" + attempt.get("id") + "/answers/" + number).headers(h -> h.setBearerAuth(student.token()))
            .header("X-Attempt-Device", String.valueOf(attempt.get("device"))).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("seq", seq, "response", response)).exchange();
    }

    /** Answers every item of the student's paper right (when {@code right}) or wrong, in the labels they saw, then submits. */
    public Map<?, ?> take(Attempts attempts, String sessionId, TestAccounts.Caller student, boolean right) {
        Map<?, ?> started = start(sessionId, student, Map.of());
        AttemptPaper paper = attempts.paper(String.valueOf(started.get("id"))).block(WAIT);
        long seq = 1;
        for (vn.edu.lms.api.assessment.blueprint.Paper.Item item : paper.paper().items()) {
            Response key = ShownKeys.toShown(item, AnswerKey.of(item.content()));
            Response given = right ? key : wrong(item.content(), key);
            Map<String, Object> response = new HashMap<>();
            response.put("selected", given.selected());
            response.put("entries", given.entries());
            save(started, student, item.number(), seq++, response).expectStatus().isOk();
        }
        web.post().uri("/api/v1/attempts/" + started.get("id") + "/submit").headers(h -> h.setBearerAuth(student.token()))
            .header("X-Attempt-Device", String.valueOf(started.get("device"))).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.state").isEqualTo("SUBMITTED");
        return started;
    }

    private static Response wrong(QuestionContent content, Response key) {
        if (content instanceof QuestionContent.TrueFalseGroup) {
            Map<String, String> flipped = new HashMap<>();
            key.entries().forEach((statement, truth) -> flipped.put(statement, String.valueOf(!Boolean.parseBoolean(truth))));
            return Response.entries(flipped);
        }
        return Response.choosing(key.selected().get(0).equals("A") ? "B" : "A");
    }

    public static Map<String, Object> choosing(String key) {
        return Map.of("selected", List.of(key));
    }
}
