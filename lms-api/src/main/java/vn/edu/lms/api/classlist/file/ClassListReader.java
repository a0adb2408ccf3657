package vn.edu.lms.api.classlist.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.RecordFormatException;
import org.jspecify.annotations.Nullable;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Reads the class lists schools export from their software (SMAS, vnEdu, CSDL ngành): CSV in UTF-8
 * (with or without BOM; separated by comma, semicolon or tab), XLSX (first sheet, streamed) or
 * legacy XLS. Title rows above the header and footer rows below the data are expected.
 *
 * <p>Every malformed or hostile file ends as an {@link vn.edu.lms.content.platform.LmsProblem}
 * (422): too many rows, zip bombs, encrypted, truncated or random files, cells over
 * {@value TableCollector#MAX_CELL_LENGTH} characters (refused, not cut). Reading stops as soon as a
 * limit is passed, so a huge file costs little.
 */
public final class ClassListReader {

    /** No sheet of a class list comes near this; POI refuses to inflate a larger zip entry. */
    static final long MAX_ZIP_ENTRY_SIZE = 100L * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final int SNIFFED_BYTES = 8192;
    private static final char BOM = '\uFEFF';
    private static final char[] SEPARATORS = {',', ';', '\t'};
    /** One CSV record; far above any real class-list line. */
    private static final int MAX_CSV_RECORD_CHARS = 64 * 1024;

    static {
        // POI's zip-bomb limits are process-wide: only ever tighten them. The minimum inflate ratio
        // (1%) stays POI's default.
        if (ZipSecureFile.getMaxEntrySize() > MAX_ZIP_ENTRY_SIZE) {
            ZipSecureFile.setMaxEntrySize(MAX_ZIP_ENTRY_SIZE);
        }
    }

    private final int maxRows;

    /** @param maxRows the most data rows accepted; one more and the file is refused */
    public ClassListReader(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        this.maxRows = maxRows;
    }

    /** Blocking; the caller runs it on a file-io scheduler. Detects the format from the bytes, never from the name. */
    public ClassListTable read(Path file) {
        byte[] head = head(file);
        if (startsWith(head, ZIP)) {
            return readXlsx(file);
        }
        if (startsWith(head, OLE2)) {
            return readXls(file);
        }
        return readCsv(file, head);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFFED_BYTES);
        } catch (IOException e) {
            // The caller's own file: not a problem with its content.
            throw new UncheckedIOException(e);
        }
    }

    // ---- XLSX and XLS

    private ClassListTable readXlsx(Path file) {
        try (Workbook workbook = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(file.toFile())) {
            return collect(guarded(() -> workbook.getSheetAt(0)));
        } catch (IOException | UncheckedIOException | ExcelRuntimeException | POIXMLException
            | OpenXML4JRuntimeException | UnsupportedFileFormatException | RecordFormatException e) {
            // Zip bombs, truncated or non-workbook zips and malformed XML all end here.
            throw ClassListProblems.unreadable(e);
        }
    }

    private ClassListTable readXls(Path file) {
        try (POIFSFileSystem container = openContainer(file)) {
            // A password-protected .xlsx is an encrypted package inside an OLE2 container.
            if (container.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)
                || container.getRoot().hasEntry("EncryptionInfo")) {
                throw ClassListProblems.unreadable(null);
            }
            try (HSSFWorkbook workbook = openXls(container)) {
                return collect(guarded(() -> workbook.getSheetAt(0)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw ClassListProblems.unreadable(e);
        }
    }

    /*
     * The OLE2 and BIFF parsers fail on hostile input with all sorts of runtime exceptions; only
     * these library calls are guarded so broadly.
     */
    private static POIFSFileSystem openContainer(Path file) throws IOException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (RuntimeException e) {
            throw ClassListProblems.unreadable(e);
        }
    }

    private static HSSFWorkbook openXls(POIFSFileSystem container) throws IOException {
        try {
            return new HSSFWorkbook(container.getRoot(), true);
        } catch (RuntimeException e) {
            throw ClassListProblems.unreadable(e);
        }
    }

    private ClassListTable collect(Sheet sheet) {
        TableCollector collector = new TableCollector(maxRows);
        Iterator<Row> rows = guarded(sheet::iterator);
        while (guarded(rows::hasNext)) {
            Row row = guarded(rows::next);
            collector.accept(row.getRowNum() + 1, new SheetRowCells(row));
        }
        return collector.table();
    }

    /**
     * Runs a call into the workbook parsers. The streaming XLSX parser reads the sheet XML as rows
     * are asked for, and fails on a hand-made or damaged file with whatever runtime exception its
     * parsing meets (a NumberFormatException for a bad cell reference, an IndexOutOfBoundsException
     * for a workbook without sheets, ...). Only such library calls are guarded this broadly, so that
     * our own mistakes still surface.
     */
    private static <T> T guarded(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw ClassListProblems.unreadable(e);
        }
    }

    private static final class SheetRowCells implements TableCollector.RowCells {

        private final Row row;

        SheetRowCells(Row row) {
            this.row = row;
        }

        @Override
        public int width() {
            return Math.max(0, row.getLastCellNum());
        }

        @Override
        public String text(int column) {
            Cell cell = row.getCell(column);
            return cell == null ? "" : TableCollector.clean(cellText(cell));
        }
    }

    /**
     * A cell as text: dates as ISO dates, integral numbers without exponent or ".0", formulas as
     * their cached value (never evaluated), errors blank.
     */
    static String cellText(Cell cell) {
        return guarded(() -> {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) {
                type = cell.getCachedFormulaResultType();
            }
            switch (type) {
                case STRING:
                    return cell.getStringCellValue();
                case NUMERIC:
                    return DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case BOOLEAN:
                    return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                default:
                    return "";
            }
        });
    }

    // ---- CSV

    private ClassListTable readCsv(Path file, byte[] head) {
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE})
            || startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            // Excel's "Unicode text": UTF-16.
            throw ClassListProblems.notUtf8(null);
        }
        for (byte b : head) {
            if (b == 0) {
                // A binary file (PDF, image, ...): no CSV has a NUL byte.
                throw ClassListProblems.unreadable(null);
            }
        }
        char separator = separator(file);
        TableCollector collector = new TableCollector(maxRows);
        try (CsvReader<CsvRecord> records = csvReader(file, separator)) {
            for (CsvRecord record : records) {
                collector.accept(lineNumber(record), new CsvRowCells(record));
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw csvProblem(e);
        }
        return collector.table();
    }

    /**
     * The separator that makes a header row within the first rows, with the most recognised
     * columns (Excel in a Vietnamese locale saves CSV with ";").
     */
    private static char separator(Path file) {
        char best = SEPARATORS[0];
        int bestScore = 0;
        for (char separator : SEPARATORS) {
            try (CsvReader<CsvRecord> records = csvReader(file, separator)) {
                for (CsvRecord record : records) {
                    if (lineNumber(record) > TableCollector.HEADER_SEARCH_ROWS) {
                        break;
                    }
                    int score = TableCollector.headerScore(new CsvRowCells(record));
                    if (score > 0) {
                        if (score > bestScore) {
                            best = separator;
                            bestScore = score;
                        }
                        break;
                    }
                }
            } catch (IOException | UncheckedIOException | CsvParseException e) {
                throw csvProblem(e);
            }
        }
        if (bestScore == 0) {
            throw ClassListProblems.noHeader();
        }
        return best;
    }

    private static CsvReader<CsvRecord> csvReader(Path file, char separator) throws IOException {
        // Strict UTF-8: a file saved as Windows-1258 or TCVN3 must be refused, not read garbled.
        Reader utf8 = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader reader = new PushbackReader(utf8, 1);
        try {
            int first = reader.read();
            if (first >= 0 && first != BOM) {
                reader.unread(first);
            }
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .maxBufferSize(MAX_CSV_RECORD_CHARS)
            .ofCsvRecord(reader);
    }

    private static int lineNumber(CsvRecord record) {
        return (int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber());
    }

    private static RuntimeException csvProblem(Exception e) {
        for (@Nullable Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return ClassListProblems.notUtf8(e);
            }
        }
        return ClassListProblems.unreadable(e);
    }

    private static final class CsvRowCells implements TableCollector.RowCells {

        private final CsvRecord record;

        CsvRowCells(CsvRecord record) {
            this.record = record;
        }

        @Override
        public int width() {
            return record.getFieldCount();
        }

        @Override
        public String text(int column) {
            return column < record.getFieldCount() ? TableCollector.clean(record.getField(column)) : "";
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
