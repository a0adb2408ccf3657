package vn.edu.lms.api.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF document: Liberation Sans, Serif or Mono (metrically Arial, Times New Roman
 * and Courier New) from the classpath, and text as they can print it. PDFBox refuses to show a
 * character its font has no glyph for, so text goes through {@link #printable} first.
 */
public final class PdfFonts {

    private final PDDocument document;
    /** Per font, whether it can draw a code point. */
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

    public PdfFonts(PDDocument document) {
        this.document = document;
    }

    /** A Liberation font by its file's name ("LiberationSerif-Bold"), embedded as a subset: only the glyphs used, so the file stays small. */
    public PDFont load(String name) throws IOException {
        String resource = "/liberation/" + name + ".ttf";
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    /**
     * {@code text} composed (NFC, as the font's glyphs are), with every kind of space and control
     * character as a space and what the font cannot draw (emoji, other scripts) as "?", stripped.
     */
    public String printable(String text, PDFont font) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)) {
                out.append(' ');
            } else {
                out.appendCodePoint(canDraw(font, codePoint) ? codePoint : '?');
            }
        });
        return out.toString().strip();
    }

    public boolean canDraw(PDFont font, int codePoint) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
