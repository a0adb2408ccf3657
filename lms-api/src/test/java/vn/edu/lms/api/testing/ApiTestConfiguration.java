package vn.edu.lms.api.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.school.Schools;

/** A clock the test moves, and the helper that makes accounts. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    TestAccounts testAccounts(AccountService accounts) {
        return new TestAccounts(accounts);
    }

    @Bean
    TestSchools testSchools(Schools schools) {
        return new TestSchools(schools);
    }
}
