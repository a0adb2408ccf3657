package vn.edu.lms.web.page;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Rich text (the sanitized HTML of questions and lessons) as a line of plain text for lists and
 * titles; Thymeleaf escapes what it prints. Templates call it as {@code ${@texts.plain(html, 80)}}.
 */
@Component("texts")
public class Texts {

    public String plain(@Nullable String html, int max) {
        if (html == null) {
            return "";
        }
        String text = HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
