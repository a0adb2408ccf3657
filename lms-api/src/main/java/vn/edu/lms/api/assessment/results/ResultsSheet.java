package vn.edu.lms.api.assessment.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import de.siegmar.fastcsv.writer.CsvWriter;
import vn.edu.lms.api.spreadsheet.SpreadsheetText;

/**
 * A session's results as a spreadsheet (XLSX) and as CSV, one row per student, so that teachers can
 * keep, print or paste them into the school's records. Columns: the student columns, the paper
 * code, the score, then the points of each question in the order of the paper.
 * <p>
 * Scores are written as numbers, never as text, so that the sheet can average and sort them. Names
 * and other text come from users and are neutralised against formula injection (OWASP "CSV
 * injection"): text starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that {@code =HYPERLINK(…)} typed as a name stays text when the file is opened.
 * Blocking: the caller runs it off the event loop.
 */
public final class ResultsSheet {

    /** Rows kept in memory while writing XLSX; older rows go to a temporary file. */
    private static final int ROW_WINDOW = 50;
    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 1;
    /** Columns before the score: number, name, class, identifier, state, paper code. */
    private static final int SCORE_COLUMN = 6;
    /** Number and name stay in view when scrolling right through the questions. */
    private static final int FROZEN_COLUMNS = 2;
    /** Column widths in characters, up to the score column. */
    private static final int[] WIDTHS = {6, 28, 8, 14, 14, 8, 8};
    private static final int ITEM_WIDTH = 8;
    private static final String SCORE_FORMAT = "0.0";
    /** Question points go down to 0.25 (and 0.1 in a true/false group): more decimals than a score. */
    private static final String POINTS_FORMAT = "0.0##";

    private ResultsSheet() {
    }

    /**
     * The results of one session.
     *
     * @param title       written above the table in the spreadsheet (e.g. the test, class and date)
     * @param itemHeaders one header per question column, in the order of the paper ("Câu 1", …)
     */
    public record Table(String title, List<String> itemHeaders, List<Row> rows) {

        /** @throws IllegalArgumentException if a row has more question points than there are question columns */
        public Table {
            itemHeaders = List.copyOf(itemHeaders);
            rows = List.copyOf(rows);
            for (Row row : rows) {
                if (row.itemPoints().size() > itemHeaders.size()) {
                    throw new IllegalArgumentException("Row " + row.number() + " has " + row.itemPoints().size()
                        + " question points for " + itemHeaders.size() + " question columns");
                }
            }
        }
    }

    /**
     * One student's line.
     *
     * @param identifier the student's code (mã học sinh)
     * @param state      already worded for the reader ("Đã nộp", "Chưa làm", …)
     * @param paperCode  the paper's code (mã đề); null when there is none
     * @param score      the score on the 10-point scale; null when not (yet) scored
     * @param itemPoints the points earned per question column; null for a question not (yet) marked.
     *                   Fewer than the columns (a student who did not sit the test) leaves the rest empty
     */
    public record Row(int number, String fullName, String className, String identifier, String state,
        @Nullable String paperCode, @Nullable BigDecimal score, List<@Nullable BigDecimal> itemPoints) {

        public Row {
            // List.copyOf refuses nulls, and an unmarked question is one.
            itemPoints = Collections.unmodifiableList(new ArrayList<>(itemPoints));
        }
    }

    /** The header of each student column, in the reader's language. */
    public record Labels(String number, String fullName, String className, String identifier, String state,
        String paperCode, String score) {
    }

    /**
     * Writes {@code table} as an XLSX workbook of one sheet: the title in the first row, a bold header
     * row frozen with the number and name columns, then one row per student. Streams, so a long
     * table does not sit in memory; the temporary files are deleted even when writing fails. Does
     * not close {@code out}.
     */
    public static void xlsx(Table table, Labels labels, OutputStream out) throws IOException {
        // close() deletes the temporary files, on failure too (POI bug 68183; dispose() is deprecated in our POI).
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            Styles styles = new Styles(workbook);
            // A sheet name is at most 31 characters, without : \ / ? * [ ]; POI would call a blank one "empty".
            SXSSFSheet sheet = workbook.createSheet(
                WorkbookUtil.createSafeSheetName(table.title().isBlank() ? labels.score() : table.title()));
            List<String> header = header(table, labels);
            for (int column = 0; column < header.size(); column++) {
                sheet.setColumnWidth(column, 256 * (column < WIDTHS.length ? WIDTHS[column] : ITEM_WIDTH));
            }
            text(sheet.createRow(TITLE_ROW), 0, table.title(), styles.title);
            SXSSFRow headerRow = sheet.createRow(HEADER_ROW);
            for (int column = 0; column < header.size(); column++) {
                text(headerRow, column, header.get(column), styles.header);
            }
            sheet.createFreezePane(FROZEN_COLUMNS, HEADER_ROW + 1);

            int rowIndex = HEADER_ROW + 1;
            for (Row row : table.rows()) {
                SXSSFRow sheetRow = sheet.createRow(rowIndex++);
                List<@Nullable Object> values = values(row, table.itemHeaders().size());
                for (int column = 0; column < values.size(); column++) {
                    @Nullable Object value = values.get(column);
                    if (value instanceof String string) {
                        text(sheetRow, column, string, null);
                    } else if (value instanceof Integer integer) {
                        sheetRow.createCell(column).setCellValue(integer);
                    } else if (value instanceof BigDecimal number) {
                        // A spreadsheet holds binary doubles; the conversion happens here, at the edge.
                        Cell cell = sheetRow.createCell(column);
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(column == SCORE_COLUMN ? styles.score : styles.points);
                    }
                }
            }
            workbook.write(out);
        }
    }

    /**
     * Writes {@code table} as CSV: the header, then one record per student; no title line, so that
     * other programs can read it. Numbers with a dot as the decimal separator, whatever the locale;
     * an empty field where there is no value. Flushes but does not close {@code out}; the encoding
     * (and any byte-order mark) is the caller's.
     */
    public static void csv(Table table, Labels labels, Writer out) throws IOException {
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord(header(table, labels).stream().map(ResultsSheet::neutralise).toList());
            for (Row row : table.rows()) {
                csv.writeRecord(values(row, table.itemHeaders().size()).stream().map(ResultsSheet::csvField).toList());
            }
            // Not closed: that would close the caller's writer.
            csv.flush();
        } catch (UncheckedIOException e) {
            // FastCSV wraps the writer's IOException.
            throw e.getCause();
        }
    }

    private static List<String> header(Table table, Labels labels) {
        List<String> header = new ArrayList<>(List.of(labels.number(), labels.fullName(), labels.className(),
            labels.identifier(), labels.state(), labels.paperCode(), labels.score()));
        header.addAll(table.itemHeaders());
        return header;
    }

    /** The row's values column by column: Integer, String or BigDecimal; null for an empty cell. */
    private static List<@Nullable Object> values(Row row, int itemColumns) {
        List<@Nullable Object> values = new ArrayList<>(List.of(row.number(), row.fullName(), row.className(),
            row.identifier(), row.state()));
        values.add(row.paperCode());
        values.add(row.score());
        values.addAll(row.itemPoints());
        while (values.size() < SCORE_COLUMN + 1 + itemColumns) {
            values.add(null);
        }
        return values;
    }

    private static String csvField(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value instanceof String string ? neutralise(string) : value.toString();
    }

    /** Always a string cell, never a formula. */
    private static void text(SXSSFRow row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(neutralise(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static String neutralise(String value) {
        return SpreadsheetText.neutralise(value);
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle score;
        final CellStyle points;

        Styles(SXSSFWorkbook workbook) {
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font bold = workbook.createFont();
            bold.setBold(true);

            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            score = workbook.createCellStyle();
            score.setDataFormat(workbook.createDataFormat().getFormat(SCORE_FORMAT));
            points = workbook.createCellStyle();
            points.setDataFormat(workbook.createDataFormat().getFormat(POINTS_FORMAT));
        }
    }
}
