package vn.edu.lms.api.classlist.file;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.edu.lms.api.spreadsheet.SpreadsheetText;

/** The XLSX credential sheet. */
final class CredentialXlsx {

    private static final int COLUMNS = CredentialSheets.HEADERS.length;
    /** Widths in characters: STT, name, date of birth, username, password. */
    private static final int[] WIDTHS = {6, 32, 13, 24, 20};
    private static final int HEADER_ROW = 4;

    private CredentialXlsx() {
    }

    static void write(CredentialSheet sheet, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet page = workbook.createSheet("Tài khoản");
            for (int column = 0; column < COLUMNS; column++) {
                page.setColumnWidth(column, WIDTHS[column] * 256);
            }
            title(page, 0, CredentialSheets.TITLE, styles.title);
            title(page, 1, sheet.schoolName(), styles.subtitle);
            title(page, 2, CredentialSheets.classLine(sheet), styles.subtitle);

            Row header = page.createRow(HEADER_ROW);
            for (int column = 0; column < COLUMNS; column++) {
                text(header, column, CredentialSheets.HEADERS[column], styles.header);
            }
            int rowIndex = HEADER_ROW + 1;
            int number = 1;
            for (CredentialSheet.Entry entry : sheet.entries()) {
                Row row = page.createRow(rowIndex++);
                row.createCell(0).setCellValue(number++);
                row.getCell(0).setCellStyle(styles.centred);
                text(row, 1, entry.fullName(), styles.body);
                text(row, 2, entry.dateOfBirth() == null ? "" : ClassListCsv.DATE.format(entry.dateOfBirth()),
                    styles.centred);
                text(row, 3, entry.username(), styles.body);
                if (entry.oneTimePassword() == null) {
                    text(row, 4, CredentialSheets.PASSWORD_CHANGED, styles.changed);
                } else {
                    text(row, 4, entry.oneTimePassword(), styles.body);
                }
            }
            Row footnote = page.createRow(rowIndex + 1);
            text(footnote, 0, CredentialSheets.FOOTNOTE, styles.footnote);
            // Merged cells do not grow with wrapped text: room for two lines.
            footnote.setHeightInPoints(2 * page.getDefaultRowHeightInPoints());
            page.addMergedRegion(new CellRangeAddress(rowIndex + 1, rowIndex + 1, 0, COLUMNS - 1));

            printSetup(page);
            workbook.write(out);
        }
    }

    private static void title(XSSFSheet page, int rowIndex, String text, CellStyle style) {
        text(page.createRow(rowIndex), 0, text, style);
        page.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, COLUMNS - 1));
    }

    /** Always a string cell, never a formula: names and passwords come from users. */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(SpreadsheetText.neutralise(value));
        cell.setCellStyle(style);
    }

    private static void printSetup(XSSFSheet page) {
        PrintSetup print = page.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        page.setFitToPage(true);
        print.setFitWidth((short) 1);
        // 0: as many pages tall as needed.
        print.setFitHeight((short) 0);
        page.setHorizontallyCenter(true);
        page.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        page.createFreezePane(0, HEADER_ROW + 1);
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle body;
        final CellStyle centred;
        final CellStyle changed;
        final CellStyle footnote;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = workbook.createCellStyle();
            subtitle.setAlignment(HorizontalAlignment.CENTER);

            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            body = bordered(workbook);
            centred = bordered(workbook);
            centred.setAlignment(HorizontalAlignment.CENTER);
            changed = bordered(workbook);
            changed.setFont(grey);

            footnote = workbook.createCellStyle();
            footnote.setFont(italic);
            footnote.setWrapText(true);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
