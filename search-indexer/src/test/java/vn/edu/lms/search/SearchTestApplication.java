package vn.edu.lms.search;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The search-indexer with the content-store under it, as its integration tests run them. */
@SpringBootApplication(scanBasePackages = "vn.edu.lms")
// Every module's documents mapped at start, not on first use from event-loop threads (where its lock would block).
@EntityScan("vn.edu.lms")
public class SearchTestApplication {
}
