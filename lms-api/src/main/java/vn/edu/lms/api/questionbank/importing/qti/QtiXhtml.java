package vn.edu.lms.api.questionbank.importing.qti;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlStreamEventReceiver;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.RichText;

/**
 * The bank's rich text (an HTML fragment) as XHTML inside a QTI item. It goes through
 * {@link RichText}'s allow-list, so that whatever the fragment holds, the
 * item is well-formed XML: void elements closed ({@code <br/>}), text and attributes escaped.
 */
final class QtiXhtml {

    private QtiXhtml() {
    }

    /**
     * @param imageSource  the {@code src} to write for an image of the content store, by its id
     * @param gap          the XML to write for a cloze gap {@code {key}}, or null to leave the text as it is
     */
    static String of(String html, Function<String, String> imageSource, Function<String, @Nullable String> gap) {
        Writer writer = new Writer(imageSource, gap);
        RichText.sanitize(html, writer);
        writer.flushText();
        return writer.out.toString();
    }

    static String of(String html, Function<String, String> imageSource) {
        return of(html, imageSource, key -> null);
    }

    private static final class Writer implements HtmlStreamEventReceiver {

        private final Function<String, String> imageSource;
        private final Function<String, @Nullable String> gap;
        private final StringBuilder out = new StringBuilder();
        /** Text comes in pieces; gaps are looked for once a piece of text is whole. */
        private final StringBuilder text = new StringBuilder();

        Writer(Function<String, String> imageSource, Function<String, @Nullable String> gap) {
            this.imageSource = imageSource;
            this.gap = gap;
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
            flushText();
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            flushText();
            out.append('<').append(name);
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                String attribute = attributes.get(i);
                String value = attributes.get(i + 1);
                if (name.equals("img") && attribute.equals("src")) {
                    Matcher asset = RichText.ASSET.matcher(value);
                    if (!asset.matches()) {
                        continue;
                    }
                    value = imageSource.apply(asset.group(1));
                }
                out.append(' ').append(attribute).append("=\"").append(QtiXml.escapeAttribute(value)).append('"');
            }
            out.append(QtiXml.VOID_ELEMENTS.contains(name) ? "/>" : ">");
        }

        @Override
        public void closeTag(String name) {
            flushText();
            if (!QtiXml.VOID_ELEMENTS.contains(name)) {
                out.append("</").append(name).append('>');
            }
        }

        @Override
        public void text(String piece) {
            text.append(piece);
        }

        void flushText() {
            int written = 0;
            for (MatchResult found : QuestionContent.Cloze.gapsIn(text.toString())) {
                String interaction = gap.apply(found.group(1));
                if (interaction != null) {
                    out.append(QtiXml.escapeText(text.substring(written, found.start()))).append(interaction);
                    written = found.end();
                }
            }
            out.append(QtiXml.escapeText(text.substring(written)));
            text.setLength(0);
        }
    }
}
