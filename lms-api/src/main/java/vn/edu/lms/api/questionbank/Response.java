package vn.edu.lms.api.questionbank;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A student's response to one question, in the one shape every type reads its part of:
 * <ul>
 * <li>single choice: {@code selected = ["B"]}; multiple response: {@code selected = ["A", "C"]};
 * <li>ordering: {@code selected} is the keys in the order the student put them;
 * <li>true/false group: {@code entries = {"a": "true", "b": "false", …}};
 * <li>matching: {@code entries = {premise key: response key}}; cloze: {@code entries = {gap key: text}};
 * <li>short answer and essay: {@code text}.
 * </ul>
 */
public record Response(List<String> selected, Map<String, String> entries, @Nullable String text) {

    public Response {
        selected = selected == null ? List.of() : List.copyOf(selected);
        entries = entries == null ? Map.of() : Map.copyOf(entries);
    }

    /** Nothing given: an item the student left unanswered. */
    public static final Response BLANK = new Response(List.of(), Map.of(), null);

    public static Response choosing(String... keys) {
        return new Response(List.of(keys), Map.of(), null);
    }

    public static Response entries(Map<String, String> entries) {
        return new Response(List.of(), entries, null);
    }

    public static Response text(String text) {
        return new Response(List.of(), Map.of(), text);
    }

    /** Whether the student gave anything at all. */
    public boolean isBlank() {
        return selected.isEmpty() && entries.values().stream().allMatch(value -> value == null || value.isBlank())
            && (text == null || text.isBlank());
    }
}
