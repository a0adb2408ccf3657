package vn.edu.lms.api.assessment.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.blueprint.PaperDraw;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;

/**
 * The labels a student sees instead of a question's own keys. Importers key options in ways that give
 * the answer away (Moodle and QTI key ordering items A, B, C… in their right order, matching responses
 * pair in key order, GIFT often writes the right option first), so a paper never shows them: options of
 * a choice question, items of an ordering and responses of a matching are labelled "A", "B", "C", … by
 * the place they are shown in. True/false statements (never shuffled), matching premises and cloze gaps
 * keep their own keys.
 *
 * <p>A student answers in these labels; {@link #toQuestion} reads such a response in the question's keys,
 * for scoring, and {@link #toShown} writes one (the key, once results are released) in the labels.
 */
public final class ShownKeys {

    private static final int LETTERS = 26;

    private ShownKeys() {
    }

    /** The first {@code count} labels: "A" to "Z", then "AA", "AB", … as spreadsheet columns go. */
    public static List<String> labels(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("No " + count + " labels");
        }
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(label(i));
        }
        return labels;
    }

    private static String label(int index) {
        StringBuilder label = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / LETTERS) {
            label.insert(0, (char) ('A' + (n - 1) % LETTERS));
        }
        return label.toString();
    }

    /**
     * A response written in the labels the student saw, in the question's keys: choices and the order of
     * an ordering label by label, matching pairs premise by premise; the other types as they are. A label
     * the item does not show is dropped (an ordering missing one then earns nothing), so no response fails.
     *
     * @throws IllegalArgumentException when the item's order does not list the keys of its content (an item
     *                                  no student can have been shown)
     */
    public static Response toQuestion(Paper.Item item, Response shown) {
        return translate(item, shown, true);
    }

    /**
     * The inverse of {@link #toQuestion}: a response in the question's keys (its key, say) written in the
     * labels the student sees; a key the question does not have is dropped.
     *
     * @throws IllegalArgumentException when the item's order does not list the keys of its content
     */
    public static Response toShown(Paper.Item item, Response question) {
        return translate(item, question, false);
    }

    private static Response translate(Paper.Item item, Response response, boolean toQuestion) {
        QuestionContent content = item.content();
        if (!(content instanceof QuestionContent.SingleChoice || content instanceof QuestionContent.MultipleResponse
            || content instanceof QuestionContent.Ordering || content instanceof QuestionContent.Matching)) {
            return response;
        }
        List<String> keys = shownOrder(item);
        List<String> labels = labels(keys.size());
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(toQuestion ? labels.get(i) : keys.get(i), toQuestion ? keys.get(i) : labels.get(i));
        }
        if (content instanceof QuestionContent.Matching) {
            Map<String, String> entries = new LinkedHashMap<>();
            response.entries().forEach((premise, given) -> {
                String translated = map.get(given);
                if (translated != null) {
                    entries.put(premise, translated);
                }
            });
            return new Response(response.selected(), entries, response.text());
        }
        List<String> selected = response.selected().stream().map(map::get).filter(Objects::nonNull).toList();
        return new Response(selected, response.entries(), response.text());
    }

    /**
     * The question's keys of the item's options, ordering items or matching responses in the order shown:
     * the order the item lists, or the question's own when it lists none (a paper written before orders
     * were kept); an ordering that would come out solved is moved on by one. Empty for the other types.
     *
     * @throws IllegalArgumentException when the item's order does not list the keys of its content
     */
    static List<String> shownOrder(Paper.Item item) {
        QuestionContent content = item.content();
        List<String> natural = PaperDraw.naturalOrder(content);
        List<String> order = item.order();
        if (natural.isEmpty() || order.isEmpty()) {
            order = natural;
        } else if (order.size() != natural.size() || new HashSet<>(order).size() != order.size() || !new HashSet<>(natural).containsAll(order)) {
            throw new IllegalArgumentException("Item " + item.number() + " shows " + order + " but its question has " + natural);
        }
        if (content instanceof QuestionContent.Ordering && order.size() > 1 && order.equals(natural)) {
            // A fixed paper written before ordering items were always shuffled: never show it solved.
            order = new ArrayList<>(order);
            order.add(order.remove(0));
        }
        return List.copyOf(order);
    }
}
