package vn.edu.lms.content;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The content-store alone, as its integration tests run it against the shared test services. */
@SpringBootApplication
// Every module's documents mapped at start, not lazily on first use from event-loop threads (whose lock would park them).
@EntityScan("vn.edu.lms")
public class ContentTestApplication {
}
