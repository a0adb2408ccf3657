package vn.edu.lms.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.edu.lms.search.engine.embedded.EmbeddedElasticsearch;
import vn.edu.lms.search.testing.SearchIntegrationTest;

/** The application's client talks to a real Elasticsearch 8.19 over HTTP, given its URL. */
@SearchIntegrationTest
class SearchEngineTests {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Autowired
    ElasticsearchAsyncClient client;

    @Autowired
    ElasticsearchHealthIndicator health;

    @Autowired
    ApplicationContext context;

    @Test
    void aDocumentIndexedIsFoundByAWordInIt() {
        Mono<Long> hits = Mono.fromFuture(() -> client.index(i -> i.index("engine-test").id("1")
                .document(Map.of("title", "Bài giảng phân số lớp 5")).refresh(Refresh.True)))
            .then(Mono.fromFuture(() -> client.search(s -> s.index("engine-test")
                .query(q -> q.match(m -> m.field("title").query("phân số"))), Map.class)))
            .map(response -> response.hits().total().value());
        StepVerifier.create(hits).expectNext(1L).expectComplete().verify(BOUND);
    }

    @Test
    void readinessIsUpWhenTheClusterAnswers() {
        StepVerifier.create(health.health())
            .assertNext(result -> assertThat(result.getStatus()).isEqualTo(Status.UP))
            .expectComplete().verify(BOUND);
    }

    @Test
    void givenAUrlNoEmbeddedNodeStarts() {
        assertThat(context.getBeanNamesForType(EmbeddedElasticsearch.class)).isEmpty();
    }
}
