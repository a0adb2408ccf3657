package vn.edu.lms.api.gradebook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.pdf.PdfFonts;

/**
 * A student's report card (phiếu báo kết quả học tập) for a term or the year, one A4 page: the
 * school, class and student, each subject's assessments and average (or Đ / CĐ), and the learning
 * result. Decimals are written with a comma, as Vietnamese schools write them. Blocking: the caller
 * runs it off the event loop.
 */
public final class ReportCardPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 48;
    private static final float[] WIDTHS = {150, 170, 50, 50, 78.28f};
    private static final float ROW = 20;
    private static final float SIZE = 10;

    /** What the card shows. */
    public record Card(String schoolName, String yearLabel, String className, String studentName, ClassResults.Period period,
            List<Line> subjects, @Nullable String level) {
    }

    /** One subject: its regular assessments, mid- and end-of-term, and the result (an average, or Đ / CĐ). */
    public record Line(String subject, List<String> regular, String midTerm, String endOfTerm, String result) {
    }

    private ReportCardPdf() {
    }

    public static void write(Card card, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            // The class only: the document's metadata must not carry the student's name.
            document.getDocumentInformation().setTitle("Phiếu báo kết quả học tập – Lớp " + card.className());
            PdfFonts fonts = new PdfFonts(document);
            PDFont regular = fonts.load("LiberationSans-Regular");
            PDFont bold = fonts.load("LiberationSans-Bold");
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = PAGE.getHeight() - MARGIN;
                y = centred(content, fonts, "PHIẾU BÁO KẾT QUẢ HỌC TẬP", bold, 15, y);
                y = centred(content, fonts, card.schoolName() + " – Năm học " + card.yearLabel(), regular, 11, y);
                y = centred(content, fonts, periodLabel(card.period()), bold, 11, y);
                y -= 10;
                text(content, fonts, "Học sinh: " + card.studentName(), bold, 11, MARGIN, y -= 16);
                text(content, fonts, "Lớp: " + card.className(), regular, 11, MARGIN, y -= 16);
                y -= 12;
                String[] header = {"Môn học", "Đánh giá thường xuyên", "Giữa kỳ", "Cuối kỳ",
                    card.period() == ClassResults.Period.CN ? "ĐTBmcn / KQ" : "ĐTBmhk / KQ"};
                y = row(content, fonts, header, bold, y, true);
                for (Line line : card.subjects()) {
                    y = row(content, fonts, new String[] {line.subject(), String.join("  ", line.regular()), line.midTerm(), line.endOfTerm(),
                        line.result()}, regular, y, false);
                }
                y -= 24;
                text(content, fonts, "Kết quả học tập: " + (card.level() == null ? "chưa đủ điểm để xếp mức" : card.level()), bold, 11, MARGIN, y);
            }
            document.save(out);
        }
    }

    static String periodLabel(ClassResults.Period period) {
        return switch (period) {
            case HK1 -> "Học kỳ I";
            case HK2 -> "Học kỳ II";
            case CN -> "Cả năm học";
        };
    }

    /** One decimal, with a comma: 7,5. */
    static String decimal(@Nullable BigDecimal value) {
        return value == null ? "" : value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String rating(@Nullable Boolean achieved) {
        return achieved == null ? "" : achieved ? "Đ" : "CĐ";
    }

    private static float row(PDPageContentStream content, PdfFonts fonts, String[] values, PDFont font, float top, boolean header)
            throws IOException {
        float x = MARGIN;
        for (int column = 0; column < values.length; column++) {
            if (header) {
                content.setNonStrokingColor(0.88f, 0.88f, 0.88f);
                content.addRect(x, top - ROW, WIDTHS[column], ROW);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            }
            content.setLineWidth(0.5f);
            content.addRect(x, top - ROW, WIDTHS[column], ROW);
            content.stroke();
            String value = fonts.printable(values[column], font);
            float size = header && column == 1 ? 9 : SIZE;
            float width = font.getStringWidth(value) / 1000 * size;
            float textX = column == 0 ? x + 4 : x + Math.max(2, (WIDTHS[column] - width) / 2);
            text(content, fonts, value, font, size, textX, top - ROW + 6);
            x += WIDTHS[column];
        }
        return top - ROW;
    }

    private static float centred(PDPageContentStream content, PdfFonts fonts, String raw, PDFont font, float size, float y) throws IOException {
        String value = fonts.printable(raw, font);
        float width = font.getStringWidth(value) / 1000 * size;
        float line = y - size * 1.4f;
        text(content, fonts, value, font, size, (PAGE.getWidth() - width) / 2, line);
        return line;
    }

    private static void text(PDPageContentStream content, PdfFonts fonts, String raw, PDFont font, float size, float x, float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(fonts.printable(raw, font));
        content.endText();
    }

    /** The lines of a card from a student's grades and results. */
    static List<Line> linesOf(GradebookReports.StudentGrades grades, List<vn.edu.lms.content.curriculum.Subject> subjects) {
        List<Line> lines = new ArrayList<>();
        for (vn.edu.lms.content.curriculum.Subject subject : subjects) {
            ClassResults.SubjectResult result = grades.result().subjects().get(subject.code());
            GradebookReports.SubjectCells cells = grades.subjects().stream().filter(found -> found.subjectCode().equals(subject.code())).findFirst()
                .orElse(null);
            List<String> regular = new ArrayList<>();
            String mid = "";
            String end = "";
            if (cells != null) {
                for (String column : cells.columns()) {
                    Gradebook.Cell cell = cells.cells().get(column);
                    String shown = cell == null ? "" : cell.score() != null ? decimal(cell.score()) : rating(cell.achieved());
                    if (column.equals(Gradebook.MID_TERM)) {
                        mid = shown;
                    } else if (column.equals(Gradebook.END_OF_TERM)) {
                        end = shown;
                    } else if (!shown.isEmpty()) {
                        regular.add(shown);
                    }
                }
            }
            String shownResult = result == null ? "" : result.average() != null ? decimal(result.average()) : rating(result.achieved());
            lines.add(new Line(subject.name(), regular, mid, end, shownResult));
        }
        return lines;
    }
}
