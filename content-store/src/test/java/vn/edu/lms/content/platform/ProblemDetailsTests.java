package vn.edu.lms.content.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.content.ContentTestApplication;

/** Every failure is an RFC 9457 problem detail, Vietnamese by default, English on request, with nothing internal. */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "spring.messages.basename=i18n/platform,i18n/platform-test", "spring.messages.fallback-to-system-locale=false" })
@AutoConfigureWebTestClient
class ProblemDetailsTests {

    @Autowired
    WebTestClient web;

    @Test
    void aDomainProblemSpeaksVietnameseByDefault() {
        web.get().uri("/test/problems/lms").exchange()
            .expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("/problems/test-conflict")
            .jsonPath("$.title").isEqualTo("Xung đột")
            .jsonPath("$.detail").isEqualTo("Lớp 7C3 đã tồn tại.")
            .jsonPath("$.status").isEqualTo(409)
            .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void aDomainProblemSpeaksEnglishWhenAsked() {
        web.get().uri("/test/problems/lms").header("Accept-Language", "en-US,en;q=0.9").exchange()
            .expectStatus().isEqualTo(409)
            .expectBody()
            .jsonPath("$.title").isEqualTo("Conflict")
            .jsonPath("$.detail").isEqualTo("Class 7C3 already exists.");
    }

    @Test
    void anUnsupportedLanguageFallsBackToVietnamese() {
        web.get().uri("/test/problems/lms").header("Accept-Language", "fr").exchange()
            .expectBody().jsonPath("$.title").isEqualTo("Xung đột");
    }

    @Test
    void anUnexpectedFailureRevealsNothingInternal() {
        String body = web.get().uri("/test/problems/unexpected").exchange()
            .expectStatus().isEqualTo(500)
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("/problems/internal-error", "Lỗi hệ thống", "requestId")
            .doesNotContain("hunter2", "IllegalStateException", "com.example", "at ");
    }

    @Test
    void malformedJsonIsAnInvalidRequestWithoutParserDetails() {
        String body = web.post().uri("/test/problems/classes").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"7C3\", \"grade\": ").exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("/problems/invalid-request", "Yêu cầu không hợp lệ")
            .doesNotContain("Jackson", "JSON parse", "tools.jackson", "Unexpected end");
    }

    @Test
    void invalidFieldsAreListedInTheCallersLanguage() {
        web.post().uri("/test/problems/classes").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \" \", \"grade\": 12}").exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.type").isEqualTo("/problems/invalid-request")
            .jsonPath("$.errors[?(@.field == 'grade')].message").isEqualTo("phải nhỏ hơn hoặc bằng 9")
            .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo("không được để trống");
        web.post().uri("/test/problems/classes").contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "en")
            .bodyValue("{\"name\": \"7C3\", \"grade\": 0}").exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 1");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        web.get().uri("/no/such/page").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found")
            .jsonPath("$.title").isEqualTo("Không tìm thấy");
    }

    @Test
    void aWrongMethodIsAProblem() {
        web.delete().uri("/test/problems/lms").exchange()
            .expectStatus().isEqualTo(405)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void theRequestIdIsReturnedAndAWellFormedOneFromTheCallerIsKept() {
        web.get().uri("/test/problems/lms").header(RequestIds.HEADER, "proxy-1234-abcd").exchange()
            .expectHeader().valueEquals(RequestIds.HEADER, "proxy-1234-abcd")
            .expectBody().jsonPath("$.requestId").isEqualTo("proxy-1234-abcd");
        web.get().uri("/test/problems/lms").header(RequestIds.HEADER, "<script>").exchange()
            .expectHeader().value(RequestIds.HEADER, id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }
}
