package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.gradebook.rules.Tt27YearResult;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Primary assessment (Thông tư 27/2020): a class's book per subject
 * ({@code /api/v1/classes/{classId}/primary-books/{subject}}), its entries, the qualities and
 * competences, and the year's results.
 */
@RestController
class PrimaryBookController {

    private final PrimaryBooks books;

    PrimaryBookController(PrimaryBooks books) {
        this.books = books;
    }

    /** One periodic assessment: a rating, a comment, a test score (where the subject has a test then); a change needs a reason. */
    record EntryRequest(Tt27YearResult.@Nullable SubjectRating rating, @Nullable @Size(max = PrimaryBooks.MAX_COMMENT) String comment,
            @Nullable BigDecimal score, @Nullable @Size(max = Gradebooks.MAX_REASON) String reason) {

        /** A primary test score is a whole number: 8.5 is refused, not rounded. */
        @Nullable Integer wholeScore() {
            if (score == null) {
                return null;
            }
            if (score.stripTrailingZeros().scale() > 0 || score.compareTo(BigDecimal.ONE) < 0 || score.compareTo(BigDecimal.TEN) > 0) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "primary-bad-score");
            }
            return score.intValueExact();
        }
    }

    record QualitiesRequest(@NotNull @NotEmpty Map<Quality, Tt27YearResult.@NotNull QualityRating> ratings) {
    }

    @GetMapping("/api/v1/classes/{classId}/primary-books/{subjectCode}")
    Mono<PrimaryBooks.BookRows> book(@PathVariable String classId, @PathVariable String subjectCode) {
        return Access.currentUser().flatMap(user -> books.book(user, classId, subjectCode)).flatMap(books::rows);
    }

    @PutMapping("/api/v1/primary-books/{id}/entries/{studentId}/{period}")
    Mono<PrimaryBooks.BookRows> enter(@PathVariable String id, @PathVariable String studentId, @PathVariable PrimaryPeriod period,
            @Valid @RequestBody EntryRequest request) {
        return Access.currentUser().flatMap(user -> books.enter(user, id, studentId, period, request.rating(), request.comment(),
            request.wholeScore(), request.reason())).flatMap(books::rows);
    }

    @PutMapping("/api/v1/classes/{classId}/qualities/{studentId}")
    Mono<ResponseEntity<Void>> rateQualities(@PathVariable String classId, @PathVariable String studentId, @RequestParam PrimaryPeriod period,
            @Valid @RequestBody QualitiesRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> books.rateQualities(user, classId, studentId, period, request.ratings(), exchange))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** Every student's year: subject ratings, end-of-year scores, qualities and competences, and the result (Điều 14). */
    @GetMapping("/api/v1/classes/{classId}/primary-results")
    Mono<List<PrimaryBooks.YearLine>> yearResults(@PathVariable String classId) {
        return Access.currentUser().flatMap(user -> books.yearResults(user, classId));
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] staff = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/classes/*/primary-books/*", "/api/v1/classes/*/primary-results").hasAnyRole(staff)
                .pathMatchers(HttpMethod.PUT, "/api/v1/primary-books/*/entries/*/*", "/api/v1/classes/*/qualities/*").hasAnyRole(staff);
        }
    }
}
