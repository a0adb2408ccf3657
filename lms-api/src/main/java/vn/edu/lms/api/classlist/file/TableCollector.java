package vn.edu.lms.api.classlist.file;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns rows in file order into a {@link ClassListTable}: finds the header within the first rows,
 * checks the required columns, keeps non-blank data rows and refuses a file with too many.
 */
final class TableCollector {

    /** School software puts at most a handful of title rows above the header. */
    static final int HEADER_SEARCH_ROWS = 30;

    /** No class-list cell is that long; a longer one means a hostile or broken file. */
    static final int MAX_CELL_LENGTH = 1000;

    /** The text of one row's cells, by 0-based column; "" where there is no cell. */
    interface RowCells {
        int width();

        String text(int column);
    }

    private final int maxRows;
    private final long maxScannedRows;
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final Map<Column, String> headers = new EnumMap<>(Column.class);
    private final List<SourceRow> rows = new ArrayList<>();
    private boolean headerFound;
    private long scannedRows;

    TableCollector(int maxRows) {
        this.maxRows = maxRows;
        // Blank rows after the header are skipped, but not without end.
        this.maxScannedRows = 10L * maxRows + 1000;
    }

    /** @param rowNumber 1-based, as a spreadsheet shows it; increasing */
    void accept(int rowNumber, RowCells cells) {
        if (!headerFound) {
            if (rowNumber > HEADER_SEARCH_ROWS) {
                throw ClassListProblems.noHeader();
            }
            findHeader(cells);
            return;
        }
        if (++scannedRows > maxScannedRows) {
            throw ClassListProblems.tooManyRows(maxRows);
        }
        Map<Column, String> values = new EnumMap<>(Column.class);
        boolean blank = true;
        for (Map.Entry<Column, Integer> column : columns.entrySet()) {
            String text = checked(cells.text(column.getValue()));
            values.put(column.getKey(), text);
            blank &= text.isEmpty();
        }
        if (blank) {
            return;
        }
        if (rows.size() == maxRows) {
            throw ClassListProblems.tooManyRows(maxRows);
        }
        rows.add(new SourceRow(rowNumber, values));
    }

    ClassListTable table() {
        if (!headerFound) {
            throw ClassListProblems.noHeader();
        }
        return new ClassListTable(headers, rows);
    }

    /**
     * How many columns the row would give if it were the header; 0 if it is not one. Used to choose
     * a CSV file's separator.
     */
    static int headerScore(RowCells cells) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        recognise(cells, found, new EnumMap<>(Column.class));
        return isHeader(found) ? found.size() : 0;
    }

    private void findHeader(RowCells cells) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        Map<Column, String> texts = new EnumMap<>(Column.class);
        recognise(cells, found, texts);
        if (!isHeader(found)) {
            return;
        }
        boolean hasName = found.containsKey(Column.NAME)
            || found.containsKey(Column.FAMILY_AND_MIDDLE) && found.containsKey(Column.GIVEN_NAME);
        if (!hasName) {
            throw ClassListProblems.missingColumn(Column.NAME);
        }
        for (Column required : List.of(Column.DATE_OF_BIRTH, Column.IDENTIFIER)) {
            if (!found.containsKey(required)) {
                throw ClassListProblems.missingColumn(required);
            }
        }
        columns.putAll(found);
        headers.putAll(texts);
        headerFound = true;
    }

    private static boolean isHeader(Map<Column, Integer> found) {
        return found.containsKey(Column.NAME) || found.containsKey(Column.GIVEN_NAME);
    }

    /** The first cell naming a column wins. */
    private static void recognise(RowCells cells, Map<Column, Integer> found, Map<Column, String> texts) {
        int width = cells.width();
        for (int index = 0; index < width; index++) {
            String text = cells.text(index);
            // A long title cell is no header label, and no reason to refuse the file.
            if (text.isEmpty() || text.length() > MAX_CELL_LENGTH) {
                continue;
            }
            Optional<Column> column = HeaderLabels.recognise(text);
            if (column.isPresent() && !found.containsKey(column.get())) {
                found.put(column.get(), index);
                texts.put(column.get(), text);
            }
        }
    }

    /** Refuses an overlong cell rather than cutting it: a cut name or identifier would be wrong data. */
    private static String checked(String text) {
        if (text.length() > MAX_CELL_LENGTH) {
            throw ClassListProblems.unreadable(null);
        }
        return text;
    }

    /** Trimmed, with no-break spaces (common in copied names) made plain spaces. */
    static String clean(String text) {
        return text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').strip();
    }
}
