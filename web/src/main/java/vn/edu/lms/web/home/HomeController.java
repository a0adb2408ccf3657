package vn.edu.lms.web.home;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.EndpointRules;

/** The landing page: what this is, whether its services are up, and where the API is documented. */
@Controller
class HomeController {

    private final ServiceHealth health;

    HomeController(ServiceHealth health) {
        this.health = health;
    }

    @GetMapping("/")
    Mono<String> home(Model model) {
        return health.check().collectList().map(services -> {
            model.addAttribute("services", services);
            model.addAttribute("allUp", services.stream().allMatch(ServiceHealth.ServiceStatus::up));
            return "home";
        });
    }

    /** The landing page and its style sheet are public. */
    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/", "/css/**", "/favicon.ico").permitAll();
        }
    }
}
