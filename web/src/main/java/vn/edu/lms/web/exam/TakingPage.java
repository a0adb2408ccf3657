package vn.edu.lms.web.exam;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * The test-taking page. The server renders the frame (the session's title, the texts); the page's
 * script starts or resumes the attempt through the API, keeps every answer in IndexedDB until the
 * server acknowledges it, and goes on working through a dropped network (docs/test-taking-api.md).
 */
@Controller
class TakingPage {

    private final TestSessions sessions;

    TakingPage(TestSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/tests/{sessionId}/take")
    Mono<String> take(@PathVariable String sessionId, Model model) {
        return Access.currentUser().flatMap(user -> sessions.takenBy(user, sessionId)).map(session -> {
            model.addAttribute("testSession", session);
            model.addAttribute("hasRooms", !session.rooms().isEmpty());
            return "assessment/take";
        });
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/tests/*/take").hasRole(Role.STUDENT.name());
        }
    }
}
