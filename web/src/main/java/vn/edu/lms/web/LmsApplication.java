package vn.edu.lms.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.modulith.Modulithic;

/**
 * The LMS and learning-resource library as one application. With no external service configured
 * it starts its own database, object storage and Elasticsearch, keeping their data under
 * {@code lms.embedded.data-dir}.
 */
@SpringBootApplication(scanBasePackages = "vn.edu.lms")
// Every module's documents mapped at start, not lazily on first use from event-loop threads (whose lock would park them).
@EntityScan("vn.edu.lms")
@Modulithic(systemName = "LMS", additionalPackages = { "vn.edu.lms.content", "vn.edu.lms.search", "vn.edu.lms.api" })
public class LmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LmsApplication.class, args);
    }
}
