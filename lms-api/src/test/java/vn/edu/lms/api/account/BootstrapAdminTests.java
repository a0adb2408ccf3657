package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.test.StepVerifier;
import vn.edu.lms.api.security.Role;

@SpringBootTest
class BootstrapAdminTests {

    @Autowired
    AccountStore store;

    @Autowired
    AccountService accounts;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theFirstStartDrawsTheAdminPasswordPrintsItOnceAndNeverAgain() {
        StepVerifier.create(mongo.remove(Query.query(Criteria.where("grants.role").is(Role.DISTRICT_ADMIN)), Account.class))
            .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BootstrapAdmin bootstrap = new BootstrapAdmin(store, accounts,
            new BootstrapAdmin.Settings("admin-" + System.nanoTime(), null, "Quản trị phòng"),
            new PrintStream(console, true, StandardCharsets.UTF_8));

        StepVerifier.create(bootstrap.ensureDistrictAdmin())
            .assertNext(created -> {
                assertThat(created.oneTimePassword()).hasSize(12);
                assertThat(console.toString(StandardCharsets.UTF_8)).contains(created.oneTimePassword());
            })
            .expectComplete().verify(Duration.ofSeconds(30));
        int printed = console.size();
        StepVerifier.create(bootstrap.ensureDistrictAdmin()).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(console.size()).isEqualTo(printed);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNotPrinted() {
        StepVerifier.create(mongo.remove(Query.query(Criteria.where("grants.role").is(Role.DISTRICT_ADMIN)), Account.class))
            .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String username = "admin-" + System.nanoTime();
        BootstrapAdmin bootstrap = new BootstrapAdmin(store, accounts,
            new BootstrapAdmin.Settings(username, "mot-mat-khau-cau-hinh", "Quản trị phòng"),
            new PrintStream(console, true, StandardCharsets.UTF_8));
        StepVerifier.create(bootstrap.ensureDistrictAdmin()).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(console.size()).isZero();
        StepVerifier.create(store.byUsername(username))
            .assertNext(account -> assertThat(account.mustChangePassword()).isFalse())
            .expectComplete().verify(Duration.ofSeconds(30));
    }
}
