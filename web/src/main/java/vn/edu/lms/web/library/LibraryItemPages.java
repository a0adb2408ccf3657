package vn.edu.lms.web.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItem.Appraisal;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.item.Licence;
import vn.edu.lms.content.library.item.Metadata;
import vn.edu.lms.content.library.item.ResourceKind;
import vn.edu.lms.content.library.item.Scope;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * One library item's pages: the item (metadata, its player or preview, versions, appraisal), the
 * metadata form for its editors, and the upload page (a new item with the Dublin Core form, or a
 * new version of an item). Each reads the item with the caller's visibility; the changes are sent
 * by the page's script to the JSON API, whose checks are the ones that count.
 */
@Controller
class LibraryItemPages {

    /** Grades of the schools the product serves (tiểu học and THCS). */
    private static final List<Integer> GRADES = IntStream.rangeClosed(1, 9).boxed().toList();
    /** Common textbook series, offered as suggestions: teachers may type another. */
    private static final List<String> BOOK_SERIES = List.of("Kết nối tri thức với cuộc sống", "Chân trời sáng tạo", "Cánh diều");
    private static final List<String> LANGUAGES = List.of("vi", "en", "fr", "zh", "ja", "ko", "ru", "de");

    private final LibraryItems items;
    private final CurrentLibraryCaller callers;
    private final LibraryNames names;
    private final Schools schools;

    LibraryItemPages(LibraryItems items, CurrentLibraryCaller callers, LibraryNames names, Schools schools) {
        this.items = items;
        this.callers = callers;
        this.names = names;
        this.schools = schools;
    }

    /** What the item page needs beyond the item: its names, the version shown and what the caller may do. */
    record ItemView(LibraryItem item, @Nullable FileVersion shown, Preview preview, boolean mayEdit, boolean maySubmit,
            boolean mayAppraise, @Nullable String schoolName, List<String> classNames, Map<String, String> people) {

        public String person(String id) {
            return people.getOrDefault(id, "");
        }

        /** The reason a version failed, as a message key: the encrypted document has its own words. */
        public String failureKey(FileVersion file) {
            String reason = file.failure() == null ? "" : file.failure();
            return "extraction-encrypted".equals(reason) ? reason
                : reason.startsWith("extraction-") ? "extraction" : reason.startsWith("media-") ? "media" : "processing";
        }
    }

    @GetMapping("/library/items/{id}")
    Mono<String> item(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        return callers.current().flatMap(caller -> items.visible(caller, id).flatMap(item -> {
            FileVersion shown = version != null ? item.file(version) : newestReady(item);
            if (version != null && shown == null) {
                return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"));
            }
            Set<String> people = new LinkedHashSet<>();
            people.add(item.ownerId());
            item.files().forEach(file -> people.add(file.uploadedBy()));
            item.appraisal().history().forEach(transition -> people.add(transition.by()));
            item.revisions().forEach(revision -> people.add(revision.by()));
            Mono<Map<String, String>> schoolName = item.schoolId() == null ? Mono.just(Map.of()) : names.schools(List.of(item.schoolId()));
            Mono<List<String>> classNames = item.classIds().isEmpty() ? Mono.just(List.of())
                : schools.classes(item.classIds()).map(SchoolClass::name).sort().collectList();
            return Mono.zip(names.people(people), schoolName, classNames).map(found -> {
                boolean mayEdit = LibraryAccess.mayEdit(caller, item);
                model.addAttribute("view", new ItemView(item, shown, Preview.of(shown), mayEdit, mayEdit && maySubmit(item),
                    LibraryAccess.mayAppraise(caller, item), item.schoolId() == null ? null : found.getT2().get(item.schoolId()),
                    found.getT3(), found.getT1()));
                return "library/item";
            });
        }));
    }

    /** The newest version that finished processing, else the newest: the one a visitor wants to see. */
    private static @Nullable FileVersion newestReady(LibraryItem item) {
        for (int i = item.files().size() - 1; i >= 0; i--) {
            if (item.files().get(i).state() == FileVersion.State.READY) {
                return item.files().get(i);
            }
        }
        return item.current();
    }

    /** The owner may ask for district sharing once there is a file, when it is not waiting or approved already. */
    private static boolean maySubmit(LibraryItem item) {
        Appraisal.Status status = item.appraisal().status();
        return item.scope() == Scope.DISTRICT && item.current() != null
            && (status == Appraisal.Status.NONE || status == Appraisal.Status.REJECTED);
    }

    @GetMapping("/library/items/{id}/edit")
    Mono<String> edit(@PathVariable String id, Model model) {
        return callers.current().flatMap(caller -> editable(caller, id).flatMap(item -> formOptions(caller, item.classIds()).map(options -> {
            model.addAttribute("item", item);
            model.addAttribute("form", Form.of(item));
            model.addAttribute("options", options);
            return "library/edit";
        })));
    }

    /** A new item (metadata, then its file), or with {@code item} a new version of that item. */
    @GetMapping("/library/upload")
    Mono<String> upload(@RequestParam(required = false) @Nullable String item, Model model) {
        return callers.current().flatMap(caller -> {
            if (item != null) {
                return editable(caller, item).map(found -> {
                    model.addAttribute("item", found);
                    return "library/upload";
                });
            }
            if (!caller.mayContribute()) {
                return Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden"));
            }
            return formOptions(caller, List.of()).map(options -> {
                model.addAttribute("form", Form.blank(options.schools().size() == 1 ? options.schools().get(0).id() : null));
                model.addAttribute("options", options);
                return "library/upload";
            });
        });
    }

    private Mono<LibraryItem> editable(LibraryCaller caller, String id) {
        return items.visible(caller, id).filter(item -> LibraryAccess.mayEdit(caller, item))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")));
    }

    /** A school or class the form offers. */
    record Choice(String id, String name) {
    }

    /**
     * What the metadata form offers: the curriculum's subjects, the kinds, licences and scopes, the
     * schools the caller may add to (every school for a district admin, who may also add to none)
     * and the classes they teach (with those the item is shared with already).
     */
    record FormOptions(List<Subject> subjects, List<ResourceKind> kinds, List<Licence> licences, List<Scope> scopes, List<Integer> grades,
            List<String> bookSeries, List<String> languages, List<Choice> schools, boolean noSchool, List<Choice> classes) {
    }

    private Mono<FormOptions> formOptions(LibraryCaller caller, List<String> sharedWith) {
        Set<String> schoolIds = new LinkedHashSet<>(caller.contributorSchools());
        schoolIds.addAll(caller.administeredSchools());
        Flux<School> offered = caller.districtAdmin() ? schools.schools(null) : schoolIds.isEmpty() ? Flux.empty() : schools.schools(schoolIds);
        Mono<List<Choice>> schoolChoices = offered.sort(Comparator.comparing(School::name)).map(school -> new Choice(school.id(), school.name()))
            .collectList();
        Flux<SchoolClass> shared = sharedWith.isEmpty() ? Flux.empty() : schools.classes(sharedWith);
        Mono<List<Choice>> classChoices = Flux.concat(schools.classesTaughtBy(caller.accountId()).filter(c -> !c.closed()), shared)
            .distinct(SchoolClass::id)
            .sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name))
            .map(c -> new Choice(c.id(), c.name())).collectList();
        return Mono.zip(schoolChoices, classChoices).map(found -> new FormOptions(names.subjects(), List.of(ResourceKind.values()),
            List.of(Licence.values()), List.of(Scope.values()), GRADES, BOOK_SERIES, LANGUAGES, found.getT1(), caller.districtAdmin(),
            found.getT2()));
    }

    /** The form's fields: an item's metadata and sharing as they are, or a new item's defaults. */
    record Form(String title, String creator, String subject, String description, String publisher, String date, String language,
            String rights, String subjectCode, List<Integer> grades, String bookSeries, @Nullable ResourceKind kind, String tags,
            Licence licence, @Nullable String schoolId, Scope scope, List<String> classIds) {

        static Form blank(@Nullable String schoolId) {
            return new Form("", "", "", "", "", "", "vi", "", "", List.of(), "", null, "", Licence.CC_BY_4_0, schoolId, Scope.SCHOOL,
                List.of());
        }

        static Form of(LibraryItem item) {
            Metadata m = item.metadata();
            return new Form(m.title(), text(m.creator()), text(m.subject()), text(m.description()), text(m.publisher()),
                m.date() == null ? "" : m.date().toString(), m.language() == null ? "vi" : m.language(), text(m.rights()), m.subjectCode(),
                m.grades(), text(m.bookSeries()), m.kind(), String.join(", ", m.tags() == null ? List.of() : m.tags()), m.licence(),
                item.schoolId(), item.scope(), new ArrayList<>(item.classIds()));
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] staff = { Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            exchanges.pathMatchers(HttpMethod.GET, "/library/items/*").authenticated()
                .pathMatchers(HttpMethod.GET, "/library/upload", "/library/items/*/edit").hasAnyRole(staff);
        }
    }
}
