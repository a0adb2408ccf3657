package vn.edu.lms.api.account;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.security.Grant;

/**
 * A person's account. The full name is stored as given ("Nguyễn Thị Thu Hà"), with a folded copy
 * (no diacritics, lower case) for search.
 *
 * @param failedSignIns  consecutive failed sign-ins since the last success or lock
 * @param lockedUntil    sign-in refused until then, after too many failures
 * @param importId       the class-list import that created it, so that import can be undone
 */
@Document("accounts")
record Account(
    @Id String id,
    @Indexed(unique = true) String username,
    String passwordHash,
    String fullName,
    @Indexed String fullNameFolded,
    List<Grant> grants,
    boolean mustChangePassword,
    int failedSignIns,
    @Nullable Instant lockedUntil,
    Instant createdAt,
    @Nullable String importId,
    @Version @Nullable Long version) {

    Account {
        grants = List.copyOf(grants);
    }

    /** Ids only: names and hashes never reach a log. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", grants=" + grants + "]";
    }
}
