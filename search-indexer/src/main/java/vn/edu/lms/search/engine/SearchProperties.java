package vn.edu.lms.search.engine;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;

/**
 * Where Elasticsearch is. Without a URL the embedded node starts.
 *
 * @param url       e.g. {@code http://elasticsearch:9200}
 * @param username  basic-auth user, when the cluster has security on
 * @param password  basic-auth password
 */
@ConfigurationProperties("lms.search")
@Validated
public record SearchProperties(@Nullable URI url, @Nullable String username, @Nullable String password) {

    @AssertTrue(message = "lms.search.url must be an http or https URL with a host, e.g. http://elasticsearch:9200")
    boolean isHttpUrl() {
        return url == null || url.toString().isBlank() || (url.getHost() != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme())));
    }

    @AssertTrue(message = "lms.search.username and lms.search.password go together")
    boolean isCompleteCredentials() {
        return (username == null || username.isBlank()) == (password == null || password.isBlank());
    }
}
