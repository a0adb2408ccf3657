package vn.edu.lms.api.classlist.file;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A data row as the file shows it: its row number as a spreadsheet shows it (1-based, counting
 * title rows; for CSV the line on which the record starts, 1-based), and the trimmed text of each
 * recognised column present in the header (absent columns are absent from the map; blank cells are
 * "").
 */
public record SourceRow(int rowNumber, Map<Column, String> values) {

    public SourceRow {
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** Row number and columns only: the values are personal data and must not reach a log. */
    @Override
    public String toString() {
        return "SourceRow[rowNumber=" + rowNumber + ", columns=" + values.keySet() + "]";
    }
}
