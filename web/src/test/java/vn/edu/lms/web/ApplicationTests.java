package vn.edu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;
import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.content.embedded.EmbeddedMongoServer;
import vn.edu.lms.content.embedded.EmbeddedObjectStorage;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.search.engine.embedded.EmbeddedElasticsearch;

/**
 * The whole application, given the URLs of a database, an object store and an Elasticsearch
 * (the test services, started separately), as an operator would run it against real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class ApplicationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Test
    void givenExternalUrlsNothingEmbeddedStarts() {
        assertThat(context.getBeanNamesForType(EmbeddedMongoServer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddedObjectStorage.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddedElasticsearch.class)).isEmpty();
        assertThat(TestServices.get().unusedEmbeddedDataDir()).doesNotExist();
    }

    @Test
    void healthIsUpWithTheThreeServicesNamed() {
        web.get().uri("/actuator/health/readiness").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.mongo.status").isEqualTo("UP")
            .jsonPath("$.components.objectStorage.status").isEqualTo("UP")
            .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
    }

    @Test
    void theLandingPageNamesTheProductItsServicesAndTheApiDocs() {
        String page = web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"vi\"", "Kho học liệu số và Hệ thống học tập",
            "Cơ sở dữ liệu (MongoDB)", "Lưu trữ học liệu (S3)", "Tìm kiếm (Elasticsearch)",
            "data-status=\"UP\"", "href=\"/swagger-ui.html\"");
        assertThat(page.getBytes()).hasSizeLessThan(300 * 1024);
    }

    @Test
    void theLandingPageSpeaksEnglishWhenAsked() {
        web.get().uri("/").header("Accept-Language", "en").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(page -> assertThat(page).contains("Digital Learning Library", "Service status"));
    }

    @Test
    void theApiIsDocumentedAndBrowsable() {
        web.get().uri("/v3/api-docs").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.paths['/api/v1/curriculum/subjects'].get").exists();
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        web.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAreExposedForPrometheusToTheDistrictOnly() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        String username = "giam-sat-" + System.nanoTime();
        StepVerifier.create(accounts.create(username, "Giám sát", List.of(Grant.district()), "mat-khau-giam-sat", false))
            .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        String token = web.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"mat-khau-giam-sat\",\"name\":\"prometheus\"}")
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void aMalformedRequestIsAProblemInVietnameseAndInEnglishWhenAsked() {
        web.get().uri("/api/v1/curriculum/subjects?grade=mot").exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("/problems/invalid-request")
            .jsonPath("$.title").isEqualTo("Yêu cầu không hợp lệ");
        web.get().uri("/api/v1/curriculum/subjects?grade=mot").header("Accept-Language", "en").exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.title").isEqualTo("Invalid request");
    }

    @Test
    void everyResponseCarriesARequestId() {
        web.get().uri("/actuator/health/liveness").exchange()
            .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotBlank());
    }

    @Test
    void theSubjectsOfAGradeAreServed() {
        web.get().uri("/api/v1/curriculum/subjects?grade=5").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$[?(@.code == 'toan')].name").isEqualTo("Toán");
    }
}
