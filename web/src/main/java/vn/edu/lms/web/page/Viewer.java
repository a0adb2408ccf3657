package vn.edu.lms.web.page;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;

/**
 * The signed-in person looking at a page, with the places the navigation offers them.
 *
 * @param links  the navigation: a message key for the label and the page's path
 */
public record Viewer(CurrentUser user, String fullName, List<Link> links) {

    public record Link(String label, String href) {
    }

    /** The signed-in person making the request; empty for a visitor. */
    public static Mono<CurrentUser> signedIn() {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(SecurityContext::getAuthentication)
            .mapNotNull(authentication -> authentication.getPrincipal() instanceof CurrentUser user ? user : null);
    }

    public static Viewer of(CurrentUser user, String fullName) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("nav.home", "/"));
        if (!user.has(Role.PARENT) || user.grants().stream().anyMatch(grant -> grant.role() != Role.PARENT)) {
            links.add(new Link("nav.library", "/library"));
        }
        if (user.has(Role.STUDENT)) {
            // A student's account is their student record: their results are the page their parents read.
            links.add(new Link("nav.results", "/children/" + user.accountId()));
        }
        if (user.has(Role.TEACHER) || user.has(Role.SCHOOL_ADMIN) || user.has(Role.DISTRICT_ADMIN)) {
            links.add(new Link("nav.questions", "/questions"));
            links.add(new Link("nav.tests", "/tests"));
        }
        if (user.has(Role.REVIEWER)) {
            links.add(new Link("nav.appraisal", "/library/appraisal"));
        }
        if (user.has(Role.SCHOOL_ADMIN) || user.has(Role.DISTRICT_ADMIN)) {
            links.add(new Link("nav.schools", "/admin/schools"));
        }
        return new Viewer(user, fullName, List.copyOf(links));
    }

    public boolean has(String role) {
        return user.has(Role.valueOf(role));
    }

    public String accountId() {
        return user.accountId();
    }
}
