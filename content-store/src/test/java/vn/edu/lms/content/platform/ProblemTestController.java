package vn.edu.lms.content.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

/** Endpoints that fail on purpose, one per kind of failure the handler must render. */
@RestController
class ProblemTestController {

    record NewClass(@NotBlank String name, @Min(1) @Max(9) int grade) {
    }

    @GetMapping("/test/problems/lms")
    Mono<String> lmsProblem() {
        return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "test-conflict", "7C3"));
    }

    @GetMapping("/test/problems/unexpected")
    Mono<String> unexpected() {
        return Mono.error(new IllegalStateException("password=hunter2 at com.example.Internal"));
    }

    @PostMapping("/test/problems/classes")
    Mono<NewClass> create(@Valid @RequestBody NewClass body) {
        return Mono.just(body);
    }
}
