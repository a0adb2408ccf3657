package vn.edu.lms.api.classlist.file;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header found: for each recognised column, the header text exactly as written in the file (for
 * error messages: "Ngày sinh"); and the data rows in file order.
 */
public record ClassListTable(Map<Column, String> headers, List<SourceRow> rows) {

    public ClassListTable {
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        rows = List.copyOf(rows);
    }

    /** Headers and a count only: the rows are personal data. */
    @Override
    public String toString() {
        return "ClassListTable[headers=" + headers + ", rows=" + rows.size() + "]";
    }
}
