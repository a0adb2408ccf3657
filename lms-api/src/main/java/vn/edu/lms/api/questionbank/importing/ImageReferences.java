package vn.edu.lms.api.questionbank.importing;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.edu.lms.api.questionbank.QuestionContent;

/** The {@code import:NAME} image references of a file's rich text, and their replacement by stored ids. */
final class ImageReferences {

    private static final Pattern REFERENCE = Pattern.compile("src=\"import:([^\"]+)\"");

    private ImageReferences() {
    }

    static Set<String> in(QuestionContent content) {
        Set<String> names = new LinkedHashSet<>();
        content.withText(text -> {
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                names.add(unescape(matcher.group(1)));
            }
            return text;
        });
        return names;
    }

    static String replace(String text, Map<String, String> ids) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(unescape(matcher.group(1)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(id == null ? matcher.group() : "src=\"asset:" + id + "\""));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
