package vn.edu.lms.api.curriculum;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false" })
@AutoConfigureWebTestClient
class CurriculumControllerTests {

    @Autowired
    WebTestClient web;

    @Test
    void listsTheSubjectsOfAGradeToAnyone() {
        web.get().uri("/api/v1/curriculum/subjects?grade=6").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$[?(@.code == 'ngu-van')].name").isEqualTo("Ngữ văn")
            .jsonPath("$[?(@.code == 'tieng-viet')]").isEmpty();
    }

    @Test
    void listsEverySubjectWithoutAGrade() {
        web.get().uri("/api/v1/curriculum/subjects").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(18);
    }

    @Test
    void aGradeThatIsNotANumberIsAVietnameseProblem() {
        web.get().uri("/api/v1/curriculum/subjects?grade=lop5").exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("/problems/invalid-request")
            .jsonPath("$.title").isEqualTo("Yêu cầu không hợp lệ")
            .jsonPath("$.detail").isEqualTo("Giá trị của tham số 'grade' không hợp lệ.");
    }

    @Test
    void aGradeOutsideOneToNineIsAnEnglishProblemWhenAsked() {
        web.get().uri("/api/v1/curriculum/subjects?grade=12").header("Accept-Language", "en").exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.title").isEqualTo("Invalid request")
            .jsonPath("$.errors[0].field").isEqualTo("grade")
            .jsonPath("$.errors[0].message").isEqualTo("must be less than or equal to 9");
    }
}
