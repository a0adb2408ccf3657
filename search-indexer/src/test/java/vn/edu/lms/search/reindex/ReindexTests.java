package vn.edu.lms.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.search.index.LibraryIndex;
import vn.edu.lms.search.testing.SearchHttp;
import vn.edu.lms.search.testing.SearchIntegrationTest;

/**
 * The reindex command builds a new index beside the live one and moves the alias: searches answer
 * in full the whole time, a change made during the reindex is in the new index, the old one is gone.
 */
@SearchIntegrationTest
class ReindexTests {

    private static final String REINDEX = "/api/v1/library/search/reindex";

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    @Autowired
    LibraryItems items;

    @Autowired
    LibraryIndex index;

    @Test
    void aReindexSwitchesToANewIndexWhileSearchesGoOnAnsweringInFull() throws Exception {
        SearchHttp http = new SearchHttp(web, callers, items);
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String admin = callers.register(new LibraryCaller("district-" + Ids.newId(), Set.of(), Set.of(), Set.of(), Set.of(), true, Set.of()));
        String word = SearchHttp.uniqueWord("Dựng");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            made.add(http.ready(teacher, word + " bài " + i, school, "SCHOOL"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.searchIds(teacher, "q=" + word).size() == 6);
        String before = index.current().block(Duration.ofSeconds(10));

        // A teacher searching the whole time: every answer must hold all six items.
        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        List<String> shortAnswers = new CopyOnWriteArrayList<>();
        Thread searching = new Thread(() -> {
            while (reindexing.get()) {
                List<String> found = http.searchIds(teacher, "q=" + word);
                answers.incrementAndGet();
                if (found.size() != 6) {
                    shortAnswers.add(found.toString());
                }
            }
        }, "searching-teacher");
        searching.start();

        Map<?, ?> started = web.post().uri(REINDEX).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isAccepted()
            .expectBody(Map.class).returnResult().getResponseBody();
        String jobId = (String) started.get("id");
        String target = (String) started.get("index");
        assertThat(target).startsWith("library-v").isNotEqualTo(before);
        // Asking again while it runs answers the same reindex.
        web.post().uri(REINDEX).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isAccepted()
            .expectBody().jsonPath("$.id").isEqualTo(jobId);
        http.rename(teacher, made.get(0), word + " đã sửa", school);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "SUCCEEDED".equals(
            web.get().uri(REINDEX + "/" + jobId).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("state")));
        reindexing.set(false);
        searching.join(10_000);

        assertThat(index.current().block(Duration.ofSeconds(10))).isEqualTo(target);
        assertThat(index.all().block(Duration.ofSeconds(10))).doesNotContain(before).contains(target);
        assertThat(answers.get()).isPositive();
        assertThat(shortAnswers).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.searchIds(teacher, "q=" + word + " đã sửa").contains(made.get(0)));
        assertThat(http.searchIds(teacher, "q=" + word)).containsExactlyInAnyOrderElementsOf(made);
        // The follower writes into the new index now.
        String late = http.ready(teacher, word + " mới", school, "SCHOOL");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.searchIds(teacher, "q=" + word).contains(late));
    }

    @Test
    void onlyTheDistrictAdminMayReindex() {
        String teacher = callers.teacher("th-" + Ids.newId());
        String schoolAdmin = callers.register(new LibraryCaller("admin-" + Ids.newId(), Set.of("th-a"), Set.of(), Set.of("th-a"),
            Set.of("th-a"), false, Set.of()));
        for (String token : List.of(teacher, schoolAdmin)) {
            web.post().uri(REINDEX).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
            web.get().uri(REINDEX + "/any").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        }
        web.post().uri(REINDEX).exchange().expectStatus().isUnauthorized();
        String admin = callers.register(new LibraryCaller("district-" + Ids.newId(), Set.of(), Set.of(), Set.of(), Set.of(), true, Set.of()));
        web.get().uri(REINDEX + "/no-such-job").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
    }
}
