package vn.edu.lms.web.library;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;

/**
 * Thẩm định: the reviewer's queue, the items of their subjects that wait for a decision on district
 * sharing, oldest first. The decision itself is taken on the item's page, next to its preview.
 */
@Controller
class AppraisalPage {

    private final LibraryItems items;
    private final CurrentLibraryCaller callers;
    private final LibraryNames names;

    AppraisalPage(LibraryItems items, CurrentLibraryCaller callers, LibraryNames names) {
        this.items = items;
        this.callers = callers;
        this.names = names;
    }

    @GetMapping("/library/appraisal")
    Mono<String> queue(Locale locale, Model model) {
        return callers.current().flatMap(caller -> items.awaitingAppraisal(caller).collectList().flatMap(waiting -> {
            Set<String> schoolIds = new LinkedHashSet<>();
            Set<String> people = new LinkedHashSet<>();
            waiting.forEach(item -> {
                if (item.schoolId() != null) {
                    schoolIds.add(item.schoolId());
                }
                people.add(item.ownerId());
            });
            return Mono.zip(names.schools(schoolIds), names.people(people)).map(found -> {
                model.addAttribute("waiting", waiting.stream().map(item -> new Waiting(item, submittedAt(item))).toList());
                model.addAttribute("schools", found.getT1());
                model.addAttribute("people", found.getT2());
                model.addAttribute("subjects", caller.reviewedSubjects().stream().map(code -> names.subject(code, locale)).sorted().toList());
                return "library/appraisal";
            });
        }));
    }

    /** An item in the queue, with when it was sent for appraisal. */
    record Waiting(LibraryItem item, Instant since) {
    }

    /** When the item was sent for appraisal: the last transition to SUBMITTED. */
    private static Instant submittedAt(LibraryItem item) {
        return item.appraisal().history().stream().filter(t -> t.to() == LibraryItem.Appraisal.Status.SUBMITTED)
            .reduce((first, second) -> second).map(LibraryItem.Appraisal.Transition::at).orElse(item.updatedAt());
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/library/appraisal").hasRole(Role.REVIEWER.name());
        }
    }
}
