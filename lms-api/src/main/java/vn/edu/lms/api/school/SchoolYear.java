package vn.edu.lms.api.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school year (năm học) of one school, September to May, in two terms (học kỳ I, II). Its id is
 * {@code <schoolId>:<startYear>}, so a year exists once per school.
 *
 * @param startYear     the calendar year it starts in: 2026 for 2026–2027
 * @param rolledOverTo  the next year's id, once this year's classes were promoted into it
 */
@Document("school_years")
public record SchoolYear(
    @Id String id,
    String schoolId,
    int startYear,
    List<Term> terms,
    @Nullable String rolledOverTo,
    Instant createdAt,
    @Version @Nullable Long version) {

    public SchoolYear {
        terms = List.copyOf(terms);
    }

    public static String idOf(String schoolId, int startYear) {
        return schoolId + ":" + startYear;
    }

    /** "2026–2027", as schools write it. */
    public String label() {
        return startYear + "–" + (startYear + 1);
    }

    /** The term a day falls in, if any (days between terms and in summer fall in none). */
    public Optional<Term> termOn(LocalDate day) {
        return terms.stream().filter(term -> !day.isBefore(term.starts()) && !day.isAfter(term.ends())).findFirst();
    }

    /**
     * A term (học kỳ).
     *
     * @param number  1 for học kỳ I, 2 for học kỳ II
     */
    public record Term(int number, LocalDate starts, LocalDate ends) {
    }
}
