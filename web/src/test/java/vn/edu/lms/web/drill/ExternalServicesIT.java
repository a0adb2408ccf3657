package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.search.testing.SearchTestServices;

/**
 * The same jar, given the URLs of a database, an object store and an Elasticsearch (here the
 * embedded ones, started separately by the test), starts none of its own.
 */
class ExternalServicesIT {

    private final ApplicationProcess application = new ApplicationProcess(TestServices.newRoot("external").resolve("data"));

    @AfterEach
    void stop() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
    }

    @Test
    void givenServiceUrlsTheJarStartsNothingEmbedded() throws Exception {
        TestServices services = TestServices.get();
        application.startAndAwaitReady("external.log", Map.of(
            "LMS_DATABASE_URI", services.mongoUri(),
            "LMS_STORAGE_ENDPOINT", services.storageEndpoint(),
            "LMS_STORAGE_ACCESS_KEY", services.storageKeys().accessKey(),
            "LMS_STORAGE_SECRET_KEY", services.storageKeys().secretKey(),
            "LMS_SEARCH_URL", SearchTestServices.node().url().toString()));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + application.httpPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"mongo\":{\"status\":\"UP\"}", "\"objectStorage\":{\"status\":\"UP\"}",
            "\"elasticsearch\":{\"status\":\"UP\"}");
        assertThat(application.dataDir).as("no embedded service wrote a data directory").doesNotExist();
        assertThat(application.children()).as("no Elasticsearch child").isEmpty();
        assertThat(application.portsInUse()).as("no embedded port opened").isEmpty();
    }
}
