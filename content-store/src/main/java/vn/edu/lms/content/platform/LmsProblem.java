package vn.edu.lms.content.platform;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the caller can act on, raised with {@code Mono.error(...)} and rendered as an RFC 9457
 * problem detail. Its {@code type} is stable ({@code /problems/<slug>}); title and detail come from
 * the message bundles ({@code problem.<slug>.title}, {@code problem.<slug>.detail}) in the caller's
 * language, with {@code arguments} filled into the detail.
 */
public class LmsProblem extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    public LmsProblem(HttpStatusCode status, String slug, Object... arguments) {
        this(status, slug, null, arguments);
    }

    public LmsProblem(HttpStatusCode status, String slug, @Nullable Throwable cause, Object... arguments) {
        super(status, problem(status, slug), cause, "problem." + slug + ".detail", arguments);
        this.slug = slug;
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.uri(slug));
        return problem;
    }

    public String slug() {
        return slug;
    }

    public URI type() {
        return ProblemTypes.uri(slug);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem." + slug + ".title";
    }
}
