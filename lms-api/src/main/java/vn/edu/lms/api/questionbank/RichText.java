package vn.edu.lms.api.questionbank;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * The rich text of stems, options and statements: a small HTML subset (paragraphs, line breaks,
 * emphasis, sub- and superscripts, lists, tables, code) with LaTeX written as text between
 * {@code \( \)} or {@code \[ \]}, and images stored in the content store, written
 * {@code <img src="asset:ID">}. Anything else (scripts, styles, event handlers, links, other image
 * sources) is removed by an allow-list sanitizer before a question is stored.
 */
public final class RichText {

    /** An image of the content store as rich text names it; group 1 is its id. */
    public static final Pattern ASSET = Pattern.compile("asset:([A-Za-z0-9_-]{1,64}(?:\\.[a-z]{3,4})?)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "table", "thead", "tbody", "tr",
            "th", "td", "span", "div", "code", "pre", "blockquote", "img")
        .allowAttributes("src").matching(ASSET).onElements("img")
        .allowAttributes("alt").onElements("img")
        .allowAttributes("width", "height").matching(NUMBER).onElements("img")
        .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
        .allowUrlProtocols("asset")
        .toFactory();
    private static final Pattern TAG = Pattern.compile("<(?!img\\b)[^>]*>");

    private RichText() {
    }

    /**
     * {@code html} with everything outside the allowed subset removed. The sanitizer writes "=", "+"
     * and "@" as character references everywhere; they are harmless in text and in quoted attribute
     * values, and LaTeX is full of them, so they are written back as they were typed.
     */
    public static String sanitize(String html) {
        return POLICY.sanitize(html).replace("&#61;", "=").replace("&#43;", "+").replace("&#64;", "@");
    }

    /** {@code html} through the same allow-list, as events for {@code receiver} (to write it in another form, as QTI's XHTML). */
    public static void sanitize(String html, HtmlStreamEventReceiver receiver) {
        HtmlSanitizer.sanitize(html, POLICY.apply(receiver));
    }

    /** Plain text, escaped for the HTML subset (for formats whose text is not HTML). */
    public static String ofPlainText(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>");
    }

    /** Whether it shows nothing: no text and no image. */
    public static boolean isBlank(String html) {
        String rest = TAG.matcher(html).replaceAll("").replace("&nbsp;", " ").replace("&#160;", " ");
        return rest.isBlank();
    }
}
