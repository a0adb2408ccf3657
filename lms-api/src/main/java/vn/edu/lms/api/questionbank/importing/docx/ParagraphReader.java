package vn.edu.lms.api.questionbank.importing.docx;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads paragraphs from their XML, in order, so that equations (which POI's runs leave out) stay
 * where they are written. Only direct formatting is read: that is how teachers mark keys.
 */
final class ParagraphReader {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String V = "urn:schemas-microsoft-com:vml";

    private final DocxImages images;

    ParagraphReader(DocxImages images) {
        this.images = images;
    }

    Line read(XWPFParagraph paragraph) {
        List<Piece> pieces = new ArrayList<>();
        content(paragraph.getCTP().getDomNode(), pieces);
        return new Line(pieces);
    }

    /** A table in a stem, as an HTML table of its cells' rich text. */
    Line table(XWPFTable table) {
        StringBuilder html = new StringBuilder("<table>");
        for (XWPFTableRow row : table.getRows()) {
            html.append("<tr>");
            for (XWPFTableCell cell : row.getTableCells()) {
                html.append("<td>").append(Line.html(cell.getParagraphs().stream().map(this::read).toList(), true, true)).append("</td>");
            }
            html.append("</tr>");
        }
        return Line.of(new Piece.Markup(html.append("</table>").toString()));
    }

    /** A cell's text, for key tables. */
    String text(XWPFTableCell cell) {
        List<String> texts = cell.getParagraphs().stream().map(paragraph -> read(paragraph).plain()).toList();
        return String.join(" ", texts).strip();
    }

    private void content(Node parent, List<Piece> pieces) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            String namespace = element.getNamespaceURI();
            String name = element.getLocalName();
            if (M.equals(namespace) && "oMath".equals(name)) {
                pieces.add(new Piece.Equation(OmmlLatex.of(element)));
            } else if (W.equals(namespace) && "r".equals(name)) {
                run(element, pieces);
            } else if (W.equals(namespace) && (name.equals("pPr") || name.equals("del") || name.equals("moveFrom"))) {
                // Paragraph properties, and text a revision deleted.
                continue;
            } else if ("AlternateContent".equals(name)) {
                alternative(element, pieces, false);
            } else {
                // Hyperlinks, insertions, smart tags, fields, content controls, equation paragraphs: their content counts.
                content(element, pieces);
            }
        }
    }

    private void run(Element run, List<Piece> pieces) {
        Style style = style(child(run, W, "rPr"));
        for (Node node = run.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            switch (element.getLocalName()) {
                case "t" -> pieces.add(new Piece.Text(Normalizer.normalize(text(element), Normalizer.Form.NFC), style));
                case "tab", "ptab" -> pieces.add(new Piece.Text("\t", style));
                case "br", "cr" -> pieces.add(new Piece.Text("\n", style));
                case "noBreakHyphen" -> pieces.add(new Piece.Text("-", style));
                case "drawing", "pict", "object" -> picture(element, pieces);
                case "AlternateContent" -> alternative(element, pieces, true);
                default -> {
                    // Field codes, footnote references, revision marks: nothing a question shows.
                }
            }
        }
    }

    // Word writes newer content with an older fallback: read the first choice only, or both would show.
    private void alternative(Element alternateContent, List<Piece> pieces, boolean inRun) {
        for (Node node = alternateContent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element choice) {
                if (inRun) {
                    picture(choice, pieces);
                } else {
                    content(choice, pieces);
                }
                return;
            }
        }
    }

    /**
     * Pictures (a:blip) and legacy VML images, which include the preview of a MathType equation:
     * MathType's own format cannot be turned into LaTeX, its picture is the best there is.
     */
    private void picture(Element element, List<Piece> pieces) {
        List<String> ids = new ArrayList<>();
        collect(element, ids);
        for (String id : ids) {
            String name = images.named(id);
            if (name != null) {
                pieces.add(new Piece.Image(name));
            }
        }
    }

    private static void collect(Element element, List<String> ids) {
        if (A.equals(element.getNamespaceURI()) && "blip".equals(element.getLocalName())) {
            addIfPresent(element.getAttributeNS(R, "embed"), ids);
        } else if (V.equals(element.getNamespaceURI()) && "imagedata".equals(element.getLocalName())) {
            addIfPresent(element.getAttributeNS(R, "id"), ids);
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                collect(child, ids);
            }
        }
    }

    private static void addIfPresent(@Nullable String id, List<String> ids) {
        if (id != null && !id.isEmpty()) {
            ids.add(id);
        }
    }

    private static Style style(@Nullable Element properties) {
        if (properties == null) {
            return Style.PLAIN;
        }
        Element underline = child(properties, W, "u");
        Element color = child(properties, W, "color");
        Element vertical = child(properties, W, "vertAlign");
        String position = vertical == null ? "" : value(vertical);
        return new Style(on(child(properties, W, "b")), on(child(properties, W, "i")),
            underline != null && !"none".equals(value(underline)), color != null && red(value(color)),
            "superscript".equals(position), "subscript".equals(position));
    }

    // <w:b/> is on; <w:b w:val="0"/> is off (a style's bold switched off).
    private static boolean on(@Nullable Element toggle) {
        if (toggle == null) {
            return false;
        }
        String value = value(toggle).toLowerCase(Locale.ROOT);
        return !(value.equals("0") || value.equals("false") || value.equals("off"));
    }

    /** FF0000 and the darker reds Word offers (C00000), which teachers use alike. */
    private static boolean red(String hex) {
        if (!hex.matches("[0-9A-Fa-f]{6}")) {
            return false;
        }
        int rgb = Integer.parseInt(hex, 16);
        int redPart = rgb >> 16 & 0xFF;
        int green = rgb >> 8 & 0xFF;
        int blue = rgb & 0xFF;
        return redPart >= 0xC0 && green <= 0x40 && blue <= 0x40;
    }

    private static String value(Element element) {
        String value = element.getAttributeNS(W, "val");
        return value == null ? "" : value;
    }

    /** The text an element holds (XMLBeans' DOM has no getTextContent). */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }

    static @Nullable Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
