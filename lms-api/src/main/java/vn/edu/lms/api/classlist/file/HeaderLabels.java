package vn.edu.lms.api.classlist.file;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import vn.edu.lms.api.account.Names;

/** The header texts school software writes, recognised without diacritics, case or punctuation. */
final class HeaderLabels {

    private static final Map<String, Column> LABELS = new HashMap<>();

    /** How a missing column is named in the error message. */
    private static final Map<Column, String> VIETNAMESE = new EnumMap<>(Map.of(
        Column.NAME, "Họ và tên",
        Column.FAMILY_AND_MIDDLE, "Họ đệm",
        Column.GIVEN_NAME, "Tên",
        Column.DATE_OF_BIRTH, "Ngày sinh",
        Column.GENDER, "Giới tính",
        Column.CLASS, "Lớp",
        Column.IDENTIFIER, "Mã định danh"));

    static {
        labels(Column.NAME, "ho va ten", "ho ten", "ho va ten hoc sinh", "ho ten hoc sinh");
        labels(Column.FAMILY_AND_MIDDLE, "ho dem", "ho va ten dem", "ho va dem");
        labels(Column.GIVEN_NAME, "ten");
        labels(Column.DATE_OF_BIRTH, "ngay sinh", "ngay thang nam sinh");
        labels(Column.GENDER, "gioi tinh", "gioi");
        labels(Column.CLASS, "lop", "ten lop");
        labels(Column.IDENTIFIER, "ma dinh danh", "ma dinh danh ca nhan", "ma hoc sinh", "ma hs",
            "ma dinh danh hoc sinh", "so dinh danh ca nhan");
    }

    private HeaderLabels() {
    }

    private static void labels(Column column, String... folded) {
        for (String label : folded) {
            LABELS.put(label, column);
        }
    }

    /** The column a header cell names, if any ("Ngày, tháng, năm sinh:" → DATE_OF_BIRTH). */
    static Optional<Column> recognise(String headerText) {
        return Optional.ofNullable(LABELS.get(normalise(headerText)));
    }

    static String vietnamese(Column column) {
        return VIETNAMESE.get(column);
    }

    /** Folded, commas removed, spaces collapsed, a trailing ":" or "*" (required-field mark) dropped. */
    static String normalise(String text) {
        String folded = Names.fold(text.replace(',', ' '));
        int end = folded.length();
        while (end > 0 && (folded.charAt(end - 1) == ':' || folded.charAt(end - 1) == '*'
            || folded.charAt(end - 1) == ' ')) {
            end--;
        }
        return folded.substring(0, end);
    }
}
