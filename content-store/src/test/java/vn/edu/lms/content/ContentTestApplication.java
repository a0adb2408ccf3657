package vn.edu.lms.content;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The content-store alone, as its integration tests run it against the shared test services. */
@SpringBootApplication
public class ContentTestApplication {
}
