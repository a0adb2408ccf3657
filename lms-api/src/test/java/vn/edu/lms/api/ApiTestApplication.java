package vn.edu.lms.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** lms-api with the modules under it, as its tests run them. */
@SpringBootApplication(scanBasePackages = "vn.edu.lms")
public class ApiTestApplication {
}
