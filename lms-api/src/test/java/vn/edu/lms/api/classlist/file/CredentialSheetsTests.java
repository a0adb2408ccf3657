package vn.edu.lms.api.classlist.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CredentialSheetsTests {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void credentialSheetXlsxRoundTripsThroughPoi() throws IOException {
        List<CredentialSheet.Entry> entries = class5A(45);
        entries.set(10, new CredentialSheet.Entry("=HYPERLINK(\"http://x.example\",\"Bấm vào đây\")",
            LocalDate.of(2015, 1, 2), "hyperlink.x", "Kx7-pQ2m"));
        entries.set(11, new CredentialSheet.Entry("Bùi Ngọc Khánh", LocalDate.of(2015, 4, 11), "khanh.bn", null));
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027", entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CredentialSheets.writeXlsx(sheet, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet page = workbook.getSheet("Tài khoản");
            assertThat(page).isNotNull();
            List<List<String>> rows = texts(page);
            assertThat(rows.get(0)).startsWith("DANH SÁCH TÀI KHOẢN HỌC SINH");
            assertThat(rows.get(1)).startsWith("Trường Tiểu học Kim Đồng");
            assertThat(rows.get(2)).startsWith("Lớp 5A – Năm học 2026–2027");
            assertThat(rows.get(4)).containsExactly("STT", "Họ và tên", "Ngày sinh", "Tên đăng nhập", "Mật khẩu lần đầu");
            assertThat(rows.get(5)).containsExactly("1", "Nguyễn Thị Thu Hà", "09/08/2015", "ha.ntt", "pw-0");
            assertThat(rows.get(15)).containsExactly("11", "'=HYPERLINK(\"http://x.example\",\"Bấm vào đây\")",
                "02/01/2015", "hyperlink.x", "Kx7-pQ2m");
            assertThat(rows.get(16)).containsExactly("12", "Bùi Ngọc Khánh", "11/04/2015", "khanh.bn",
                "Đã đổi mật khẩu");
            assertThat(rows.get(49).get(1)).isEqualTo(entries.get(44).fullName());
            assertThat(rows).anySatisfy(row -> assertThat(row).anySatisfy(text -> assertThat(text).startsWith(
                "Mật khẩu chỉ dùng cho lần đăng nhập đầu tiên")));
            for (Row row : page) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
                }
            }
            assertThat(page.getRow(15).getCell(1).getCellType()).isEqualTo(CellType.STRING);

            PrintSetup print = page.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getLandscape()).isFalse();
            assertThat(page.getFitToPage()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isZero();
            assertThat(page.getRepeatingRows().formatAsString()).isEqualTo("5:5");
            assertThat(page.getColumnWidth(1)).isGreaterThan(page.getColumnWidth(0) * 3);
        }
    }

    @Test
    void credentialSheetPdfHasVietnameseText() throws IOException {
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027", class5A(45));

        byte[] pdf = pdf(sheet);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(first.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("DANH SÁCH TÀI KHOẢN HỌC SINH", "Trường Tiểu học Kim Đồng",
                "Lớp 5A – Năm học 2026–2027", "Nguyễn Thị Thu Hà", "Đỗ Minh Châu", "Phan Thị Ngọc Ánh",
                "Tên đăng nhập", "Mật khẩu lần đầu", "09/08/2015", "ha.ntt", "pw-44", "Trang 1/",
                "Mật khẩu chỉ dùng cho lần đăng nhập đầu tiên; học sinh sẽ được yêu cầu đổi mật khẩu.");
            for (COSName name : first.getResources().getFontNames()) {
                PDFont font = first.getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                // A subset: "ABCDEF+LiberationSans".
                assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans.*");
            }
        }
        assertThat(pdf.length).isLessThan(150_000);
    }

    @Test
    void credentialSheetPdfPaginatesWithTheHeaderOnEveryPage() throws IOException {
        List<CredentialSheet.Entry> entries = new ArrayList<>();
        for (int repeat = 0; repeat < 3; repeat++) {
            entries.addAll(class5A(45));
        }
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027",
            entries.subList(0, 100));

        try (PDDocument document = Loader.loadPDF(pdf(sheet))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            int pages = document.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("Tên đăng nhập", "Trang " + page + "/" + pages);
            }
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("\n100 Võ Thị Dung").doesNotContain("\n101 ").contains("Mật khẩu chỉ dùng");
        }
    }

    @Test
    void credentialSheetPdfCopesWithLongNamesMissingGlyphsAndChangedPasswords() throws IOException {
        List<CredentialSheet.Entry> entries = new ArrayList<>(class5A(3));
        entries.add(new CredentialSheet.Entry("Bé Mèo 🐱 漢字\tTab", LocalDate.of(2015, 5, 5), "meo.b", null));
        entries.add(new CredentialSheet.Entry("Công Tằng Tôn Nữ Hoàng Thị Phương Thảo Nguyên Ngọc Bích Diễm Lệ",
            null, "congtangtonnuhoangthiphuongthaonguyenngocbich", "a-very-long-password-0123456789"));
        // Decomposed, as typed on some systems: printed composed.
        entries.add(new CredentialSheet.Entry(java.text.Normalizer.normalize("Lê Ngọc Ánh",
            java.text.Normalizer.Form.NFD), LocalDate.of(2015, 11, 24), "anh.ln", "x"));
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027", entries);

        try (PDDocument document = Loader.loadPDF(pdf(sheet))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Bé Mèo ? ?? Tab", "Đã đổi mật khẩu", "Công Tằng Tôn Nữ", "Lê Ngọc Ánh");
        }
    }

    @Test
    void sheetsKeepNamesAndPasswordsOutOfToString() {
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027", class5A(45));

        assertThat(sheet.toString()).contains("5A", "45").doesNotContain("Nguyễn", "ha.ntt", "pw-0", "Kim Đồng");
        assertThat(sheet.entries().get(0).toString()).isEqualTo("Entry[***]");
    }

    @Test
    void writersLeaveTheStreamOpen() {
        CredentialSheet sheet = new CredentialSheet("Trường Tiểu học Kim Đồng", "5A", "2026–2027", class5A(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed the caller's stream");
            }
        };

        CredentialSheets.writeXlsx(sheet, out);
        CredentialSheets.writePdf(sheet, out);

        assertThat(out.size()).isPositive();
    }

    /** The fixture class with usernames "ha.ntt"-like and passwords "pw-0", "pw-1", ... */
    static List<CredentialSheet.Entry> class5A(int count) {
        List<CredentialSheet.Entry> entries = new ArrayList<>();
        List<String[]> students = ClassListFixtures.students();
        for (int index = 0; index < count; index++) {
            String[] student = students.get(index % students.size());
            String username = index == 0 ? "ha.ntt" : "hs" + (index + 1) + ".5a";
            entries.add(new CredentialSheet.Entry(student[0], LocalDate.parse(student[1], DATE), username,
                "pw-" + index));
        }
        return entries;
    }

    private static byte[] pdf(CredentialSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CredentialSheets.writePdf(sheet, out);
        return out.toByteArray();
    }

    private static List<List<String>> texts(XSSFSheet page) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int index = 0; index <= page.getLastRowNum(); index++) {
            List<String> texts = new ArrayList<>();
            Row row = page.getRow(index);
            if (row != null) {
                for (int column = 0; column < row.getLastCellNum(); column++) {
                    Cell cell = row.getCell(column);
                    texts.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
            }
            rows.add(texts);
        }
        return rows;
    }
}
