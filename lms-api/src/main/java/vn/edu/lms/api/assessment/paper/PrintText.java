package vn.edu.lms.api.assessment.paper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlStreamEventReceiver;

import vn.edu.lms.api.questionbank.RichText;

/**
 * Rich text as a printed paper takes it: paragraphs of plain text and the images between them.
 * It goes through {@link RichText}'s allow-list, which hands over text with its character
 * references decoded. A paragraph, division, list item, table row or line break starts a new
 * paragraph; table cells are separated by " | "; list items begin with "• " or their number;
 * super- and subscripts become Unicode ones (x², H₂O) where the font has them, "^(…)" and "_(…)"
 * otherwise.
 *
 * <p>LaTeX stays as its source, {@code \(\frac{1}{2}\)}, delimiters and all: we do not typeset math
 * in PDF, and the source as the teacher wrote it reads better than a half-rendered formula.
 */
final class PrintText {

    /** Where the text breaks: what follows starts a new paragraph. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "table", "thead", "tbody", "ul", "ol", "blockquote",
        "pre");
    private static final String SCRIPTABLE = "0123456789+-−=()ni";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎";

    /** A piece of printed rich text. */
    sealed interface Piece permits Words, Picture {
    }

    /** A paragraph of plain text, its spaces collapsed. */
    record Words(String text) implements Piece {
    }

    /** An image, by its content-store id; null when its source is no image of the content store. */
    record Picture(@Nullable String assetId) implements Piece {
    }

    private PrintText() {
    }

    /** The pieces of {@code html}; {@code drawable} says which characters the font can print. */
    static List<Piece> of(String html, IntPredicate drawable) {
        Collector collector = new Collector(drawable);
        RichText.sanitize(html, collector);
        collector.endParagraph();
        return collector.pieces;
    }

    /** The pieces' text, paragraphs joined by spaces and images left out (for one line, as in the answer key). */
    static String oneLine(String html, IntPredicate drawable) {
        return String.join(" ", of(html, drawable).stream().filter(Words.class::isInstance).map(piece -> ((Words) piece).text()).toList());
    }

    /** Super- ({@code sup}) or subscript ({@code sub}) {@code text} as the font can print it. */
    static String scripted(String text, boolean superscript, IntPredicate drawable) {
        String forms = superscript ? SUPERSCRIPTS : SUBSCRIPTS;
        StringBuilder unicode = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int at = SCRIPTABLE.indexOf(text.charAt(i));
            if (at < 0 || at >= forms.length() || !drawable.test(forms.charAt(at))) {
                String mark = superscript ? "^" : "_";
                return text.codePointCount(0, text.length()) == 1 ? mark + text : mark + "(" + text + ")";
            }
            unicode.append(forms.charAt(at));
        }
        return unicode.toString();
    }

    private static final class Collector implements HtmlStreamEventReceiver {

        private final IntPredicate drawable;
        private final List<Piece> pieces = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        /** Per open list, the number of its next item; -1 for a bulleted list. */
        private final Deque<Integer> lists = new ArrayDeque<>();
        private int cellsInRow;
        private @Nullable StringBuilder script;
        private boolean superscript;

        Collector(IntPredicate drawable) {
            this.drawable = drawable;
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            if (BLOCKS.contains(name)) {
                endParagraph();
            }
            switch (name) {
                case "img" -> {
                    endParagraph();
                    pieces.add(new Picture(assetId(attributes)));
                }
                case "ul" -> lists.push(-1);
                case "ol" -> lists.push(1);
                case "li" -> {
                    Integer next = lists.poll();
                    if (next == null || next < 0) {
                        paragraph.append("• ");
                    } else {
                        paragraph.append(next).append(". ");
                    }
                    if (next != null) {
                        lists.push(next < 0 ? next : next + 1);
                    }
                }
                case "tr" -> cellsInRow = 0;
                case "td", "th" -> {
                    if (cellsInRow++ > 0) {
                        paragraph.append(" | ");
                    }
                }
                case "sup", "sub" -> {
                    script = new StringBuilder();
                    superscript = name.equals("sup");
                }
                default -> {
                }
            }
        }

        @Override
        public void closeTag(String name) {
            if ((name.equals("sup") || name.equals("sub")) && script != null) {
                String text = script.toString().strip();
                script = null;
                if (!text.isEmpty()) {
                    paragraph.append(scripted(text, superscript, drawable));
                }
            } else if (name.equals("ul") || name.equals("ol")) {
                lists.poll();
            }
            if (BLOCKS.contains(name)) {
                endParagraph();
            }
        }

        @Override
        public void text(String text) {
            (script != null ? script : paragraph).append(text);
        }

        void endParagraph() {
            String text = paragraph.toString().replaceAll("\\s+", " ").strip();
            paragraph.setLength(0);
            if (!text.isEmpty()) {
                pieces.add(new Words(text));
            }
        }

        private static @Nullable String assetId(List<String> attributes) {
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if (attributes.get(i).equals("src")) {
                    Matcher asset = RichText.ASSET.matcher(attributes.get(i + 1));
                    if (asset.matches()) {
                        return asset.group(1);
                    }
                }
            }
            return null;
        }
    }
}
