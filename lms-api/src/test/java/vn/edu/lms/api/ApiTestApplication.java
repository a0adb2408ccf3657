package vn.edu.lms.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** lms-api with the modules under it, as its tests run them. */
@SpringBootApplication(scanBasePackages = "vn.edu.lms")
// Every module's documents mapped at start, not lazily on first use from event-loop threads (whose lock would park them).
@EntityScan("vn.edu.lms")
public class ApiTestApplication {
}
