package vn.edu.lms.api.curriculum;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;

/** Reference data of the curriculum, public: it names no person. */
@RestController
@RequestMapping("/api/v1/curriculum")
class CurriculumController {

    private final SubjectCatalogue catalogue;

    CurriculumController(SubjectCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Lists the subjects of the 2018 curriculum, or those taught in one grade.
     *
     * @param grade 1–9 (tiểu học 1–5, THCS 6–9); omit for every subject
     */
    @GetMapping("/subjects")
    Flux<Subject> subjects(@RequestParam(required = false) @Nullable @Min(1) @Max(9) Integer grade) {
        List<Subject> subjects = grade == null ? catalogue.all() : catalogue.forGrade(grade);
        return Flux.fromIterable(subjects);
    }

    /** Public: reference data that names no person. */
    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/curriculum/**").permitAll();
        }
    }
}
