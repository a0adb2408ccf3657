package vn.edu.lms.search.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.search.SearchTestApplication;

/**
 * The search-indexer with the content store under it, on the shared embedded services, with short
 * polling intervals. Every search test uses this one context: two live contexts would share the
 * database and the follower's lease, and only one of them would be indexing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SearchTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library", "spring.messages.fallback-to-system-locale=false",
    "lms.jobs.poll-interval=200ms", "lms.search.follow.interval=200ms", "lms.library.popularity.interval=300ms" })
@AutoConfigureWebTestClient
@Import(LibraryTestCallers.class)
public @interface SearchIntegrationTest {
}
