package vn.edu.lms.api.classlist.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

class ClassListCsvTests {

    @Test
    void classListCsvStartsWithBomAndNeutralises() throws Exception {
        List<ClassListExportRow> rows = List.of(
            new ClassListExportRow(1, "Nguyễn Thị Thu Hà", LocalDate.of(2015, 8, 9), "Nữ", "001315682665",
                "ha.ntt"),
            new ClassListExportRow(2, "=1+1", LocalDate.of(2015, 8, 19), "Nam", "-001", "@anh"),
            new ClassListExportRow(3, "Đỗ Minh Châu, \"Bé\"", null, null, null, "+chau"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            ClassListCsv.write(rows, out);
        }

        assertThat(bytes.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        String text = bytes.toString(StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("STT,Họ và tên,Ngày sinh,Giới tính,Mã định danh,Tên đăng nhập\r\n"
            + "1,Nguyễn Thị Thu Hà,09/08/2015,Nữ,001315682665,ha.ntt\r\n");
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(text).stream().toList();
        assertThat(records).hasSize(4);
        assertThat(records.get(2).getFields()).containsExactly("2", "'=1+1", "19/08/2015", "Nam", "'-001", "'@anh");
        assertThat(records.get(3).getFields()).containsExactly("3", "Đỗ Minh Châu, \"Bé\"", "", "", "", "'+chau");
    }

    @Test
    void flushesButLeavesTheWriterOpen() {
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("closed the caller's writer");
            }
        };

        ClassListCsv.write(List.of(), out);

        assertThat(out.toString()).isEqualTo("\uFEFFSTT,Họ và tên,Ngày sinh,Giới tính,Mã định danh,Tên đăng nhập\r\n");
    }

    @Test
    void exportRowsKeepPersonalDataOutOfToString() {
        ClassListExportRow row = new ClassListExportRow(7, "Nguyễn Thị Thu Hà", LocalDate.of(2015, 8, 9), "Nữ",
            "001315682665", "ha.ntt");

        assertThat(row.toString()).contains("7").doesNotContain("Nguyễn", "2015", "001315682665", "ha.ntt");
    }
}
