package vn.edu.lms.api.questionbank.importing.docx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Word tests made in the test, as a teacher would type them: paragraphs of formatted runs, equations, pictures, tables. */
final class WordFile {

    private static final String MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    private final XWPFDocument document = new XWPFDocument();

    /** Something a paragraph holds. */
    interface Inline {
        void addTo(XWPFParagraph paragraph);
    }

    /** Text with the formatting teachers use; a tab in it is a Word tab. */
    record Text(String text, boolean bold, boolean italic, boolean underline, boolean red, boolean superscript) implements Inline {

        @Override
        public void addTo(XWPFParagraph paragraph) {
            String[] parts = text.split("\t", -1);
            for (int i = 0; i < parts.length; i++) {
                XWPFRun run = paragraph.createRun();
                if (i > 0) {
                    run.addTab();
                }
                run.setText(parts[i]);
                run.setBold(bold);
                run.setItalic(italic);
                if (underline) {
                    run.setUnderline(UnderlinePatterns.SINGLE);
                }
                if (red) {
                    run.setColor("FF0000");
                }
                if (superscript) {
                    run.setVerticalAlignment("superscript");
                }
            }
        }
    }

    /** An equation typed with Word's equation editor: a fraction. */
    record Fraction(String numerator, String denominator) implements Inline {

        @Override
        public void addTo(XWPFParagraph paragraph) {
            Node p = paragraph.getCTP().getDomNode();
            org.w3c.dom.Document dom = p.getOwnerDocument();
            Element math = dom.createElementNS(MATH, "m:oMath");
            Element fraction = dom.createElementNS(MATH, "m:f");
            fraction.appendChild(argument(dom, "m:num", numerator));
            fraction.appendChild(argument(dom, "m:den", denominator));
            math.appendChild(fraction);
            p.appendChild(math);
        }

        private static Element argument(org.w3c.dom.Document dom, String name, String text) {
            Element argument = dom.createElementNS(MATH, name);
            Element run = dom.createElementNS(MATH, "m:r");
            Element t = dom.createElementNS(MATH, "m:t");
            t.appendChild(dom.createTextNode(text));
            run.appendChild(t);
            argument.appendChild(run);
            return argument;
        }
    }

    /** A picture inserted in the text. */
    record Picture(byte[] png, String fileName) implements Inline {

        @Override
        public void addTo(XWPFParagraph paragraph) {
            try {
                paragraph.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, fileName, Units.toEMU(40), Units.toEMU(30));
            } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Text plain(String text) {
        return new Text(text, false, false, false, false, false);
    }

    static Text underlined(String text) {
        return new Text(text, false, false, true, false, false);
    }

    static Text bold(String text) {
        return new Text(text, true, false, false, false, false);
    }

    static Text italic(String text) {
        return new Text(text, false, true, false, false, false);
    }

    static Text red(String text) {
        return new Text(text, false, false, false, true, false);
    }

    static Text superscript(String text) {
        return new Text(text, false, false, false, false, true);
    }

    static Fraction fraction(String numerator, String denominator) {
        return new Fraction(numerator, denominator);
    }

    static Picture picture() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366CC);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Picture(png.toByteArray(), "hinh-tam-giac.png");
    }

    /** A paragraph of strings (plain text) and inlines. */
    WordFile line(Object... pieces) {
        XWPFParagraph paragraph = document.createParagraph();
        for (Object piece : pieces) {
            (piece instanceof Inline inline ? inline : plain(piece.toString())).addTo(paragraph);
        }
        return this;
    }

    WordFile table(String[]... rows) {
        XWPFTable table = document.createTable(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                table.getRow(r).getCell(c).setText(rows[r][c]);
            }
        }
        return this;
    }

    byte[] bytes() {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
