package vn.edu.lms.api.account;

import java.io.PrintStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;

/**
 * The first start creates the district admin. Its password comes from configuration, or is drawn
 * and printed once to the console (standard output, not the log), to be changed at first sign-in.
 * There is never a fixed default.
 */
@Component
@EnableConfigurationProperties(BootstrapAdmin.Settings.class)
class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    /**
     * @param username  the first district admin's username
     * @param password  its password; when unset one is generated and printed once
     * @param fullName  the name shown for it
     */
    @ConfigurationProperties("lms.bootstrap.admin")
    record Settings(@DefaultValue("admin") String username, @Nullable String password,
            @DefaultValue("Quản trị phòng") String fullName) {
    }

    private final AccountStore store;
    private final AccountService accounts;
    private final Settings settings;
    private final PrintStream console;

    @Autowired
    BootstrapAdmin(AccountStore store, AccountService accounts, Settings settings) {
        this(store, accounts, settings, System.out);
    }

    BootstrapAdmin(AccountStore store, AccountService accounts, Settings settings, PrintStream console) {
        this.store = store;
        this.accounts = accounts;
        this.settings = settings;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdmin() {
        ensureDistrictAdmin().subscribe(created -> { }, failure -> log.error("Could not create the first district admin: {}",
            failure.toString()));
    }

    Mono<AccountService.Created> ensureDistrictAdmin() {
        return store.anyWithRole(Role.DISTRICT_ADMIN).flatMap(exists -> exists ? Mono.empty() : create());
    }

    private Mono<AccountService.Created> create() {
        List<Grant> grants = List.of(Grant.district());
        boolean configured = settings.password() != null && !settings.password().isBlank();
        Mono<AccountService.Created> created = configured
            ? accounts.create(settings.username(), settings.fullName(), grants, settings.password(), false)
            : accounts.createWithOneTimePassword(settings.username(), settings.fullName(), grants);
        return created.doOnNext(account -> {
            log.info("Created the first district admin account '{}'", account.username());
            if (!configured) {
                console.println();
                console.println("==> Tài khoản quản trị phòng đầu tiên / first district admin: " + account.username()
                    + " / " + account.oneTimePassword() + "  (đổi mật khẩu khi đăng nhập lần đầu / change it at first sign-in)");
                console.println();
                console.flush();
            }
        });
    }
}
