package vn.edu.lms.api.lesson.participation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.spreadsheet.SpreadsheetText;

/**
 * The participation record as an XLSX sheet, as schools file it for online teaching: STT, name,
 * when the lesson was opened, then one column per video (per cent watched), document (opened),
 * practice quiz (best score) and live class (present or absent). Times in Asia/Ho_Chi_Minh.
 * Blocking: the caller runs it off the event loop.
 */
public final class ParticipationSheet {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final int HEADER_ROW = 3;

    private ParticipationSheet() {
    }

    public static void write(ParticipationReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Tham gia học");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setBorderBottom(BorderStyle.THIN);

            List<ParticipationReport.Column> columns = report.columns();
            int width = 3 + columns.size();
            text(sheet.createRow(0), 0, "THEO DÕI HỌC SINH THAM GIA HỌC TRỰC TUYẾN", bold);
            text(sheet.createRow(1), 0, "Lớp " + report.className() + " – Bài: " + report.lessonTitle(), null);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(width - 1, 1)));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.max(width - 1, 1)));

            Row head = sheet.createRow(HEADER_ROW);
            text(head, 0, "STT", header);
            text(head, 1, "Họ và tên", header);
            text(head, 2, "Mở bài lần đầu", header);
            for (int i = 0; i < columns.size(); i++) {
                text(head, 3 + i, heading(columns.get(i)), header);
            }
            int rowIndex = HEADER_ROW + 1;
            for (ParticipationReport.Line line : report.lines()) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(line.number());
                text(row, 1, line.fullName(), null);
                text(row, 2, line.firstOpenedAt() == null ? "Chưa mở" : TIME.format(line.firstOpenedAt()), null);
                for (int i = 0; i < columns.size(); i++) {
                    value(row, 3 + i, columns.get(i), line);
                }
            }
            Row summary = sheet.createRow(rowIndex + 1);
            text(summary, 1, "Đã tham gia: " + report.started() + "/" + report.lines().size() + " học sinh", bold);

            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 18 * 256);
            for (int i = 0; i < columns.size(); i++) {
                sheet.setColumnWidth(3 + i, 20 * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            workbook.write(out);
        }
    }

    private static String heading(ParticipationReport.Column column) {
        return switch (column.kind()) {
            case VIDEO -> "Video: " + column.title() + " (% đã xem)";
            case DOCUMENT -> "Tài liệu: " + column.title() + " (mở lúc)";
            case QUIZ -> "Luyện tập: " + column.title() + " (điểm cao nhất)";
            case LIVE_CLASS -> "Học trực tuyến" + (column.startsAt() == null ? "" : " " + TIME.format(column.startsAt()))
                + (column.title().isEmpty() ? "" : ": " + column.title());
        };
    }

    private static void value(Row row, int index, ParticipationReport.Column column, ParticipationReport.Line line) {
        String id = column.blockId();
        switch (column.kind()) {
            case VIDEO -> row.createCell(index).setCellValue(line.watchedPercent().getOrDefault(id, 0));
            case DOCUMENT -> {
                Instant opened = line.opened().get(id);
                text(row, index, opened == null ? "" : TIME.format(opened), null);
            }
            case QUIZ -> {
                Participation.QuizResult quiz = line.quizzes().get(id);
                if (quiz != null) {
                    row.createCell(index).setCellValue(quiz.best().doubleValue());
                }
            }
            case LIVE_CLASS -> {
                Boolean present = line.present().get(id);
                text(row, index, present == null ? "" : present ? "Có mặt" : "Vắng", null);
            }
            default -> throw new IllegalStateException(column.kind().name());
        }
    }

    /** Always a text cell, never a formula: names and titles come from users. */
    private static void text(Row row, int index, String value, @Nullable CellStyle style) {
        var cell = row.createCell(index);
        cell.setCellValue(SpreadsheetText.neutralise(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
