package vn.edu.lms.api.classlist.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import de.siegmar.fastcsv.writer.CsvWriter;
import vn.edu.lms.api.spreadsheet.SpreadsheetText;

/** The class list as CSV, for Excel: UTF-8 with BOM, comma-separated, CRLF, dates dd/MM/yyyy. */
public final class ClassListCsv {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ClassListCsv() {
    }

    /**
     * Writes the BOM (so Excel reads the file as UTF-8, not the ANSI code page), the header and the
     * rows; flushes but does not close {@code out}. {@code out} must encode UTF-8.
     */
    public static void write(List<ClassListExportRow> rows, Writer out) {
        try {
            out.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Mã định danh", "Tên đăng nhập");
            for (ClassListExportRow row : rows) {
                csv.writeRecord(Integer.toString(row.number()), text(row.fullName()), date(row.dateOfBirth()),
                    text(row.gender()), text(row.identifier()), text(row.username()));
            }
            // Not closed: that would close the caller's writer.
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : SpreadsheetText.neutralise(value);
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
