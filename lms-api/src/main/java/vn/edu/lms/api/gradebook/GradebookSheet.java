package vn.edu.lms.api.gradebook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.spreadsheet.SpreadsheetText;

/**
 * A class's book of one subject and term as XLSX, laid out as the ministry's tracking book (sổ theo
 * dõi và đánh giá học sinh theo lớp): STT, Họ và tên, the regular assessments ĐĐGtx under one
 * heading, ĐĐGgk, ĐĐGck, then ĐTBmhk (and ĐTBmcn in term II); a comment subject shows Đ / CĐ and
 * the term's (and year's) result. Values are numbers (one decimal) a spreadsheet can sum.
 * Blocking: the caller runs it off the event loop.
 */
public final class GradebookSheet {

    static final int FIRST_STUDENT_ROW = 6;

    private GradebookSheet() {
    }

    public static void write(BookView book, String schoolName, String yearLabel, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SpreadsheetText.neutralise(book.subjectName()).replaceAll("[\\\\/?*\\[\\]:]", "-"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            for (CellStyle style : List.of(header)) {
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            decimal.setAlignment(HorizontalAlignment.CENTER);
            CellStyle centred = workbook.createCellStyle();
            centred.setAlignment(HorizontalAlignment.CENTER);

            int regular = book.columns().size() - 2;
            boolean year = book.term() == 2;
            int last = 2 + regular + 2 + (year ? 2 : 1) - 1;
            text(sheet.createRow(0), 0, "SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH", bold);
            text(sheet.createRow(1), 0, schoolName + " – Năm học " + yearLabel, null);
            text(sheet.createRow(2), 0, "Lớp " + book.className() + " – Môn " + book.subjectName() + " – Học kỳ " + (book.term() == 1 ? "I" : "II"),
                bold);
            for (int r = 0; r < 3; r++) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            }

            Row top = sheet.createRow(4);
            Row sub = sheet.createRow(5);
            text(top, 0, "STT", header);
            text(top, 1, "Họ và tên", header);
            text(top, 2, "ĐĐGtx", header);
            for (int i = 0; i < regular; i++) {
                text(sub, 2 + i, String.valueOf(i + 1), header);
            }
            int mid = 2 + regular;
            text(top, mid, "ĐĐGgk", header);
            text(top, mid + 1, "ĐĐGck", header);
            text(top, mid + 2, book.commentOnly() ? "Kết quả HK" : "ĐTBmhk", header);
            if (year) {
                text(top, mid + 3, book.commentOnly() ? "Kết quả CN" : "ĐTBmcn", header);
            }
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 1, 1));
            if (regular > 1) {
                sheet.addMergedRegion(new CellRangeAddress(4, 4, 2, mid - 1));
            }
            for (int c = mid; c <= last; c++) {
                sheet.addMergedRegion(new CellRangeAddress(4, 5, c, c));
            }

            int rowIndex = FIRST_STUDENT_ROW;
            for (BookView.Row student : book.rows()) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(student.number());
                row.getCell(0).setCellStyle(centred);
                text(row, 1, student.fullName(), null);
                List<String> columns = book.columns();
                for (int i = 0; i < columns.size(); i++) {
                    value(row, 2 + i, student.cells().get(columns.get(i)), decimal, centred);
                }
                result(row, mid + 2, student.average(), student.achieved(), decimal, centred);
                if (year) {
                    result(row, mid + 3, student.yearAverage(), student.yearAchieved(), decimal, centred);
                }
            }
            sheet.setColumnWidth(0, 5 * 256);
            sheet.setColumnWidth(1, 28 * 256);
            for (int c = 2; c <= last; c++) {
                sheet.setColumnWidth(c, 8 * 256);
            }
            sheet.createFreezePane(2, FIRST_STUDENT_ROW);
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            workbook.write(out);
        }
    }

    private static void value(Row row, int index, Gradebook.@Nullable Cell cell, CellStyle decimal, CellStyle centred) {
        if (cell == null) {
            return;
        }
        result(row, index, cell.score(), cell.achieved(), decimal, centred);
    }

    private static void result(Row row, int index, @Nullable BigDecimal score, @Nullable Boolean achieved, CellStyle decimal, CellStyle centred) {
        if (score != null) {
            Cell cell = row.createCell(index);
            cell.setCellValue(score.doubleValue());
            cell.setCellStyle(decimal);
        } else if (achieved != null) {
            text(row, index, achieved ? "Đ" : "CĐ", centred);
        }
    }

    private static void text(Row row, int index, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(index);
        cell.setCellValue(SpreadsheetText.neutralise(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
