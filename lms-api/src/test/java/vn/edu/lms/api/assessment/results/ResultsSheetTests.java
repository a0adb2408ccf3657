package vn.edu.lms.api.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import vn.edu.lms.api.assessment.results.ResultsSheet.Labels;
import vn.edu.lms.api.assessment.results.ResultsSheet.Row;
import vn.edu.lms.api.assessment.results.ResultsSheet.Table;

/** The results sheet read back as a spreadsheet program and a CSV reader would read it. */
class ResultsSheetTests {

    private static final Labels VIETNAMESE = new Labels("STT", "Họ và tên", "Lớp", "Mã học sinh", "Trạng thái",
        "Mã đề", "Điểm");
    private static final Labels ENGLISH = new Labels("No.", "Full name", "Class", "Student code", "State",
        "Paper", "Score");
    private static final String TITLE = "Kiểm tra giữa kỳ I – Toán 7 – lớp 7A";
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\";\"Bấm vào đây\")";

    private static List<@Nullable BigDecimal> points(@Nullable String... values) {
        List<@Nullable BigDecimal> points = new ArrayList<>();
        for (String value : values) {
            points.add(value == null ? null : new BigDecimal(value));
        }
        return points;
    }

    private static Table table(Row... rows) {
        return new Table(TITLE, List.of("Câu 1", "Câu 2", "Câu 3"), List.of(rows));
    }

    private static Row submitted(int number, String fullName) {
        return new Row(number, fullName, "7A", "HS00" + number, "Đã nộp", "101", new BigDecimal("6.3"),
            points("0.25", "1", null));
    }

    private static Row absent(int number, String fullName) {
        return new Row(number, fullName, "7A", "HS00" + number, "Chưa làm", null, null, List.of());
    }

    private static XSSFWorkbook xlsx(Table table, Labels labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsSheet.xlsx(table, labels, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<CsvRecord> csv(Table table, Labels labels) throws IOException {
        StringWriter out = new StringWriter();
        ResultsSheet.csv(table, labels, out);
        return CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
    }

    private static List<String> strings(org.apache.poi.ss.usermodel.Row row) {
        List<String> strings = new ArrayList<>();
        row.forEach(cell -> strings.add(cell.getStringCellValue()));
        return strings;
    }

    @Test
    void xlsxHasTheTitleABoldFrozenHeaderAndScoresAsNumbers() throws IOException {
        try (XSSFWorkbook workbook = xlsx(table(submitted(1, "Nguyễn Thị Thu Hà"), absent(2, "Trần Văn Đức")), VIETNAMESE)) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TITLE);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(1);
            assertThat(strings(header)).containsExactly("STT", "Họ và tên", "Lớp", "Mã học sinh", "Trạng thái", "Mã đề",
                "Điểm", "Câu 1", "Câu 2", "Câu 3");
            assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);

            org.apache.poi.ss.usermodel.Row ha = sheet.getRow(2);
            assertThat(ha.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(ha.getCell(1).getStringCellValue()).isEqualTo("Nguyễn Thị Thu Hà");
            assertThat(ha.getCell(4).getStringCellValue()).isEqualTo("Đã nộp");
            assertThat(ha.getCell(5).getStringCellValue()).isEqualTo("101");
            Cell score = ha.getCell(6);
            assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(score.getNumericCellValue()).isEqualTo(6.3);
            assertThat(score.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(ha.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ha.getCell(7).getNumericCellValue()).isEqualTo(0.25);
            assertThat(ha.getCell(8).getNumericCellValue()).isEqualTo(1.0);
            assertThat(ha.getCell(9)).isNull();

            org.apache.poi.ss.usermodel.Row duc = sheet.getRow(3);
            assertThat(duc.getCell(1).getStringCellValue()).isEqualTo("Trần Văn Đức");
            assertThat(duc.getCell(4).getStringCellValue()).isEqualTo("Chưa làm");
            assertThat(duc.getCell(5)).isNull();
            assertThat(duc.getCell(6)).isNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void xlsxStreamsALongTableWhole() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int number = 1; number <= 400; number++) {
            rows.add(new Row(number, "Học sinh " + number, "9A", "HS" + number, "Đã nộp", null,
                BigDecimal.valueOf(number % 101, 1), points("1", "0.5", "0")));
        }

        try (XSSFWorkbook workbook = xlsx(new Table(TITLE, List.of("Câu 1", "Câu 2", "Câu 3"), rows), VIETNAMESE)) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(sheet.getLastRowNum()).isEqualTo(401);
            assertThat(sheet.getRow(401).getCell(1).getStringCellValue()).isEqualTo("Học sinh 400");
            // 400 % 101 = 97 → 9.7
            assertThat(sheet.getRow(401).getCell(6).getNumericCellValue()).isEqualTo(9.7);
        }
    }

    @Test
    void csvHasTheHeaderThenOneRecordPerStudentWithDotDecimals() throws IOException {
        List<CsvRecord> records = csv(table(submitted(1, "Nguyễn Thị Thu Hà"), absent(2, "Trần Văn Đức")), VIETNAMESE);

        assertThat(records).hasSize(3);
        assertThat(records.get(0).getFields()).containsExactly("STT", "Họ và tên", "Lớp", "Mã học sinh", "Trạng thái",
            "Mã đề", "Điểm", "Câu 1", "Câu 2", "Câu 3");
        assertThat(records.get(1).getFields()).containsExactly("1", "Nguyễn Thị Thu Hà", "7A", "HS001", "Đã nộp", "101",
            "6.3", "0.25", "1", "");
        assertThat(records.get(2).getFields()).containsExactly("2", "Trần Văn Đức", "7A", "HS002", "Chưa làm", "", "",
            "", "", "");
    }

    @Test
    void englishLabelsHeadTheColumns() throws IOException {
        assertThat(csv(table(submitted(1, "Lê Minh Khôi")), ENGLISH).get(0).getFields()).containsExactly("No.",
            "Full name", "Class", "Student code", "State", "Paper", "Score", "Câu 1", "Câu 2", "Câu 3");
        try (XSSFWorkbook workbook = xlsx(table(submitted(1, "Lê Minh Khôi")), ENGLISH)) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(6).getStringCellValue()).isEqualTo("Score");
        }
    }

    @Test
    void aFormulaTypedAsTextIsNeutralisedInBothFormats() throws IOException {
        Row hostile = new Row(1, HYPERLINK, "+7A", "@SUM(1)", "-1", "=1+1", new BigDecimal("5.0"), List.of());
        Table table = table(hostile);

        try (XSSFWorkbook workbook = xlsx(table, VIETNAMESE)) {
            org.apache.poi.ss.usermodel.Row row = workbook.getSheetAt(0).getRow(2);
            for (int column = 1; column <= 5; column++) {
                assertThat(row.getCell(column).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(column).getStringCellValue()).startsWith("'");
            }
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'" + HYPERLINK);
        }
        assertThat(csv(table, VIETNAMESE).get(1).getFields()).containsExactly("1", "'" + HYPERLINK, "'+7A", "'@SUM(1)",
            "'-1", "'=1+1", "5.0", "", "", "");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() throws IOException {
        Row row = new Row(1, "Đặng Ngọc Ánh", "6A1", "0123", "Đã nộp", "A-1", new BigDecimal("10.0"), List.of());

        assertThat(csv(table(row), VIETNAMESE).get(1).getFields().subList(1, 7))
            .containsExactly("Đặng Ngọc Ánh", "6A1", "0123", "Đã nộp", "A-1", "10.0");
    }

    @Test
    void aRowWithMorePointsThanQuestionColumnsIsRejected() {
        Row tooLong = new Row(1, "Phạm Thị Lan", "8B", "HS1", "Đã nộp", null, BigDecimal.TEN,
            Arrays.asList(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));

        assertThatThrownBy(() -> table(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }
}
