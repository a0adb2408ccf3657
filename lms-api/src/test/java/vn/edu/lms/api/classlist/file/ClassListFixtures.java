package vn.edu.lms.api.classlist.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A made-up class 5A of 45 students, year 2026–2027, and the files schools upload: CSV and XLSX as
 * SMAS / vnEdu export them (title rows, header, data, footer), plus hostile files. Public for
 * tests in other packages.
 */
public final class ClassListFixtures {

    /** Name, date of birth (dd/MM/yyyy), gender, class, identifier. Same as classlists/lop-5a*.csv. */
    private static final String[][] STUDENTS = {
            {"Nguyễn Thị Thu Hà", "09/08/2015", "Nữ", "5A", "001315682665"},
            {"Trần Đức Anh", "19/08/2015", "Nam", "5A", "001215012345"},
            {"Lê Ngọc Ánh", "24/11/2015", "Nữ", "5A", "001315233930"},
            {"Phạm Văn Đức", "01/09/2015", "Nam", "5A", "001215566753"},
            {"Đỗ Minh Châu", "01/06/2015", "Nữ", "5A", "001315646049"},
            {"Hoàng Gia An", "23/12/2015", "Nam", "5A", "001215997237"},
            {"Huỳnh Thiện Ân", "16/02/2015", "Nam", "5A", "001215097829"},
            {"Phan Gia Bảo", "19/03/2015", "Nam", "5A", "001215977938"},
            {"Vũ Tiến Dũng", "21/05/2015", "Nam", "5A", "001215045380"},
            {"Võ Thị Dung", "30/05/2015", "Nữ", "5A", "001315848493"},
            {"Đặng Minh Hải", "10/12/2015", "Nam", "5A", "001215489763"},
            {"Bùi Ngọc Khánh", "11/04/2015", "Nữ", "5A", "001315971798"},
            {"Hồ Thùy Linh", "20/07/2015", "Nữ", "5A", "001315250019"},
            {"Ngô Bảo Ngọc", "09/04/2015", "Nữ", "5A", "001315006827"},
            {"Dương Minh Quân", "21/11/2015", "Nam", "5A", "001215628988"},
            {"Lý Phương Thảo", "07/10/2015", "Nữ", "5A", "001315567773"},
            {"Nguyễn Khánh Vy", "30/05/2015", "Nữ", "5A", "001315839783"},
            {"Trần Hải Yến", "05/11/2015", "Nữ", "5A", "001315121388"},
            {"Lê Hoàng Nam", "13/03/2015", "Nam", "5A", "001215855493"},
            {"Phạm Thị Mai", "10/10/2015", "Nữ", "5A", "001315693375"},
            {"Hoàng Minh Khôi", "24/03/2015", "Nam", "5A", "001215138548"},
            {"Huỳnh Bảo Trâm", "05/11/2015", "Nữ", "5A", "001315955993"},
            {"Phan Đình Phúc", "30/11/2015", "Nam", "5A", "001215667082"},
            {"Vũ Ngọc Diệp", "26/05/2015", "Nữ", "5A", "001315189124"},
            {"Võ Quốc Huy", "22/05/2015", "Nam", "5A", "001215332545"},
            {"Đặng Thu Trang", "11/05/2015", "Nữ", "5A", "001315169718"},
            {"Bùi Đức Thắng", "03/12/2015", "Nam", "5A", "001215690814"},
            {"Đỗ Hà My", "16/06/2015", "Nữ", "5A", "001315504931"},
            {"Hồ Quang Vinh", "13/10/2015", "Nam", "5A", "001215909288"},
            {"Ngô Thị Hồng Nhung", "06/04/2015", "Nữ", "5A", "001315737665"},
            {"Dương Gia Hân", "19/11/2015", "Nữ", "5A", "001315341142"},
            {"Lý Minh Nhật", "28/12/2015", "Nam", "5A", "001215167777"},
            {"Nguyễn Văn Long", "20/02/2015", "Nam", "5A", "001215698202"},
            {"Trần Ngọc Hân", "27/03/2015", "Nữ", "5A", "001315476145"},
            {"Lê Tuấn Kiệt", "26/03/2015", "Nam", "5A", "001215754199"},
            {"Phạm Quỳnh Anh", "07/06/2015", "Nữ", "5A", "001315865241"},
            {"Nguyễn Đức Anh", "11/10/2015", "Nam", "5A", "001215271409"},
            {"Hoàng Thị Yến Nhi", "02/05/2015", "Nữ", "5A", "001315522974"},
            {"Đặng Văn Sơn", "22/05/2015", "Nam", "5A", "001215879454"},
            {"Bùi Khánh Linh", "26/10/2015", "Nữ", "5A", "001315604509"},
            {"Vũ Hoàng Long", "06/08/2015", "Nam", "5A", "001215345861"},
            {"Phan Thị Ngọc Ánh", "10/12/2015", "Nữ", "5A", "001315527855"},
            {"Võ Trọng Nghĩa", "11/05/2015", "Nam", "5A", "001215462446"},
            {"Hồ Ngọc Bích", "13/04/2015", "Nữ", "5A", "001315375967"},
            {"Ngô Thanh Tùng", "29/12/2015", "Nam", "5A", "001215111127"},
    };

    /** The header of the class-list files, as SMAS writes it. */
    public static final List<String> HEADER = List.of("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp",
        "Mã định danh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ClassListFixtures() {
    }

    /** The 45 students in list order: name, date of birth dd/MM/yyyy, gender, class, identifier. Fresh copies. */
    public static List<String[]> students() {
        List<String[]> students = new ArrayList<>();
        for (String[] student : STUDENTS) {
            students.add(student.clone());
        }
        return students;
    }

    /**
     * An XLSX as school software exports it: a title row, a merged title "DANH SÁCH HỌC SINH LỚP 5A",
     * the year, a blank row, the header on row 5, the students from row 6 (dates as real date cells
     * formatted dd/mm/yyyy, identifiers as text cells) and footer rows.
     */
    public static byte[] xlsx(List<String[]> rows) {
        return workbook(XSSFWorkbook::new, rows);
    }

    /** The same as {@link #xlsx(List)}, as a legacy Excel 97-2003 .xls. */
    public static byte[] xls(List<String[]> rows) {
        return workbook(HSSFWorkbook::new, rows);
    }

    private static byte[] workbook(Supplier<Workbook> create, List<String[]> rows) {
        try (Workbook workbook = create.get()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));

            sheet.createRow(0).createCell(0).setCellValue("TRƯỜNG TIỂU HỌC KIM ĐỒNG");
            Cell heading = sheet.createRow(1).createCell(0);
            heading.setCellValue("DANH SÁCH HỌC SINH LỚP 5A");
            heading.setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADER.size() - 1));
            sheet.createRow(2).createCell(0).setCellValue("Năm học 2026 - 2027");
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, HEADER.size() - 1));
            Row header = sheet.createRow(4);
            for (int column = 0; column < HEADER.size(); column++) {
                header.createCell(column).setCellValue(HEADER.get(column));
                header.getCell(column).setCellStyle(title);
            }
            int rowIndex = 5;
            for (String[] student : rows) {
                Row row = sheet.createRow(rowIndex);
                row.createCell(0).setCellValue(rowIndex - 4);
                row.createCell(1).setCellValue(student[0]);
                Cell birth = row.createCell(2);
                try {
                    birth.setCellValue(LocalDate.parse(student[1], DATE));
                    birth.setCellStyle(date);
                } catch (DateTimeParseException e) {
                    // As typed by hand: kept as text.
                    birth.setCellValue(student[1]);
                }
                for (int field = 2; field < student.length; field++) {
                    row.createCell(field + 1).setCellValue(student[field]);
                }
                rowIndex++;
            }
            sheet.createRow(rowIndex + 1).createCell(0).setCellValue("Tổng số: " + rows.size() + " học sinh");
            sheet.createRow(rowIndex + 3).createCell(HEADER.size()).setCellValue("Người lập biểu");
            for (int column = 0; column < HEADER.size(); column++) {
                sheet.setColumnWidth(column, column == 1 ? 30 * 256 : 14 * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CSV as Excel saves it, like classlists/lop-5a.csv: comma-separated, CRLF, title rows, the
     * header on line 5, students from line 6, footer lines; UTF-8 with or without BOM.
     */
    public static byte[] csv(List<String[]> rows, boolean bom) {
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
        csv.append("TRƯỜNG TIỂU HỌC KIM ĐỒNG,,,,,\r\n");
        csv.append("DANH SÁCH HỌC SINH LỚP 5A,,,,,\r\n");
        csv.append("Năm học 2026 - 2027,,,,,\r\n");
        csv.append(",,,,,\r\n");
        csv.append(String.join(",", HEADER)).append("\r\n");
        int number = 1;
        for (String[] student : rows) {
            csv.append(number++);
            for (String field : student) {
                csv.append(',').append(quoted(field));
            }
            csv.append("\r\n");
        }
        csv.append(",,,,,\r\n");
        csv.append("Tổng số: ").append(rows.size()).append(" học sinh,,,,,\r\n");
        csv.append(",,,,,,\"Người lập biểu\"\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
            ? "\"" + field.replace("\"", "\"\"") + "\""
            : field;
    }

    /**
     * A real-looking XLSX whose sheet entry inflates to 300 MB of spaces (about 1000×) — a zip bomb
     * of about 300 KB, made in well under a second.
     */
    public static byte[] zipBombXlsx() {
        byte[] template = xlsx(students().subList(0, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
            ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    // Runs of one byte deflate about 1000× and fast at the best compression.
                    zip.setLevel(Deflater.BEST_COMPRESSION);
                    writeBombSheet(zip);
                    zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeBombSheet(OutputStream sheet) throws IOException {
        sheet.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
            .getBytes(StandardCharsets.UTF_8));
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        for (int megabyte = 0; megabyte < 300; megabyte++) {
            sheet.write(spaces);
        }
        sheet.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV with the class-list header and 10^6 students (about 60 MB), written streaming. */
    public static Path millionRowCsv(Path dir) {
        Path file = dir.resolve("mot-trieu-dong.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER));
            out.write("\r\n");
            for (int number = 1; number <= 1_000_000; number++) {
                String digits = Integer.toString(number);
                out.write(number + ",Nguyễn Văn An " + number + ",01/01/2015,Nam,5A,"
                    + "000000000000".substring(digits.length()) + digits + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
