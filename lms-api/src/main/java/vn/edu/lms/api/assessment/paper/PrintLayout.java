package vn.edu.lms.api.assessment.paper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.pdf.PdfFonts;

/**
 * A flow of text down A4 pages with PDFBox: paragraphs that wrap (with a hanging indent for labelled
 * ones), images scaled down to the width, two-column table rows, and a new page whenever the next
 * line, image or row does not fit. Each page has a footer label; pages are numbered per label
 * ("Mã đề 101 – Trang 2/3") once the flow is finished.
 *
 * <p>Text is set in Liberation Serif (metrically Times New Roman, as Vietnamese papers are set),
 * which has every Vietnamese letter; what it cannot draw prints as "?".
 */
final class PrintLayout {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = 56;
    static final float RIGHT = PAGE.getWidth() - 42;
    private static final float TOP = 48;
    private static final float BOTTOM = 56;
    /** Screen images are taken at 96 pixels to the inch, PDF counts 72 points. */
    private static final float POINTS_PER_PIXEL = 0.75f;
    private static final float CELL_PADDING = 4;

    final PDFont regular;
    final PDFont bold;
    final PDFont italic;
    private final PDDocument document;
    private final PdfFonts fonts;
    private final List<String> footers = new ArrayList<>();
    private @Nullable PDPageContentStream content;
    private float y;

    /** A piece of a paragraph in one font. */
    record Run(String text, PDFont font) {
    }

    PrintLayout(PDDocument document) throws IOException {
        this.document = document;
        this.fonts = new PdfFonts(document);
        this.regular = fonts.load("LiberationSerif-Regular");
        this.bold = fonts.load("LiberationSerif-Bold");
        this.italic = fonts.load("LiberationSerif-Italic");
    }

    /** Starts a page whose footer names {@code footer}. */
    void newPage(String footer) throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        footers.add(footer);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - TOP;
    }

    /** A new page, with the same footer, unless {@code height} still fits on this one. */
    void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage(footers.get(footers.size() - 1));
        }
    }

    void space(float height) {
        y -= height;
    }

    /** Whether the regular font can draw {@code codePoint}. */
    boolean drawable(int codePoint) {
        return fonts.canDraw(regular, codePoint);
    }

    static float leading(float size) {
        return size * 1.25f;
    }

    /** Lines centred between the margins. */
    void centred(String text, PDFont font, float size) throws IOException {
        for (List<Placed> line : lines(List.of(new Run(text, font)), size, RIGHT - LEFT, RIGHT - LEFT)) {
            float width = line.isEmpty() ? 0 : line.get(line.size() - 1).x() + width(line.get(line.size() - 1).run(), size);
            drawLine(line, size, LEFT + (RIGHT - LEFT - width) / 2);
        }
    }

    /** {@code left} at the left margin and {@code right} against the right one, on one line. */
    void sides(Run left, Run right, float size) throws IOException {
        keep(leading(size));
        y -= leading(size);
        show(fonts.printable(left.text(), left.font()), left.font(), size, LEFT, y);
        String rightText = fonts.printable(right.text(), right.font());
        show(rightText, right.font(), size, RIGHT - width(new Run(rightText, right.font()), size), y);
    }

    /**
     * A paragraph of {@code runs}, broken at spaces: its first line starts at {@code x}, the others at
     * {@code wrapX} (further in for a hanging indent after a label).
     */
    void paragraph(float size, float x, float wrapX, Run... runs) throws IOException {
        List<List<Placed>> lines = lines(List.of(runs), size, RIGHT - x, RIGHT - wrapX);
        for (int i = 0; i < lines.size(); i++) {
            drawLine(lines.get(i), size, i == 0 ? x : wrapX);
        }
    }

    /** A rule across the page. */
    void rule() throws IOException {
        y -= 6;
        content().setLineWidth(0.6f);
        content().moveTo(LEFT, y);
        content().lineTo(RIGHT, y);
        content().stroke();
        y -= 6;
    }

    /** An image from {@code x} on, scaled down (never up) to the width left and to a page. */
    void image(PDImageXObject image, float x) throws IOException {
        float width = image.getWidth() * POINTS_PER_PIXEL;
        float height = image.getHeight() * POINTS_PER_PIXEL;
        float scale = Math.min(1, Math.min((RIGHT - x) / width, (PAGE.getHeight() - TOP - BOTTOM) / height));
        width *= scale;
        height *= scale;
        keep(height + 4);
        y -= height + 2;
        content().drawImage(image, x, y, width, height);
        y -= 2;
    }

    /** A row of a table of two columns, the first {@code firstWidth} wide; a header row is shaded. */
    void row(String first, String second, float firstWidth, float size, boolean header) throws IOException {
        PDFont font = header ? bold : regular;
        float[] widths = {firstWidth, RIGHT - LEFT - firstWidth};
        List<List<List<Placed>>> cells = List.of(lines(List.of(new Run(first, font)), size, widths[0] - 2 * CELL_PADDING,
            widths[0] - 2 * CELL_PADDING), lines(List.of(new Run(second, font)), size, widths[1] - 2 * CELL_PADDING, widths[1] - 2 * CELL_PADDING));
        float height = Math.max(cells.get(0).size(), cells.get(1).size()) * leading(size) + 2 * CELL_PADDING;
        keep(height);
        float top = y;
        float x = LEFT;
        for (int column = 0; column < 2; column++) {
            if (header) {
                content().setNonStrokingColor(0.9f, 0.9f, 0.9f);
                content().addRect(x, top - height, widths[column], height);
                content().fill();
                content().setNonStrokingColor(0f, 0f, 0f);
            }
            content().setLineWidth(0.5f);
            content().addRect(x, top - height, widths[column], height);
            content().stroke();
            y = top - CELL_PADDING;
            for (List<Placed> line : cells.get(column)) {
                drawLine(line, size, x + CELL_PADDING);
            }
            x += widths[column];
        }
        y = top - height;
    }

    /** Closes the last page and writes each page's footer, numbered among the pages with its label. */
    void finish() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        for (int index = 0; index < footers.size(); index++) {
            String label = footers.get(index);
            int first = index;
            while (first > 0 && footers.get(first - 1).equals(label)) {
                first--;
            }
            int last = index;
            while (last + 1 < footers.size() && footers.get(last + 1).equals(label)) {
                last++;
            }
            String text = fonts.printable(label + " – Trang " + (index - first + 1) + "/" + (last - first + 1), italic);
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(index),
                PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(italic, 9);
                footer.newLineAtOffset(RIGHT - width(new Run(text, italic), 9), BOTTOM - 24);
                footer.showText(text);
                footer.endText();
            }
        }
    }

    float width(Run run, float size) throws IOException {
        return run.font().getStringWidth(run.text()) / 1000 * size;
    }

    /** A word of a line and where it starts, from the line's start. */
    private record Placed(Run run, float x) {
    }

    private void drawLine(List<Placed> line, float size, float x) throws IOException {
        keep(leading(size));
        y -= leading(size);
        for (Placed word : line) {
            show(word.run().text(), word.run().font(), size, x + word.x(), y);
        }
    }

    private void show(String text, PDFont font, float size, float x, float atY) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content().beginText();
        content().setFont(font, size);
        content().newLineAtOffset(x, atY);
        content().showText(text);
        content().endText();
    }

    private PDPageContentStream content() {
        if (content == null) {
            throw new IllegalStateException("No page started");
        }
        return content;
    }

    /**
     * The words of {@code runs} laid out in lines, the first {@code firstWidth} wide, the others
     * {@code width}: broken at spaces, and inside a word only when it alone is too wide (a long formula).
     */
    private List<List<Placed>> lines(List<Run> runs, float size, float firstWidth, float width) throws IOException {
        List<List<Placed>> lines = new ArrayList<>();
        List<Placed> line = new ArrayList<>();
        float x = 0;
        float space = width(new Run(" ", regular), size);
        for (Run run : runs) {
            for (String word : fonts.printable(run.text(), run.font()).split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String rest = word;
                while (!rest.isEmpty()) {
                    float room = lines.isEmpty() ? firstWidth : width;
                    float start = line.isEmpty() ? 0 : x + space;
                    String fits = longestFitting(rest, run.font(), size, room - start);
                    if (fits.length() < rest.length() && !line.isEmpty()) {
                        // The word goes to the next line, where it may fit whole.
                        lines.add(line);
                        line = new ArrayList<>();
                        x = 0;
                        continue;
                    }
                    if (fits.isEmpty()) {
                        fits = rest.substring(0, rest.offsetByCodePoints(0, 1));
                    }
                    Run piece = new Run(fits, run.font());
                    line.add(new Placed(piece, start));
                    x = start + width(piece, size);
                    rest = rest.substring(fits.length());
                    if (!rest.isEmpty()) {
                        lines.add(line);
                        line = new ArrayList<>();
                        x = 0;
                    }
                }
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** The longest start of {@code word} no wider than {@code room}, whole code points. */
    private String longestFitting(String word, PDFont font, float size, float room) throws IOException {
        if (width(new Run(word, font), size) <= room) {
            return word;
        }
        int end = 0;
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(new Run(word.substring(0, next), font), size) > room) {
                break;
            }
            end = next;
        }
        return word.substring(0, end);
    }
}
