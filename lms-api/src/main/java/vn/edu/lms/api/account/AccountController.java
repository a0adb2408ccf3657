package vn.edu.lms.api.account;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.LmsProblem;

/** Accounts, administered by school admins (their school) and district admins. */
@RestController
class AccountController {

    private final AccountService accounts;
    private final AccountStore store;
    private final AuditTrail audit;

    AccountController(AccountService accounts, AccountStore store, AuditTrail audit) {
        this.accounts = accounts;
        this.store = store;
        this.audit = audit;
    }

    record NewAccount(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "{username.pattern}") String username,
        @NotBlank @Size(max = 120) String fullName,
        @NotEmpty List<@Valid Grant> grants) {
        // Personal data never prints: a record's toString reaches debug logs.
        @Override
        public String toString() {
            return "NewAccount[grants=" + grants + "]";
        }
    }

    record AccountView(String id, String username, String fullName, List<Grant> grants, boolean mustChangePassword) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.username(), account.fullName(), account.grants(), account.mustChangePassword());
        }

        @Override
        public String toString() {
            return "AccountView[id=" + id + "]";
        }
    }

    record OneTimePassword(String accountId, String username, String oneTimePassword) {
        @Override
        public String toString() {
            return "OneTimePassword[accountId=" + accountId + ", ***]";
        }
    }

    /** Creates an account with a one-time password, shown once. A school admin grants roles at their school only. */
    @PostMapping("/api/v1/accounts")
    Mono<ResponseEntity<OneTimePassword>> create(@Valid @RequestBody NewAccount request, ServerWebExchange exchange) {
        return Access.require(user -> mayGrant(user, request.grants()))
            .flatMap(user -> accounts.createWithOneTimePassword(request.username(), request.fullName(), request.grants())
                .flatMap(created -> audit.record(user.accountId(), "CREATE", "account", created.accountId(),
                        firstSchool(request.grants()), exchange)
                    .thenReturn(ResponseEntity.created(URI.create("/api/v1/accounts/" + created.accountId()))
                        .body(new OneTimePassword(created.accountId(), created.username(), created.oneTimePassword())))));
    }

    /** One account: for its owner, and for the admins of its schools. */
    @GetMapping("/api/v1/accounts/{id}")
    Mono<AccountView> get(@PathVariable String id, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> store.byId(id)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(account -> mayAdminister(user, account) || user.accountId().equals(account.id())
                ? audit.record(user.accountId(), "READ", "account", account.id(), firstSchool(account.grants()), exchange)
                    .thenReturn(AccountView.of(account))
                : Mono.error(Access.forbidden())));
    }

    /** The accounts of a school, found by name with or without diacritics, sorted by name. */
    @GetMapping("/api/v1/accounts")
    Flux<AccountView> search(@RequestParam @NotBlank String schoolId, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, ServerWebExchange exchange) {
        return Access.require(user -> user.administers(schoolId))
            .flatMapMany(user -> audit.record(user.accountId(), "READ", "account-list", schoolId, schoolId, exchange)
                .thenMany(store.search(schoolId, Names.fold(q), limit)))
            .map(AccountView::of);
    }

    /** Gives the account a new one-time password (shown once) and ends its sessions. */
    @PostMapping("/api/v1/accounts/{id}/password-reset")
    Mono<OneTimePassword> resetPassword(@PathVariable String id, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> store.byId(id)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(account -> mayAdminister(user, account)
                ? accounts.resetPassword(account.id())
                    .flatMap(password -> audit.record(user.accountId(), "RESET_PASSWORD", "account", account.id(),
                        firstSchool(account.grants()), exchange).thenReturn(new OneTimePassword(account.id(), account.username(), password)))
                : Mono.error(Access.forbidden())));
    }

    /** A district admin grants anything; a school admin grants roles at their own school, never district-wide. */
    static boolean mayGrant(CurrentUser user, List<Grant> grants) {
        if (user.has(Role.DISTRICT_ADMIN)) {
            return true;
        }
        return grants.stream().allMatch(grant -> grant.role() != Role.DISTRICT_ADMIN && grant.schoolId() != null
            && user.hasAt(Role.SCHOOL_ADMIN, grant.schoolId()));
    }

    /** A district admin administers every account; a school admin those whose every grant is at their school. */
    static boolean mayAdminister(CurrentUser user, Account account) {
        return user.has(Role.DISTRICT_ADMIN) || mayGrant(user, account.grants());
    }

    private static String firstSchool(List<Grant> grants) {
        return grants.stream().map(Grant::schoolId).filter(id -> id != null).findFirst().orElse(null);
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] admins = { Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/accounts/*/password-reset").hasAnyRole(admins)
                .pathMatchers(HttpMethod.GET, "/api/v1/accounts").hasAnyRole(admins)
                .pathMatchers(HttpMethod.GET, "/api/v1/accounts/*").authenticated();
        }
    }
}
