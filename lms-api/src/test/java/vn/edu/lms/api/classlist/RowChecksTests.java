package vn.edu.lms.api.classlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.classlist.file.ClassListTable;
import vn.edu.lms.api.classlist.file.Column;
import vn.edu.lms.api.classlist.file.SourceRow;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.student.Student;

class RowChecksTests {

    private static final SchoolClass CLASS_5A = new SchoolClass("c5a", "th", "th:2026", 5, "5A", null, List.of(), null, false,
        Instant.EPOCH, null);
    private static final RowChecks.Target SCHOOL_WIDE = new RowChecks.Target(2026, Map.of("5A", CLASS_5A), null);
    private static final Map<Column, String> HEADERS = headers();

    private static Map<Column, String> headers() {
        Map<Column, String> headers = new EnumMap<>(Column.class);
        headers.put(Column.NAME, "Họ và tên");
        headers.put(Column.DATE_OF_BIRTH, "Ngày sinh");
        headers.put(Column.GENDER, "Giới tính");
        headers.put(Column.CLASS, "Lớp");
        headers.put(Column.IDENTIFIER, "Mã định danh");
        return headers;
    }

    private static SourceRow row(int number, String name, String date, String gender, String className, String identifier) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        values.put(Column.NAME, name);
        values.put(Column.DATE_OF_BIRTH, date);
        values.put(Column.GENDER, gender);
        values.put(Column.CLASS, className);
        values.put(Column.IDENTIFIER, identifier);
        return new SourceRow(number, values);
    }

    private static RowChecks.Result check(SourceRow... rows) {
        return RowChecks.check(new ClassListTable(HEADERS, List.of(rows)), SCHOOL_WIDE);
    }

    @Test
    void aGoodRowBecomesADraftWithItsDateGenderAndClass() {
        RowChecks.Result result = check(row(6, "  Nguyễn  Thị Thu Hà ", "9/8/2015", "Nữ", "lớp 5a", "001315682665"));
        assertThat(result.problems()).isEmpty();
        RowChecks.Draft draft = result.drafts().get(0);
        assertThat(draft.fullName()).isEqualTo("Nguyễn Thị Thu Hà");
        assertThat(draft.dateOfBirth()).isEqualTo(LocalDate.of(2015, 8, 9));
        assertThat(draft.gender()).isEqualTo(Student.Gender.FEMALE);
        assertThat(draft.target()).isEqualTo(CLASS_5A);
    }

    @Test
    void datesAreReadAsSchoolsWriteThemAndImpossibleOnesAreNamed() {
        assertThat(check(row(6, "Trần Đức Anh", "2015-02-28", "Nam", "5A", "0012150001")).problems()).isEmpty();
        assertThat(check(row(6, "Trần Đức Anh", "28.02.2015", "Nam", "5A", "0012150001")).problems()).isEmpty();
        assertThat(check(row(7, "Trần Đức Anh", "29/02/2015", "Nam", "5A", "0012150001")).problems())
            .containsExactly(new ClassListImport.RowProblem(7, "Ngày sinh", "invalid-date", List.of("29/02/2015")));
        assertThat(check(row(8, "Trần Đức Anh", "01/01/2024", "Nam", "5A", "0012150001")).problems())
            .extracting(ClassListImport.RowProblem::code).containsExactly("implausible-date");
    }

    @Test
    void everyBadCellOfEveryRowIsReportedAndNoDraftComesOfABadRow() {
        RowChecks.Result result = check(
            row(6, "=HYPERLINK(\"http://x\")", "", "X", "9Z", "12"),
            row(7, "Lê Ngọc Ánh", "24/11/2015", "Nữ", "5A", "001315233930"),
            row(8, "Lê Ngọc Ánh", "24/11/2015", "Nữ", "5A", "001315233930"));
        assertThat(result.drafts()).extracting(RowChecks.Draft::rowNumber).containsExactly(7);
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.code()).containsExactly(
            "6 Họ và tên invalid-name", "6 Ngày sinh required", "6 Giới tính invalid-gender", "6 Mã định danh invalid-identifier",
            "6 Lớp unknown-class", "8 Mã định danh duplicate-identifier");
    }

    @Test
    void aHomeroomTeachersImportTakesRowsOfTheirClassOnly() {
        RowChecks.Target onlyThere = new RowChecks.Target(2026, Map.of(), CLASS_5A);
        RowChecks.Result result = RowChecks.check(new ClassListTable(HEADERS, List.of(
            row(6, "Trần Đức Anh", "19/08/2015", "Nam", "", "0012150001"),
            row(7, "Lê Ngọc Ánh", "24/11/2015", "Nữ", "5B", "0012150002"))), onlyThere);
        assertThat(result.drafts()).hasSize(1);
        assertThat(result.problems()).containsExactly(new ClassListImport.RowProblem(7, "Lớp", "other-class", List.of("5B", "5A")));
    }

    @Test
    void aListWithoutGenderOrClassColumnIsRefusedAsAWhole() {
        Map<Column, String> headers = new EnumMap<>(HEADERS);
        headers.remove(Column.GENDER);
        headers.remove(Column.CLASS);
        RowChecks.Result result = RowChecks.check(new ClassListTable(headers, List.of()), SCHOOL_WIDE);
        assertThat(result.problems()).extracting(ClassListImport.RowProblem::code)
            .containsExactly("missing-column", "missing-column", "no-rows");
    }
}
