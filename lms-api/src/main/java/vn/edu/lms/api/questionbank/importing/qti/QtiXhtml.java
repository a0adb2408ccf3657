package vn.edu.lms.api.questionbank.importing.qti;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * The bank's rich text (an HTML fragment) as XHTML inside a QTI item. It goes through the same
 * allow-list as {@link vn.edu.lms.api.questionbank.RichText}, so that whatever the fragment holds, the
 * item is well-formed XML: void elements closed ({@code <br/>}), text and attributes escaped.
 */
final class QtiXhtml {

    static final Pattern ASSET = Pattern.compile("asset:([A-Za-z0-9_-]{1,64}(?:\\.[a-z]{3,4})?)");
    static final Pattern GAP = Pattern.compile("\\{([A-Za-z0-9]{1,8})}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final PolicyFactory SUBSET = new HtmlPolicyBuilder()
        .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "table", "thead", "tbody", "tr",
            "th", "td", "span", "div", "code", "pre", "blockquote", "img")
        .allowAttributes("src").matching(ASSET).onElements("img")
        .allowAttributes("alt").onElements("img")
        .allowAttributes("width", "height").matching(NUMBER).onElements("img")
        .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
        .allowUrlProtocols("asset")
        .toFactory();

    private QtiXhtml() {
    }

    /**
     * @param imageSource  the {@code src} to write for an image of the content store, by its id
     * @param gap          the XML to write for a cloze gap {@code {key}}, or null to leave the text as it is
     */
    static String of(String html, Function<String, String> imageSource, Function<String, @Nullable String> gap) {
        Writer writer = new Writer(imageSource, gap);
        HtmlSanitizer.sanitize(html, SUBSET.apply(writer));
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
                    Matcher asset = ASSET.matcher(value);
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
            Matcher gaps = GAP.matcher(text);
            int written = 0;
            while (gaps.find()) {
                String interaction = gap.apply(gaps.group(1));
                if (interaction != null) {
                    out.append(QtiXml.escapeText(text.substring(written, gaps.start()))).append(interaction);
                    written = gaps.end();
                }
            }
            out.append(QtiXml.escapeText(text.substring(written)));
            text.setLength(0);
        }
    }
}
