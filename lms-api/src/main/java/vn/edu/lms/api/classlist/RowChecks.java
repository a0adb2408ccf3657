package vn.edu.lms.api.classlist;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.account.Names;
import vn.edu.lms.api.classlist.file.ClassListTable;
import vn.edu.lms.api.classlist.file.Column;
import vn.edu.lms.api.classlist.file.SourceRow;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.student.Student;

/**
 * The checks every row of a class list passes before anything is written: each problem is named
 * by row, column (as the file heads it) and reason. Pure rules, no database: matching against the
 * students the district already has comes after.
 */
final class RowChecks {

    /** Letters (with Vietnamese marks), spaces, and the apostrophes, dots and hyphens some names carry. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}]+([ '.-][\\p{L}\\p{M}]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z]{4,20}");
    private static final List<DateTimeFormatter> DATES = List.of(
        DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ISO_LOCAL_DATE);
    /** Ages on 1 September that a primary or lower-secondary pupil can have, held back or early. */
    private static final int YOUNGEST = 4;
    private static final int OLDEST = 20;

    private RowChecks() {
    }

    /**
     * Where the rows go.
     *
     * @param classesByName  the year's open classes, by name as the school writes it ("5A")
     * @param onlyClass      set when a homeroom teacher imports into their class: rows name it or no class
     */
    record Target(int startYear, Map<String, SchoolClass> classesByName, @Nullable SchoolClass onlyClass) {
    }

    /** A row that passed every check. */
    record Draft(int rowNumber, String fullName, LocalDate dateOfBirth, Student.Gender gender, String identifier, SchoolClass target) {
        @Override
        public String toString() {
            return "Draft[" + rowNumber + "]";
        }
    }

    record Result(List<Draft> drafts, List<ClassListImport.RowProblem> problems) {
    }

    static Result check(ClassListTable table, Target target) {
        List<ClassListImport.RowProblem> problems = new ArrayList<>();
        Map<Column, String> headers = table.headers();
        if (!headers.containsKey(Column.GENDER)) {
            problems.add(new ClassListImport.RowProblem(0, "Giới tính", "missing-column", List.of("Giới tính")));
        }
        if (!headers.containsKey(Column.CLASS) && target.onlyClass() == null) {
            problems.add(new ClassListImport.RowProblem(0, "Lớp", "missing-column", List.of("Lớp")));
        }
        if (table.rows().isEmpty()) {
            problems.add(new ClassListImport.RowProblem(0, "", "no-rows", List.of()));
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<Draft> drafts = new ArrayList<>();
        Map<String, Integer> firstRowOfIdentifier = new HashMap<>();
        for (SourceRow row : table.rows()) {
            RowCheck check = new RowCheck(row, headers, problems);
            String fullName = check.name();
            LocalDate dateOfBirth = check.dateOfBirth(target.startYear());
            Student.Gender gender = check.gender();
            String identifier = check.identifier(firstRowOfIdentifier);
            SchoolClass schoolClass = check.schoolClass(target);
            if (check.passed()) {
                drafts.add(new Draft(row.rowNumber(), fullName, dateOfBirth, gender, identifier, schoolClass));
            }
        }
        return new Result(drafts, problems);
    }

    /** "5a", "Lớp 5A", " 5 A " all name class 5A. */
    static String className(String written) {
        String folded = Names.fold(written.replaceAll("\\s+", ""));
        return (folded.startsWith("lop") ? folded.substring(3) : folded).toUpperCase(Locale.ROOT);
    }

    /** The checks of one row; each records its problem and returns null when its cell fails. */
    private static final class RowCheck {
        private final SourceRow row;
        private final Map<Column, String> headers;
        private final List<ClassListImport.RowProblem> problems;
        private boolean passed = true;

        RowCheck(SourceRow row, Map<Column, String> headers, List<ClassListImport.RowProblem> problems) {
            this.row = row;
            this.headers = headers;
            this.problems = problems;
        }

        boolean passed() {
            return passed;
        }

        private String value(Column column) {
            return Optional.ofNullable(row.values().get(column)).orElse("").strip();
        }

        private void problem(Column column, String code, String... arguments) {
            passed = false;
            problems.add(new ClassListImport.RowProblem(row.rowNumber(), headers.getOrDefault(column, ""), code, List.of(arguments)));
        }

        @Nullable String name() {
            Column column = headers.containsKey(Column.NAME) ? Column.NAME : Column.GIVEN_NAME;
            String written = headers.containsKey(Column.NAME) ? value(Column.NAME)
                : (value(Column.FAMILY_AND_MIDDLE) + " " + value(Column.GIVEN_NAME));
            String name = Normalizer.normalize(written, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                problem(column, "required");
                return null;
            }
            if (name.length() > 100 || !NAME.matcher(name).matches()) {
                problem(column, "invalid-name");
                return null;
            }
            return name;
        }

        @Nullable LocalDate dateOfBirth(int startYear) {
            String written = value(Column.DATE_OF_BIRTH);
            if (written.isEmpty()) {
                problem(Column.DATE_OF_BIRTH, "required");
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    LocalDate date = LocalDate.parse(written, format);
                    LocalDate yearStart = LocalDate.of(startYear, Month.SEPTEMBER, 1);
                    if (date.isAfter(yearStart.minusYears(YOUNGEST)) || date.isBefore(yearStart.minusYears(OLDEST))) {
                        problem(Column.DATE_OF_BIRTH, "implausible-date", written);
                        return null;
                    }
                    return date;
                } catch (DateTimeException notThisFormat) {
                    // try the next way of writing a date
                }
            }
            problem(Column.DATE_OF_BIRTH, "invalid-date", written);
            return null;
        }

        Student.@Nullable Gender gender() {
            String written = value(Column.GENDER);
            switch (Names.fold(written)) {
                case "nam", "m", "male", "trai" -> {
                    return Student.Gender.MALE;
                }
                case "nu", "f", "female", "gai" -> {
                    return Student.Gender.FEMALE;
                }
                case "" -> problem(Column.GENDER, "required");
                default -> problem(Column.GENDER, "invalid-gender", written);
            }
            return null;
        }

        @Nullable String identifier(Map<String, Integer> firstRowOfIdentifier) {
            String written = value(Column.IDENTIFIER);
            if (written.isEmpty()) {
                problem(Column.IDENTIFIER, "required");
                return null;
            }
            if (!IDENTIFIER.matcher(written).matches()) {
                problem(Column.IDENTIFIER, "invalid-identifier", written);
                return null;
            }
            String identifier = written.toUpperCase(Locale.ROOT);
            Integer first = firstRowOfIdentifier.putIfAbsent(identifier, row.rowNumber());
            if (first != null) {
                problem(Column.IDENTIFIER, "duplicate-identifier", written, String.valueOf(first));
                return null;
            }
            return identifier;
        }

        @Nullable SchoolClass schoolClass(Target target) {
            String written = value(Column.CLASS);
            if (target.onlyClass() != null) {
                if (written.isEmpty() || className(written).equals(target.onlyClass().name())) {
                    return target.onlyClass();
                }
                problem(Column.CLASS, "other-class", written, target.onlyClass().name());
                return null;
            }
            if (written.isEmpty()) {
                problem(Column.CLASS, "required");
                return null;
            }
            SchoolClass schoolClass = target.classesByName().get(className(written));
            if (schoolClass == null) {
                problem(Column.CLASS, "unknown-class", written);
            }
            return schoolClass;
        }
    }
}
