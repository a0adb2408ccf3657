package vn.edu.lms.search;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The search-indexer with the content-store under it, as its integration tests run them. */
@SpringBootApplication(scanBasePackages = "vn.edu.lms")
public class SearchTestApplication {
}
