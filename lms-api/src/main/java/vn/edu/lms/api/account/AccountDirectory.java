package vn.edu.lms.api.account;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;

/**
 * What other features may know and do about accounts, without reading the accounts collection:
 * names for class lists, role checks, and the accounts a class-list import creates and may undo.
 */
@Component
public class AccountDirectory {

    private final ReactiveMongoTemplate mongo;
    private final AccountStore store;
    private final AccountService accounts;
    private final Clock clock;

    AccountDirectory(ReactiveMongoTemplate mongo, AccountStore store, AccountService accounts, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A person as other features see them. */
    public record Person(String id, String username, String fullName, List<Grant> grants, boolean mustChangePassword) {
        public Person {
            grants = List.copyOf(grants);
        }

        static Person of(Account account) {
            return new Person(account.id(), account.username(), account.fullName(), account.grants(), account.mustChangePassword());
        }

        @Override
        public String toString() {
            return "Person[id=" + id + "]";
        }
    }

    /** An account a class-list import creates: no usable password until one is issued on a credential sheet. */
    public record ImportedAccount(String id, String username, String fullName, Grant grant) {
        @Override
        public String toString() {
            return "ImportedAccount[id=" + id + "]";
        }
    }

    public Mono<Person> person(String id) {
        return store.byId(id).map(Person::of);
    }

    public Flux<Person> people(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Account.class).map(Person::of);
    }

    /** Whether the account exists and holds {@code role} at {@code schoolId}. */
    public Mono<Boolean> holds(String accountId, Role role, String schoolId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(accountId)
            .and("grants").elemMatch(Criteria.where("role").is(role).and("schoolId").is(schoolId))), Account.class);
    }

    /** Those of {@code usernames} already taken. */
    public Flux<String> taken(Collection<String> usernames) {
        Query query = Query.query(Criteria.where("username").in(usernames));
        query.fields().include("username");
        return mongo.find(query, org.bson.Document.class, "accounts").map(found -> found.getString("username"));
    }

    /** Every username that starts with one of {@code prefixes}: the names a clash's suffixes must avoid. */
    public Flux<String> takenStartingWith(Collection<String> prefixes) {
        Query query = Query.query(new Criteria().orOperator(prefixes.stream()
            .map(prefix -> Criteria.where("username").regex("^" + prefix.replaceAll("[^A-Za-z0-9]", "\\\\$0"))).toList()));
        query.fields().include("username");
        return mongo.find(query, org.bson.Document.class, "accounts").map(found -> found.getString("username"));
    }

    /** Inserts accounts tagged with the import; a taken username fails the whole batch's remaining inserts. */
    public Mono<Void> insertImported(String importId, List<ImportedAccount> accounts) {
        List<Account> documents = accounts.stream().map(imported -> new Account(imported.id(), imported.username(), "",
            imported.fullName().strip(), Names.fold(imported.fullName()), List.of(imported.grant()), true, 0, null,
            clock.instant(), importId, null)).toList();
        return mongo.insertAll(documents).then();
    }

    /** Removes every account the import created, with their sessions; the number removed. */
    public Mono<Long> deleteImported(String importId) {
        Query tagged = Query.query(Criteria.where("importId").is(importId));
        tagged.fields().include("_id");
        return mongo.find(tagged, org.bson.Document.class, "accounts").map(found -> String.valueOf(found.get("_id"))).collectList()
            .flatMap(ids -> store.deleteTokensOf(ids)
                .then(mongo.remove(Query.query(Criteria.where("importId").is(importId)), Account.class)))
            .map(result -> result.getDeletedCount());
    }

    /** Whether anyone has already signed in to an account the import created and set their own password. */
    public Mono<Boolean> anyImportedInUse(String importId) {
        return mongo.exists(Query.query(Criteria.where("importId").is(importId).and("mustChangePassword").is(false)),
            Account.class);
    }

    /**
     * Issues a fresh one-time password, as an admin's reset does, to each of the accounts that has not
     * chosen its own yet, ending their sessions; the map holds the new passwords by account id. An account that has set its own
     * password keeps it and is absent from the map.
     */
    public Mono<Map<String, String>> issueOneTimePasswords(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and("mustChangePassword").is(true)), Account.class)
            .flatMap(account -> accounts.resetPassword(account.id()).map(password -> Map.entry(account.id(), password)), 8)
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
