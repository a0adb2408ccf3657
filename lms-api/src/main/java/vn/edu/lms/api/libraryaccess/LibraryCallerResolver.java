package vn.edu.lms.api.libraryaccess;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryCallers;

/**
 * Tells the library (content-store) who is asking, in its terms: the schools the person belongs
 * to, the classes they study in, teach or have a child in, where they may contribute, what they
 * administer and which subjects they appraise. The library decides visibility from that alone.
 */
@Component
class LibraryCallerResolver implements LibraryCallers {

    private final Schools schools;
    private final Students students;

    LibraryCallerResolver(Schools schools, Students students) {
        this.schools = schools;
        this.students = students;
    }

    @Override
    public Mono<LibraryCaller> current() {
        return Access.currentUser().flatMap(user -> classIds(user).map(classIds -> caller(user, classIds)));
    }

    private Mono<Set<String>> classIds(CurrentUser user) {
        Flux<String> taught = user.has(Role.TEACHER) ? schools.classesTaughtBy(user.accountId()).map(SchoolClass::id) : Flux.empty();
        Flux<String> studied = user.has(Role.STUDENT) ? currentClasses(Flux.just(user.accountId())) : Flux.empty();
        Flux<String> children = user.has(Role.PARENT) ? currentClasses(students.childrenOf(user.accountId())) : Flux.empty();
        return Flux.concat(taught, studied, children).collect(Collectors.toCollection(HashSet::new));
    }

    private Flux<String> currentClasses(Flux<String> studentIds) {
        return studentIds.collectList().flatMapMany(ids -> ids.isEmpty() ? Flux.empty() : students.enrolmentsOf(ids))
            .map(Enrolment::classId).filter(java.util.Objects::nonNull);
    }

    private static LibraryCaller caller(CurrentUser user, Set<String> classIds) {
        List<Grant> grants = user.grants();
        Set<String> contributor = schoolsWith(grants, Role.TEACHER, Role.REVIEWER, Role.SCHOOL_ADMIN);
        Set<String> administered = schoolsWith(grants, Role.SCHOOL_ADMIN);
        Set<String> reviewed = grants.stream().filter(grant -> grant.role() == Role.REVIEWER && grant.subjectGroup() != null)
            .map(Grant::subjectGroup).collect(Collectors.toSet());
        return new LibraryCaller(user.accountId(), user.schoolIds(), classIds, contributor, administered, user.has(Role.DISTRICT_ADMIN),
            reviewed);
    }

    private static Set<String> schoolsWith(List<Grant> grants, Role... roles) {
        Set<Role> wanted = Set.of(roles);
        return grants.stream().filter(grant -> wanted.contains(grant.role()) && grant.schoolId() != null).map(Grant::schoolId)
            .collect(Collectors.toSet());
    }

    /**
     * The library's endpoints need a signed-in caller; which items each may see, change or
     * appraise is the library's own check (LibraryAccess). Contributing is for staff only.
     */
    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] staff = { Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            String[] uploaders = { Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name(),
                Role.STUDENT.name() };
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/library/items", "/api/v1/library/items/*",
                    "/api/v1/library/items/*/versions/*/file", "/api/v1/library/items/*/versions/*/thumbnail",
                    "/api/v1/library/items/*/versions/*/text", "/api/v1/library/items/*/versions/*/hls/**").authenticated()
                .pathMatchers(HttpMethod.HEAD, "/api/v1/library/items/*/versions/*/file", "/api/v1/library/items/*/versions/*/hls/**")
                .authenticated()
                .pathMatchers(HttpMethod.POST, "/api/v1/library/items", "/api/v1/library/items/*/appraisal").hasAnyRole(staff)
                // Students upload too, but only private files (their submissions): the library refuses them anything else.
                .pathMatchers(HttpMethod.POST, "/api/v1/library/uploads").hasAnyRole(uploaders)
                .pathMatchers(HttpMethod.PUT, "/api/v1/library/items/*").hasAnyRole(staff)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/library/items/*").hasAnyRole(staff)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/library/uploads/*").hasAnyRole(uploaders)
                .pathMatchers(HttpMethod.OPTIONS, "/api/v1/library/uploads", "/api/v1/library/uploads/*").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/v1/library/uploads/*").hasAnyRole(uploaders)
                .pathMatchers(HttpMethod.PATCH, "/api/v1/library/uploads/*").hasAnyRole(uploaders)
                .pathMatchers(HttpMethod.GET, "/api/v1/library/uploads/*").hasAnyRole(uploaders)
                .pathMatchers(HttpMethod.GET, "/api/v1/library/appraisals").hasRole(Role.REVIEWER.name())
                // Searching is for everyone signed in (the search filters by the same visibility); rebuilding the index is the district's.
                .pathMatchers(HttpMethod.GET, "/api/v1/library/search", "/api/v1/library/search/suggestions").authenticated()
                .pathMatchers("/api/v1/library/search/reindex", "/api/v1/library/search/reindex/*").hasRole(Role.DISTRICT_ADMIN.name());
        }
    }
}
