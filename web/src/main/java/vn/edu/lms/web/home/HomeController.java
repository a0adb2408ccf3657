package vn.edu.lms.web.home;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Pages;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.Languages;
import vn.edu.lms.web.page.Viewer;

/**
 * The front door: a visitor gets the sign-in page (with the state of the services), a signed-in
 * person their home page, with a part for each of their roles. Also the password change page and
 * the language switch.
 */
@Controller
class HomeController {

    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    private final ServiceHealth health;
    private final Homes homes;

    HomeController(ServiceHealth health, Homes homes) {
        this.health = health;
        this.homes = homes;
    }

    @GetMapping("/")
    Mono<String> home(Model model) {
        return Viewer.signedIn().map(user -> {
            homeOf(user, model);
            return "home";
        }).switchIfEmpty(Mono.defer(() -> signInPage(null, model)));
    }

    private void homeOf(CurrentUser user, Model model) {
        if (user.has(Role.STUDENT)) {
            model.addAttribute("student", homes.student(user));
        }
        if (user.has(Role.TEACHER)) {
            model.addAttribute("teacher", homes.teacher(user));
        }
        if (user.has(Role.SCHOOL_ADMIN) || user.has(Role.DISTRICT_ADMIN)) {
            model.addAttribute("admin", homes.admin(user));
        }
        if (user.has(Role.PARENT)) {
            model.addAttribute("parent", homes.parent(user));
        }
    }

    @GetMapping(Pages.SIGN_IN)
    Mono<String> signIn(@RequestParam(required = false) @Nullable String next, Model model) {
        return signInPage(next, model);
    }

    private Mono<String> signInPage(@Nullable String next, Model model) {
        return health.check().collectList().map(services -> {
            model.addAttribute("services", services);
            model.addAttribute("allUp", services.stream().allMatch(ServiceHealth.ServiceStatus::up));
            model.addAttribute("next", safeNext(next));
            return "sign-in";
        });
    }

    @GetMapping(Pages.PASSWORD_CHANGE)
    String password() {
        return "password";
    }

    /** Chooses the pages' language (a year-long cookie) and goes back to the page it was chosen on. */
    @PostMapping("/language")
    Mono<ResponseEntity<Void>> language(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String chosen = form.getFirst("lang");
            String back = safeNext(form.getFirst("back"));
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back == null ? "/" : back));
            if (chosen != null && LANGUAGES.contains(chosen)) {
                answer.header("Set-Cookie", ResponseCookie.from(Languages.COOKIE, chosen).path("/").sameSite("Lax")
                    .maxAge(Duration.ofDays(365)).build().toString());
            }
            return answer.build();
        });
    }

    /** Only a path on this site: never an address elsewhere (an open redirect). */
    static @Nullable String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 2000) {
            return null;
        }
        return next;
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/", Pages.SIGN_IN).permitAll()
                .pathMatchers(HttpMethod.POST, "/language").permitAll()
                .pathMatchers(HttpMethod.GET, Pages.PASSWORD_CHANGE).authenticated();
        }
    }
}
