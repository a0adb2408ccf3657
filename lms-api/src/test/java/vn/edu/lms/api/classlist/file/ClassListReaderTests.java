package vn.edu.lms.api.classlist.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.edu.lms.content.platform.LmsProblem;

class ClassListReaderTests {

    private static final Map<Column, String> SCHOOL_HEADERS = Map.of(Column.NAME, "Họ và tên",
        Column.DATE_OF_BIRTH, "Ngày sinh", Column.GENDER, "Giới tính", Column.CLASS, "Lớp",
        Column.IDENTIFIER, "Mã định danh");

    @TempDir
    Path dir;

    private final ClassListReader reader = new ClassListReader(200);

    @Test
    void readsTheSchoolsCsvWithBomAndTitleRows() throws Exception {
        assertThat(Files.readAllBytes(resource("lop-5a.csv"))).startsWith(0xEF, 0xBB, 0xBF);

        ClassListTable table = reader.read(resource("lop-5a.csv"));

        assertThat(table.headers()).isEqualTo(SCHOOL_HEADERS);
        assertIsClass5A(table, 6);
    }

    @Test
    void readsSemicolonCsvWithoutBom() throws Exception {
        assertThat(Files.readString(resource("lop-5a-khong-bom.csv"))).doesNotStartWith("\uFEFF")
            .contains("STT;Họ và tên;Ngày sinh");

        ClassListTable table = reader.read(resource("lop-5a-khong-bom.csv"));

        assertThat(table.headers()).isEqualTo(SCHOOL_HEADERS);
        assertIsClass5A(table, 6);
    }

    @Test
    void readsTheGeneratedCsvLikeTheSchoolsFile() {
        assertIsClass5A(reader.read(file("lop.csv", ClassListFixtures.csv(ClassListFixtures.students(), true))), 6);
        assertIsClass5A(reader.read(file("lop.csv", ClassListFixtures.csv(ClassListFixtures.students(), false))), 6);
    }

    @Test
    void readsTabSeparatedCsv() {
        String csv = "Danh sách lớp 5A\nHọ và tên\tNgày sinh\tMã định danh\nNguyễn Thị Thu Hà\t09/08/2015\t001315682665\n";

        ClassListTable table = reader.read(file("lop.txt", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(3);
            assertThat(row.values()).containsEntry(Column.NAME, "Nguyễn Thị Thu Hà")
                .containsEntry(Column.IDENTIFIER, "001315682665");
        });
    }

    @Test
    void readsXlsxWithDateCellsAndTextIdentifiers() {
        ClassListTable table = reader.read(file("lop-5a.xlsx", ClassListFixtures.xlsx(ClassListFixtures.students())));

        assertThat(table.headers()).isEqualTo(SCHOOL_HEADERS);
        assertThat(table.rows()).hasSize(45);
        SourceRow first = table.rows().get(0);
        assertThat(first.rowNumber()).isEqualTo(6);
        assertThat(first.values()).containsExactly(entry(Column.NAME, "Nguyễn Thị Thu Hà"),
            entry(Column.DATE_OF_BIRTH, "2015-08-09"), entry(Column.GENDER, "Nữ"), entry(Column.CLASS, "5A"),
            entry(Column.IDENTIFIER, "001315682665"));
        assertThat(table.rows().get(44).rowNumber()).isEqualTo(50);
        List<String[]> students = ClassListFixtures.students();
        for (int index = 0; index < 45; index++) {
            Map<Column, String> values = table.rows().get(index).values();
            assertThat(values.get(Column.NAME)).isEqualTo(students.get(index)[0]);
            assertThat(values.get(Column.DATE_OF_BIRTH)).startsWith("2015-").hasSize(10);
            assertThat(values.get(Column.IDENTIFIER)).isEqualTo(students.get(index)[4]).startsWith("0");
        }
    }

    @Test
    void readsLegacyXls() {
        ClassListTable table = reader.read(file("lop-5a.xls", ClassListFixtures.xls(ClassListFixtures.students())));

        assertThat(table.headers()).isEqualTo(SCHOOL_HEADERS);
        assertThat(table.rows()).hasSize(45);
        assertThat(table.rows().get(1).values()).containsEntry(Column.NAME, "Trần Đức Anh")
            .containsEntry(Column.DATE_OF_BIRTH, "2015-08-19").containsEntry(Column.IDENTIFIER, "001215012345");
    }

    @Test
    void detectsTheFormatFromTheBytesNotTheName() {
        byte[] xlsx = ClassListFixtures.xlsx(ClassListFixtures.students());

        assertThat(reader.read(file("lop-5a.csv", xlsx)).rows()).hasSize(45);
        assertThat(reader.read(file("lop-5a.xlsx", ClassListFixtures.csv(ClassListFixtures.students(), true))).rows())
            .hasSize(45);
    }

    @Test
    void readsNumbersWithoutExponentAndFormulasAsTheirCachedValue() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Họ và tên");
            header.createCell(1).setCellValue("Ngày sinh");
            header.createCell(2).setCellValue("Mã định danh");
            header.createCell(3).setCellValue("Lớp");
            Row numeric = sheet.createRow(1);
            numeric.createCell(0).setCellValue("  Lê Văn Tám\u00A0");
            numeric.createCell(1).setCellValue("15/03/2015");
            numeric.createCell(2).setCellValue(12345678901d);
            numeric.createCell(3).setCellValue(5);
            Row formulas = sheet.createRow(2);
            Cell name = formulas.createCell(0);
            name.setCellFormula("\"Nguyễn\"&\" Văn An\"");
            // A cached value that evaluating the formula would not give: read as cached.
            name.setCellValue("Nguyễn Văn Ân");
            Cell birth = formulas.createCell(1);
            birth.setCellFormula("DATE(2015,3,15)");
            birth.setCellValue(LocalDate.of(2015, 3, 15));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            birth.setCellStyle(date);
            Cell identifier = formulas.createCell(2);
            identifier.setCellFormula("1+1");
            identifier.setCellValue(1.5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        List<SourceRow> rows = reader.read(file("lop.xlsx", xlsx)).rows();

        assertThat(rows.get(0).values()).containsEntry(Column.NAME, "Lê Văn Tám")
            .containsEntry(Column.DATE_OF_BIRTH, "15/03/2015").containsEntry(Column.IDENTIFIER, "12345678901")
            .containsEntry(Column.CLASS, "5");
        assertThat(rows.get(1).values()).containsEntry(Column.NAME, "Nguyễn Văn Ân")
            .containsEntry(Column.DATE_OF_BIRTH, "2015-03-15").containsEntry(Column.IDENTIFIER, "1.5")
            .containsEntry(Column.CLASS, "");
    }

    @Test
    void readsSeparateFamilyAndGivenNameColumns() {
        String csv = "\uFEFFDANH SÁCH HỌC SINH\r\n"
            + "STT;Họ đệm;Tên;Ngày, tháng, năm sinh:;Giới;Tên lớp;Mã học sinh*;Ghi chú\r\n"
            + "1;Nguyễn Thị Thu;Hà;09/08/2015;Nữ;5A;001315682665;\r\n"
            + "2;Trần Đức;Anh;19/08/2015;Nam;5A;001215012345;chuyển đến\r\n";

        ClassListTable table = reader.read(file("lop.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.headers()).containsOnlyKeys(Column.FAMILY_AND_MIDDLE, Column.GIVEN_NAME,
            Column.DATE_OF_BIRTH, Column.GENDER, Column.CLASS, Column.IDENTIFIER)
            .containsEntry(Column.DATE_OF_BIRTH, "Ngày, tháng, năm sinh:")
            .containsEntry(Column.IDENTIFIER, "Mã học sinh*");
        assertThat(table.rows()).extracting(SourceRow::rowNumber).containsExactly(3, 4);
        assertThat(table.rows().get(0).values()).containsEntry(Column.FAMILY_AND_MIDDLE, "Nguyễn Thị Thu")
            .containsEntry(Column.GIVEN_NAME, "Hà").doesNotContainKey(Column.NAME);
    }

    @Test
    void keepsBlankCellsAsEmptyTextAndSkipsBlankAndFooterRows() {
        String csv = "Họ và tên,Ngày sinh,Mã định danh,Ghi chú\n"
            + "Nguyễn Thị Thu Hà,,001315682665\n"
            + ",,,\n"
            + "\n"
            + ",,,Người lập biểu\n"
            + ",,,(ký và ghi rõ họ tên)\n";

        ClassListTable table = reader.read(file("lop.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.values()).containsExactly(
            entry(Column.NAME, "Nguyễn Thị Thu Hà"), entry(Column.DATE_OF_BIRTH, ""),
            entry(Column.IDENTIFIER, "001315682665")));
        assertThat(table.headers()).doesNotContainKeys(Column.GENDER, Column.CLASS);
    }

    @Test
    void refusesOneRowMoreThanTheLimit() {
        Path csv = file("lop.csv", ClassListFixtures.csv(ClassListFixtures.students(), true));

        assertThat(new ClassListReader(45).read(csv).rows()).hasSize(45);
        assertProblem(() -> new ClassListReader(44).read(csv), "class-list-too-many-rows", 44);
        assertProblem(() -> new ClassListReader(44).read(file("lop.xlsx",
            ClassListFixtures.xlsx(ClassListFixtures.students()))), "class-list-too-many-rows", 44);
    }

    @Test
    void refusesAMillionRowCsvQuicklyWithoutReadingItAll() throws IOException {
        Path csv = ClassListFixtures.millionRowCsv(dir);
        // Reading to the end would meet this and report another problem.
        Files.write(csv, new byte[] {(byte) 0xC3, '(', '\n'}, StandardOpenOption.APPEND);

        long start = System.nanoTime();
        assertProblem(() -> new ClassListReader(1000).read(csv), "class-list-too-many-rows", 1000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void refusesAZipBombRenamedXlsx() throws IOException {
        long start = System.nanoTime();
        byte[] bomb = ClassListFixtures.zipBombXlsx();
        assertThat(bomb.length).isLessThan(1_000_000);
        Path file = file("lop-5a.xlsx", bomb);

        assertProblem(() -> reader.read(file), "class-list-unreadable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesASheetOverTheEntrySizeLimitEvenWhenItCompressesModestly() throws IOException {
        // About 110 MB that compresses about 80× — above POI's minimum inflate ratio, so only the
        // entry size limit stops it.
        byte[] block = new byte[16 * 1024];
        Random random = new Random(1);
        for (int index = 0; index < block.length; index++) {
            block[index] = (byte) ('a' + random.nextInt(26));
        }
        byte[] xlsx = withEntry(ClassListFixtures.xlsx(ClassListFixtures.students().subList(0, 1)),
            "xl/worksheets/sheet1.xml", sheet -> {
                sheet.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData><!--").getBytes(StandardCharsets.UTF_8));
                for (int count = 0; count < 110 * 64; count++) {
                    sheet.write(block);
                }
                sheet.write("--></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            });
        long inflated = 110L * 64 * block.length;
        assertThat((long) xlsx.length).as("compressed above POI's minimum ratio").isGreaterThan(inflated / 100);

        assertProblem(() -> reader.read(file("lon.xlsx", xlsx)), "class-list-unreadable");
    }

    @Test
    void refusesRandomBytesAndTruncatedXlsx() throws Exception {
        Random random = new Random(42);
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        assertProblem(() -> reader.read(file("lop.xlsx", noise)), "class-list-unreadable");

        byte[] zipNoise = noise.clone();
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zipNoise, 0, 4);
        assertProblem(() -> reader.read(file("lop.xlsx", zipNoise)), "class-list-unreadable");

        byte[] oleNoise = noise.clone();
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, 0, oleNoise, 0, 8);
        assertProblem(() -> reader.read(file("lop.xls", oleNoise)), "class-list-unreadable");

        byte[] xlsx = ClassListFixtures.xlsx(ClassListFixtures.students());
        for (int length : new int[] {4, 100, xlsx.length / 3, xlsx.length / 2, xlsx.length - 30}) {
            assertProblem(() -> reader.read(file("lop.xlsx", Arrays.copyOf(xlsx, length))), "class-list-unreadable");
        }
        byte[] xls = ClassListFixtures.xls(ClassListFixtures.students());
        assertProblem(() -> reader.read(file("lop.xls", Arrays.copyOf(xls, xls.length / 2))), "class-list-unreadable");
    }

    @Test
    void refusesAPasswordProtectedXlsx() throws Exception {
        POIFSFileSystem container = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("mat-khau");
        try (OutputStream out = encryptor.getDataStream(container)) {
            out.write(ClassListFixtures.xlsx(ClassListFixtures.students()));
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        container.writeFilesystem(encrypted);
        container.close();

        assertProblem(() -> reader.read(file("lop.xlsx", encrypted.toByteArray())), "class-list-unreadable");
    }

    @Test
    void refusesAWordDocumentOrOtherZip() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertProblem(() -> reader.read(file("lop.xlsx", zip.toByteArray())), "class-list-unreadable");
    }

    @Test
    void refusesNonUtf8Csv() {
        // "Họ và tên" as a Windows-1258 file would have it: bytes that are not UTF-8.
        byte[] legacy = "STT,H? v\u00E0 t\u00EAn,Ng\u00E0y sinh,M\u00E3 \u00F0\u1ECBnh danh\r\n1,Nguy\u00EAn,1,1\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(() -> reader.read(file("lop.csv", legacy)), "class-list-not-utf8");

        // Valid at the top, broken further down.
        byte[] utf8 = ClassListFixtures.csv(ClassListFixtures.students(), true);
        byte[] late = Arrays.copyOf(utf8, utf8.length + 4);
        System.arraycopy(new byte[] {'\n', (byte) 0xE0, (byte) 0x80, 'x'}, 0, late, utf8.length, 4);
        assertProblem(() -> reader.read(file("lop.csv", late)), "class-list-not-utf8");

        byte[] utf16 = "Họ và tên,Ngày sinh,Mã định danh\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertProblem(() -> reader.read(file("lop.csv", withBom)), "class-list-not-utf8");
    }

    @Test
    void reportsMissingDateColumnByItsVietnameseLabel() {
        assertProblem(() -> reader.read(csv("Họ và tên,Giới tính,Mã định danh\nNguyễn Thị Thu Hà,Nữ,001315682665\n")),
            "class-list-missing-column", "Ngày sinh");
        assertProblem(() -> reader.read(csv("Họ và tên,Ngày sinh\nNguyễn Thị Thu Hà,09/08/2015\n")),
            "class-list-missing-column", "Mã định danh");
        assertProblem(() -> reader.read(csv("Tên,Ngày sinh,Mã định danh\nHà,09/08/2015,001315682665\n")),
            "class-list-missing-column", "Họ và tên");
    }

    @Test
    void reportsAFileWithoutHeaderInItsFirstThirtyRows() {
        assertProblem(() -> reader.read(csv("Nguyễn Thị Thu Hà,09/08/2015,001315682665\n")), "class-list-no-header");
        assertProblem(() -> reader.read(csv("")), "class-list-no-header");
        assertThat(reader.read(file("lop.xlsx", ClassListFixtures.xlsx(List.of()))).rows()).isEmpty();

        String late = "tiêu đề\n".repeat(30) + "Họ và tên,Ngày sinh,Mã định danh\nNguyễn Thị Thu Hà,09/08/2015,001\n";
        assertProblem(() -> reader.read(csv(late)), "class-list-no-header");
        String inTime = "tiêu đề\n".repeat(29) + "Họ và tên,Ngày sinh,Mã định danh\nNguyễn Thị Thu Hà,09/08/2015,001\n";
        assertThat(reader.read(csv(inTime)).rows()).singleElement().extracting(SourceRow::rowNumber).isEqualTo(31);
    }

    @Test
    void refusesACellOverAThousandCharacters() {
        List<String[]> students = ClassListFixtures.students();
        students.get(3)[0] = "Nguyễn Văn " + "A".repeat(1000);
        assertThat(students.get(3)[0]).hasSizeGreaterThan(1000);

        assertProblem(() -> reader.read(file("lop.csv", ClassListFixtures.csv(students, true))),
            "class-list-unreadable");
        assertProblem(() -> reader.read(file("lop.xlsx", ClassListFixtures.xlsx(students))), "class-list-unreadable");
        assertProblem(() -> reader.read(csv("Họ và tên,Ngày sinh,Mã định danh\n\"" + "x".repeat(100_000) + "\n")),
            "class-list-unreadable");
        // A long title is no reason to refuse.
        assertThat(reader.read(csv("x".repeat(5000) + "\nHọ và tên,Ngày sinh,Mã định danh\nHà,1,2\n")).rows())
            .hasSize(1);
    }

    @Test
    void everyDamagedSheetEndsAsATableOrAProblem() throws Exception {
        byte[] xlsx = ClassListFixtures.xlsx(ClassListFixtures.students().subList(0, 5));
        String sheet = entryText(xlsx, "xl/worksheets/sheet1.xml");
        Random random = new Random(7);
        String[] junk = {"", "<", ">", "\"", "x", "-1", "99999999999", "t=\"n\"", "t=\"b\"", "t=\"e\"", "t=\"d\"",
            "<f>1/0</f>", "<v>abc</v>", "r=\"ZZZZ1\"", "s=\"999\"", "&amp;", "&#0;", "<!DOCTYPE x>"};
        for (int attempt = 0; attempt < 150; attempt++) {
            int at = random.nextInt(sheet.length());
            int cut = Math.min(sheet.length(), at + random.nextInt(12));
            String damaged = sheet.substring(0, at) + junk[random.nextInt(junk.length)] + sheet.substring(cut);
            Path file = file("lop.xlsx", withEntry(xlsx, "xl/worksheets/sheet1.xml",
                entry -> entry.write(damaged.getBytes(StandardCharsets.UTF_8))));
            try {
                reader.read(file);
            } catch (LmsProblem problem) {
                assertThat(problem.slug()).startsWith("class-list-");
            }
        }
    }

    @Test
    void rowsAndTablesKeepPersonalDataOutOfToString() {
        ClassListTable table = reader.read(file("lop.csv", ClassListFixtures.csv(ClassListFixtures.students(), true)));

        assertThat(table.toString()).doesNotContain("Nguyễn").doesNotContain("0013").contains("rows=45");
        assertThat(table.rows().get(0).toString()).doesNotContain("Nguyễn").doesNotContain("2015").contains("6");
    }

    // ----

    private static void assertIsClass5A(ClassListTable table, int firstRowNumber) {
        List<String[]> students = ClassListFixtures.students();
        assertThat(table.rows()).hasSize(students.size());
        for (int index = 0; index < students.size(); index++) {
            SourceRow row = table.rows().get(index);
            String[] student = students.get(index);
            assertThat(row.rowNumber()).isEqualTo(firstRowNumber + index);
            assertThat(row.values()).containsExactly(entry(Column.NAME, student[0]),
                entry(Column.DATE_OF_BIRTH, student[1]), entry(Column.GENDER, student[2]),
                entry(Column.CLASS, student[3]), entry(Column.IDENTIFIER, student[4]));
        }
    }

    private static void assertProblem(ThrowingCallable read, String slug,
        Object... arguments) {
        LmsProblem problem = catchThrowableOfType(LmsProblem.class, read);
        assertThat(problem).as("refused with " + slug).isNotNull();
        assertThat(problem.slug()).isEqualTo(slug);
        assertThat(problem.getStatusCode().value()).isEqualTo(422);
        if (arguments.length > 0) {
            assertThat(problem.getDetailMessageArguments()).containsExactly(arguments);
        }
    }

    private Path csv(String text) {
        return file("lop.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] bytes) {
        try {
            Path file = Files.createTempDirectory(dir, "upload").resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ClassListReaderTests.class.getResource("/classlists/" + name).toURI());
    }

    private static String entryText(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    private interface EntryWriter {
        void write(OutputStream entry) throws IOException;
    }

    /** The zip with one entry's content replaced, deflated fast. */
    private static byte[] withEntry(byte[] zip, String name, EntryWriter content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
            ZipOutputStream copy = new ZipOutputStream(out)) {
            copy.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                copy.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    content.write(copy);
                } else {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
