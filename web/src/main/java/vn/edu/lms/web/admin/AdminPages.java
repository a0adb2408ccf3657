package vn.edu.lms.web.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * The admins' pages. They read through the school feature's Java API; every change is a form the
 * page's script sends to the JSON API, so that the same checks and audit apply as for any client.
 */
@Controller
class AdminPages {

    private final Schools schools;
    private final AccountDirectory accounts;

    AdminPages(Schools schools, AccountDirectory accounts) {
        this.schools = schools;
        this.accounts = accounts;
    }

    record ClassLine(SchoolClass schoolClass, @Nullable String homeroomTeacher) {
    }

    @GetMapping("/admin/schools")
    Mono<String> schools(Model model) {
        return Access.currentUser().flatMap(user -> visibleSchools(user).collectList()).map(found -> {
            model.addAttribute("schools", found);
            model.addAttribute("levels", School.Level.values());
            return "admin/schools";
        });
    }

    @GetMapping("/admin/schools/{schoolId}")
    Mono<String> school(@PathVariable String schoolId, @RequestParam(required = false) @Nullable Integer year, Model model) {
        return administered(schoolId).flatMap(school -> chosenYear(schoolId, year).flatMap(found -> {
            model.addAttribute("school", school);
            model.addAttribute("years", found.years());
            model.addAttribute("year", found.chosen());
            if (found.chosen() == null) {
                model.addAttribute("classes", List.of());
                return Mono.just("admin/school");
            }
            return schools.classesOf(found.chosen().id()).sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name))
                .collectList()
                .flatMap(classes -> teacherNames(classes).map(names -> classes.stream()
                    .map(c -> new ClassLine(c, c.homeroomTeacherId() == null ? null : names.get(c.homeroomTeacherId()))).toList()))
                .map(lines -> {
                    model.addAttribute("classes", lines);
                    return "admin/school";
                });
        }));
    }

    @GetMapping("/admin/schools/{schoolId}/class-lists")
    Mono<String> classLists(@PathVariable String schoolId, Model model) {
        return administered(schoolId).flatMap(school -> chosenYear(schoolId, null).map(found -> {
            model.addAttribute("school", school);
            model.addAttribute("years", found.years());
            model.addAttribute("year", found.chosen());
            return "admin/class-lists";
        }));
    }

    private record Years(List<SchoolYear> years, @Nullable SchoolYear chosen) {
    }

    /** The school's years, newest first, and the one asked for (the newest when none is). */
    private Mono<Years> chosenYear(String schoolId, @Nullable Integer startYear) {
        return schools.years(schoolId).sort(Comparator.comparing(SchoolYear::startYear, Comparator.reverseOrder())).collectList()
            .map(years -> new Years(years, years.stream().filter(y -> startYear == null || y.startYear() == startYear).findFirst()
                .orElse(null)));
    }

    private Mono<Map<String, String>> teacherNames(List<SchoolClass> classes) {
        List<String> ids = classes.stream().map(SchoolClass::homeroomTeacherId).filter(id -> id != null).distinct().toList();
        return accounts.people(ids).collectMap(AccountDirectory.Person::id, AccountDirectory.Person::fullName);
    }

    private Flux<School> visibleSchools(CurrentUser user) {
        return user.has(Role.DISTRICT_ADMIN) ? schools.schools(null)
            : schools.schools(user.schoolIds().stream().filter(user::administers).toList());
    }

    private Mono<School> administered(String schoolId) {
        return Access.require(user -> user.administers(schoolId)).then(schools.school(schoolId));
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/admin/**").hasAnyRole(Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
