package vn.edu.lms.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * A test of lms-api over HTTP against the real embedded services: the application on a random port,
 * messages as the application words them, a client with a minute's patience, the movable clock and
 * the helpers that make accounts and schools. One Spring context for every test that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
public @interface ApiTest {
}
