package vn.edu.lms.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.edu.lms.search.testing.SearchHttp.hits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.search.index.LibraryIndex;
import vn.edu.lms.search.index.SearchDocument;
import vn.edu.lms.search.testing.SearchHttp;
import vn.edu.lms.search.testing.SearchTestServices;
import vn.edu.lms.search.testing.SearchIntegrationTest;

/**
 * Elasticsearch stopped while teachers go on changing the library, then started again: the index
 * converges to the database, with no item lost, none stale and none withdrawn still found.
 */
@SearchIntegrationTest
class IndexConvergenceTests {

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    @Autowired
    LibraryItems items;

    @Autowired
    IndexFollower follower;

    @Autowired
    ElasticsearchAsyncClient client;

    @Test
    void afterElasticsearchComesBackTheIndexHoldsEveryItemAsTheDatabaseDoes() {
        SearchHttp http = new SearchHttp(web, callers, items);
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String word = SearchHttp.uniqueWord("Hội");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.add(http.ready(teacher, word + " bài " + i, school, "SCHOOL"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) http.search(teacher, "q=" + word).get("total")).intValue() == 12);

        List<String> withdrawn = made.subList(0, 3);
        List<String> renamed = made.subList(3, 7);
        List<String> added = new ArrayList<>();
        SearchTestServices.restart(() -> {
            withdrawn.forEach(id -> items.withdraw(callers.caller(teacher), id).block(Duration.ofSeconds(10)));
            renamed.forEach(id -> http.rename(teacher, id, word + " sửa " + id, school));
            for (int i = 0; i < 5; i++) {
                added.add(http.ready(teacher, word + " thêm " + i, school, "SCHOOL"));
            }
            // Indexing is paused, not lost: the follower sees the gap and says why.
            await().atMost(Duration.ofSeconds(20)).until(() -> follower.status().lastError() != null && follower.lag() > 0);
        });

        List<String> live = new ArrayList<>(made.subList(3, made.size()));
        live.addAll(added);
        // The follower backs off while Elasticsearch is away (at most a minute between attempts).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .until(() -> http.searchIds(teacher, "q=" + word + "&size=50").equals(live.stream().sorted().toList()));
        for (Map<?, ?> hit : hits(http.search(teacher, "q=" + word + "&size=50"))) {
            if (renamed.contains(hit.get("id"))) {
                assertThat(hit.get("title")).isEqualTo(word + " sửa " + hit.get("id"));
            }
        }
        // Every document, tombstones included, is at its item's latest change.
        List<String> all = new ArrayList<>(made);
        all.addAll(added);
        for (String id : all) {
            LibraryItem item = items.item(id).block(Duration.ofSeconds(10));
            SearchDocument indexed = client.get(g -> g.index(LibraryIndex.ALIAS).id(id), SearchDocument.class).join().source();
            assertThat(indexed).as(id).isNotNull();
            assertThat(indexed.sequence()).as(id).isEqualTo(item.sequence());
            assertThat(indexed.deleted()).as(id).isEqualTo(withdrawn.contains(id));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.status().lastError() == null && follower.lag() == 0);
    }
}
