package vn.edu.lms.api.classlist.file;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import vn.edu.lms.api.pdf.PdfFonts;

/**
 * The PDF credential sheet, laid out with PDFBox directly: a title block, then a table whose rows
 * grow when a long name wraps, with the header repeated on every page.
 */
final class CredentialPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 42;
    private static final float BOTTOM = 56;
    /** STT, name, date of birth, username, password: together the width between the margins. */
    private static final float[] WIDTHS = {32, 170, 72, 130, 107.28f};
    private static final float FONT_SIZE = 10;
    private static final float LEADING = 12.5f;
    private static final float PADDING = 4;
    private static final float GRID_GREY = 0.45f;

    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    /** The fonts, and text as they can print it (anything else prints as "?"). */
    private final PdfFonts fonts;
    private PDPageContentStream content;
    private float y;

    private CredentialPdf(PDDocument document) throws IOException {
        this.document = document;
        this.fonts = new PdfFonts(document);
        this.regular = fonts.load("LiberationSans-Regular");
        this.bold = fonts.load("LiberationSans-Bold");
        this.content = newContent();
    }

    static void write(CredentialSheet sheet, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            // Class only: the document's metadata must not carry names.
            info.setTitle("Danh sách tài khoản học sinh – Lớp " + sheet.className());
            CredentialPdf pdf = new CredentialPdf(document);
            pdf.draw(sheet);
            pdf.numberPages();
            document.save(out);
        }
    }

    private void draw(CredentialSheet sheet) throws IOException {
        centred(CredentialSheets.TITLE, bold, 14);
        y -= 8;
        centred(sheet.schoolName(), regular, 11);
        centred(CredentialSheets.classLine(sheet), bold, 11);
        y -= 10;
        tableHeader();
        int number = 1;
        for (CredentialSheet.Entry entry : sheet.entries()) {
            String password = entry.oneTimePassword();
            row(new String[] {Integer.toString(number++), entry.fullName(),
                entry.dateOfBirth() == null ? "" : ClassListCsv.DATE.format(entry.dateOfBirth()), entry.username(),
                password == null ? CredentialSheets.PASSWORD_CHANGED : password}, password == null);
        }
        List<String> footnote = wrap(CredentialSheets.FOOTNOTE, regular, 9, PAGE.getWidth() - 2 * MARGIN);
        if (y - 10 - footnote.size() * LEADING < BOTTOM) {
            newPage();
        }
        y -= 10;
        for (String line : footnote) {
            y -= LEADING;
            text(line, regular, 9, MARGIN, y);
        }
        content.close();
    }

    private void newPage() throws IOException {
        content.close();
        content = newContent();
    }

    private PDPageContentStream newContent() throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        y = PAGE.getHeight() - MARGIN;
        return new PDPageContentStream(document, page);
    }

    private void centred(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(text, font, size, PAGE.getWidth() - 2 * MARGIN)) {
            y -= size * 1.35f;
            text(line, font, size, (PAGE.getWidth() - width(line, font, size)) / 2, y);
        }
    }

    private void tableHeader() throws IOException {
        cells(CredentialSheets.HEADERS, bold, true, false);
    }

    private void row(String[] values, boolean passwordChanged) throws IOException {
        if (y - height(values, regular) < BOTTOM) {
            newPage();
            tableHeader();
        }
        cells(values, regular, false, passwordChanged);
    }

    private float height(String[] values, PDFont font) throws IOException {
        int lines = 1;
        for (int column = 0; column < values.length; column++) {
            lines = Math.max(lines, wrap(values[column], font, FONT_SIZE, WIDTHS[column] - 2 * PADDING).size());
        }
        return lines * LEADING + 2 * PADDING;
    }

    private void cells(String[] values, PDFont font, boolean header, boolean passwordChanged) throws IOException {
        float height = height(values, font);
        float top = y;
        float x = MARGIN;
        for (int column = 0; column < values.length; column++) {
            float width = WIDTHS[column];
            if (header) {
                content.setNonStrokingColor(0.88f, 0.88f, 0.88f);
                content.addRect(x, top - height, width, height);
                content.fill();
            }
            content.setStrokingColor(GRID_GREY, GRID_GREY, GRID_GREY);
            content.setLineWidth(0.5f);
            content.addRect(x, top - height, width, height);
            content.stroke();

            boolean greyed = passwordChanged && column == values.length - 1;
            float grey = greyed ? 0.4f : 0f;
            content.setNonStrokingColor(grey, grey, grey);
            boolean centre = header || column == 0 || column == 2;
            float lineY = top - PADDING - FONT_SIZE;
            for (String line : wrap(values[column], font, FONT_SIZE, width - 2 * PADDING)) {
                float lineX = centre ? x + (width - width(line, font, FONT_SIZE)) / 2 : x + PADDING;
                text(line, font, FONT_SIZE, lineX, lineY);
                lineY -= LEADING;
            }
            x += width;
        }
        content.setNonStrokingColor(0f, 0f, 0f);
        y = top - height;
    }

    private void numberPages() throws IOException {
        int count = document.getNumberOfPages();
        for (int index = 0; index < count; index++) {
            PDPage page = document.getPage(index);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = "Trang " + (index + 1) + "/" + count;
                footer.beginText();
                footer.setFont(regular, 9);
                footer.newLineAtOffset((PAGE.getWidth() - width(text, regular, 9)) / 2, BOTTOM - 24);
                footer.showText(text);
                footer.endText();
            }
        }
    }

    private void text(String text, PDFont font, float size, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(text);
        content.endText();
    }

    private float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Lines that fit the width: broken at spaces, and inside a word only when it alone is too wide. */
    private List<String> wrap(String raw, PDFont font, float size, float maxWidth) throws IOException {
        String text = fonts.printable(raw, font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the column (a long username): break it between characters.
            int start = 0;
            for (int end = 0; end < word.length(); ) {
                int next = word.offsetByCodePoints(end, 1);
                if (end > start && width(word.substring(start, next), font, size) > maxWidth) {
                    lines.add(word.substring(start, end));
                    start = end;
                }
                end = next;
            }
            line.append(word.substring(start));
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
