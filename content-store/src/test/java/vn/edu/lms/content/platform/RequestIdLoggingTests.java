package vn.edu.lms.content.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import vn.edu.lms.content.ContentTestApplication;

/** Every log line of a request carries its id; the access log never carries the query string. */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RequestIdLoggingTests {

    @Autowired
    WebTestClient web;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        ((Logger) LoggerFactory.getLogger("vn.edu.lms")).addAppender(events);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("vn.edu.lms")).detachAppender(events);
    }

    @Test
    void aHandlersLogLineCarriesTheRequestIdEvenOnAnotherThread() {
        String id = web.get().uri("/test/logging").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.list.stream().anyMatch(e -> "handled".equals(e.getMessage())));
        ILoggingEvent handled = events.list.stream().filter(e -> "handled".equals(e.getMessage())).findFirst().orElseThrow();
        assertThat(handled.getMDCPropertyMap()).containsEntry(RequestIds.KEY, id);
    }

    @Test
    void theAccessLogHasPathAndStatusButNotTheQueryString() {
        web.get().uri("/test/logging?student=Nguyen%20Thi%20Thu%20Ha").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.list.stream()
            .anyMatch(e -> e.getLoggerName().equals("vn.edu.lms.access")));
        String line = events.list.stream().filter(e -> e.getLoggerName().equals("vn.edu.lms.access"))
            .map(ILoggingEvent::getFormattedMessage).findFirst().orElseThrow();
        assertThat(line).startsWith("GET /test/logging 200").doesNotContain("Nguyen", "student");
    }
}
