package vn.edu.lms.web.library;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;

/**
 * What the library's pages show for the codes and ids an item holds: subjects by their name in the
 * page's language, schools and people by name, sizes in words. Templates call it as
 * {@code ${@libraryNames.subject(code, #locale)}}.
 */
@Component("libraryNames")
class LibraryNames {

    private static final String[] UNITS = { "B", "KB", "MB", "GB" };

    private final SubjectCatalogue catalogue;
    private final Schools schools;
    private final AccountDirectory accounts;

    LibraryNames(SubjectCatalogue catalogue, Schools schools, AccountDirectory accounts) {
        this.catalogue = catalogue;
        this.schools = schools;
        this.accounts = accounts;
    }

    /** Every subject of the curriculum, in its order. */
    List<Subject> subjects() {
        return catalogue.all();
    }

    /** The subject's name in the page's language, or the code itself for a subject the curriculum no longer has. */
    public String subject(String code, Locale locale) {
        return catalogue.name(code, locale);
    }

    /** A size as people read it: 830 KB, 1,2 MB (the decimal comma in Vietnamese). */
    public String size(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = unit == 0 || value >= 10 ? String.valueOf(Math.round(value)) : String.format(locale, "%.1f", value);
        return number + " " + UNITS[unit];
    }

    Mono<Map<String, String>> schools(Collection<String> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : schools.schools(List.copyOf(ids)).collectMap(School::id, School::name);
    }

    Mono<Map<String, String>> people(Collection<String> ids) {
        return ids.isEmpty() ? Mono.just(Map.of())
            : accounts.people(List.copyOf(ids)).collectMap(AccountDirectory.Person::id, AccountDirectory.Person::fullName);
    }
}
