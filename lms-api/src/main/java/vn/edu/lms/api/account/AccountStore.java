package vn.edu.lms.api.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Role;

/**
 * The accounts and access-token collections. Every change is one atomic single-document update.
 *
 * <p>Every change to a token or to what a signed-in request carries of its account (password state,
 * grants) goes through here and forgets the cached sign-ins, once the change is stored.
 */
@Component
class AccountStore implements SmartInitializingSingleton {

    /**
     * How long a sign-in found by its token is used without reading the token and the account again.
     * Each request of a test taker (a save every few seconds) read both before: two of every three
     * database commands of the test-taking burst. A change made in this process ends the cached
     * sign-ins at once; one made by another instance of the application, at most this much later.
     */
    static final Duration SIGN_IN_FRESH_FOR = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final Cache<String, Kept> signIns = Caffeine.newBuilder().maximumSize(50_000)
        .expireAfterWrite(SIGN_IN_FRESH_FOR).build();
    /**
     * Counts the stored changes to tokens and passwords. A kept sign-in found under an older count is
     * read again: clearing the cache instead would take its lock on an event-loop thread.
     */
    private final AtomicLong changes = new AtomicLong();

    /** A live token with its account, as the request that presents it is authenticated. */
    record SignedIn(AccessToken token, Account account) {
    }

    /** A sign-in as read after {@code changesBefore} changes. */
    private record Kept(long changesBefore, Mono<SignedIn> signedIn) {
    }

    AccountStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unique indexes the collections rely on, made before the first request (at start-up, on the main thread). */
    @Override
    public void afterSingletonsInstantiated() {
        Mono.when(
                mongo.indexOps(Account.class).createIndex(new Index("username", Sort.Direction.ASC).unique()),
                mongo.indexOps(Account.class).createIndex(new Index("grants.schoolId", Sort.Direction.ASC)),
                mongo.indexOps(AccessToken.class).createIndex(new Index("hash", Sort.Direction.ASC).unique()),
                mongo.indexOps(AccessToken.class).createIndex(new Index("accountId", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    Mono<Account> insert(Account account) {
        return mongo.insert(account);
    }

    Mono<Account> byId(String id) {
        return mongo.findById(id, Account.class);
    }

    Mono<Account> byUsername(String username) {
        return mongo.findOne(Query.query(Criteria.where("username").is(username)), Account.class);
    }

    Mono<Boolean> anyWithRole(Role role) {
        return mongo.exists(Query.query(Criteria.where("grants.role").is(role)), Account.class);
    }

    /** Accounts with a grant at the school whose folded name contains the folded query, sorted by folded name. */
    Flux<Account> search(String schoolId, String folded, int limit) {
        Query query = Query.query(Criteria.where("grants.schoolId").is(schoolId)
                .and("fullNameFolded").regex(Pattern.quote(folded)))
            .with(Sort.by("fullNameFolded")).limit(limit);
        return mongo.find(query, Account.class);
    }

    /** Counts a failure; the returned account shows the new count. */
    Mono<Account> recordFailure(String id) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("failedSignIns", 1),
            FindAndModifyOptions.options().returnNew(true), Account.class);
    }

    Mono<Account> lock(String id, Instant until) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
            new Update().set("lockedUntil", until).set("failedSignIns", 0),
            FindAndModifyOptions.options().returnNew(true), Account.class);
    }

    Mono<Void> recordSuccess(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            new Update().set("failedSignIns", 0).unset("lockedUntil"), Account.class).then();
    }

    Mono<Void> setPassword(String id, String hash, boolean mustChange) {
        return forgettingSignIns(mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            new Update().set("passwordHash", hash).set("mustChangePassword", mustChange)
                .set("failedSignIns", 0).unset("lockedUntil").inc("version", 1),
            Account.class).then());
    }

    Mono<AccessToken> insertToken(AccessToken token) {
        return mongo.insert(token);
    }

    Mono<AccessToken> tokenByHash(String hash) {
        return mongo.findOne(Query.query(Criteria.where("hash").is(hash)), AccessToken.class);
    }

    /** The token with this hash and its account, from the cache when fresh; empty for an unknown token (not cached). */
    Mono<SignedIn> signedIn(String hash) {
        long now = changes.get();
        Kept kept = signIns.getIfPresent(hash);
        if (kept == null || kept.changesBefore() != now) {
            // Only a missing or outdated sign-in takes the write path; every other request of a session is a plain read.
            kept = signIns.asMap().compute(hash, (key, found) -> found != null && found.changesBefore() == now ? found
                : new Kept(now, tokenByHash(key)
                    .flatMap(token -> byId(token.accountId()).map(account -> new SignedIn(token, account)))
                    .cache(signedIn -> SIGN_IN_FRESH_FOR, failure -> Duration.ZERO, () -> Duration.ZERO)));
        }
        return kept.signedIn();
    }

    /**
     * After a change is stored (or failed or was cancelled midway): no sign-in kept before it is used
     * again. Counted before the outcome goes on, so the answer to the change is not sent first.
     */
    private <T> Mono<T> forgettingSignIns(Mono<T> change) {
        return change.doOnTerminate(changes::incrementAndGet).doOnCancel(changes::incrementAndGet);
    }

    Flux<AccessToken> tokensOf(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("revokedAt").isNull())
            .with(Sort.by("createdAt")), AccessToken.class);
    }

    Mono<Boolean> revokeToken(String accountId, String tokenId, Instant at) {
        return forgettingSignIns(mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenId).and("accountId").is(accountId)
                .and("revokedAt").isNull()), new Update().set("revokedAt", at), AccessToken.class)
            .map(result -> result.getModifiedCount() > 0));
    }

    /** Revokes every session and token of the account except {@code keepTokenId}. */
    Mono<Void> revokeAll(String accountId, String keepTokenId, Instant at) {
        return forgettingSignIns(mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("revokedAt").isNull()
                .and("_id").ne(keepTokenId)), new Update().set("revokedAt", at), AccessToken.class).then());
    }

    /** Removes the tokens of these accounts (the accounts are being removed); how many. */
    Mono<Long> deleteTokensOf(Collection<String> accountIds) {
        return forgettingSignIns(mongo.remove(Query.query(Criteria.where("accountId").in(accountIds)), AccessToken.class)
            .map(result -> result.getDeletedCount()));
    }
}
