package vn.edu.lms.api.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser session or an API token. Only the secret's SHA-256 is kept; the secret itself is shown
 * once, when it is issued.
 *
 * @param id         public id, for listing and revoking (not a secret)
 * @param hash       SHA-256 of the secret
 * @param name       what an API token is for, as its owner named it
 */
@Document("access_tokens")
record AccessToken(
    @Id String id,
    @Indexed(unique = true) String hash,
    @Indexed String accountId,
    Kind kind,
    @Nullable String name,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant revokedAt) {

    enum Kind { SESSION, API }

    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", kind=" + kind + ", expiresAt=" + expiresAt + "]";
    }

    boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
