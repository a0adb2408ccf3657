package vn.edu.lms.content.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Logs from another thread than the one the request arrived on, as real handlers do. */
@RestController
class LoggingTestController {

    static final Logger log = LoggerFactory.getLogger("vn.edu.lms.test.handler");

    @GetMapping("/test/logging")
    Mono<String> logSomething() {
        return Mono.delay(Duration.ofMillis(5)).map(tick -> {
            log.info("handled");
            return "ok";
        });
    }
}
