package vn.edu.lms.api.assessment.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionType;

/**
 * What a student sees of one item of their paper: the question without its key. Options, ordering
 * items and matching responses come in the order the paper shows them, keyed "A", "B", "C", … by
 * their place and never by the question's own keys, which may give the answer away
 * ({@link ShownKeys}); true/false statements come without their truth, a cloze text with its gaps but
 * not what fills them, an essay without its guidance, short answers without the accepted answers,
 * value or tolerance.
 *
 * @param options    single and multiple choice options, or ordering items, in the order shown and labelled by
 *                   their place; empty otherwise
 * @param statements the statements a–d of a true/false group, with their own keys, without their truth
 * @param premises   matching premises, in the question's order, with their own keys
 * @param responses  matching responses, in the order shown and labelled by their place
 * @param clozeText  the cloze text with its gaps written {@code {key}}; null for the other types
 * @param gaps       the cloze gap keys, in the order they stand in the text
 * @param multiple   whether several options may be chosen (multiple response)
 */
public record ShownItem(int number, QuestionType type, BigDecimal points, String stem, List<Choice> options,
    List<Choice> statements, List<Choice> premises, List<Choice> responses, @Nullable String clozeText, List<String> gaps,
    boolean multiple) {

    public ShownItem {
        options = List.copyOf(options);
        statements = List.copyOf(statements);
        premises = List.copyOf(premises);
        responses = List.copyOf(responses);
        gaps = List.copyOf(gaps);
    }

    /**
     * The item as its student sees it, options, ordering items and matching responses labelled by their
     * place ({@link ShownKeys}). An ordering item whose order would show its items already solved (a fixed
     * paper drawn before ordering items were always shuffled) shows them moved on by one.
     *
     * @throws IllegalArgumentException when the item's order does not list the keys of its content
     */
    public static ShownItem of(Paper.Item item) {
        QuestionContent content = item.content();
        Shown shown = new Shown(item);
        if (content instanceof QuestionContent.SingleChoice single) {
            return shown.options(labelled(single.options(), item), false);
        }
        if (content instanceof QuestionContent.MultipleResponse multiple) {
            return shown.options(labelled(multiple.options(), item), true);
        }
        if (content instanceof QuestionContent.Ordering ordering) {
            return shown.options(labelled(ordering.items(), item), false);
        }
        if (content instanceof QuestionContent.TrueFalseGroup group) {
            return shown.statements(group.statements().stream().map(statement -> new Choice(statement.key(), statement.content())).toList());
        }
        if (content instanceof QuestionContent.Matching matching) {
            return shown.matching(matching.premises(), labelled(matching.responses(), item));
        }
        if (content instanceof QuestionContent.Cloze cloze) {
            return shown.cloze(cloze.text(), QuestionContent.Cloze.gapsIn(cloze.text()).stream().map(gap -> gap.group(1)).distinct().toList());
        }
        if (content instanceof QuestionContent.ShortNumber || content instanceof QuestionContent.ShortText
            || content instanceof QuestionContent.Essay) {
            return shown.stemOnly();
        }
        throw new IllegalArgumentException("Unknown question content " + content.type());
    }

    /**
     * {@code choices} in the order the item shows them ({@link ShownKeys#shownOrder}), each keyed by the
     * label of its place, never by its own key.
     */
    private static List<Choice> labelled(List<Choice> choices, Paper.Item item) {
        Map<String, Choice> byKey = new HashMap<>();
        choices.forEach(choice -> byKey.putIfAbsent(choice.key(), choice));
        List<String> order = ShownKeys.shownOrder(item);
        List<String> labels = ShownKeys.labels(order.size());
        List<Choice> shown = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            shown.add(new Choice(labels.get(i), byKey.get(order.get(i)).content()));
        }
        return shown;
    }

    /** The parts every type has, to which each type adds its own. */
    private record Shown(Paper.Item item) {

        ShownItem options(List<Choice> options, boolean multiple) {
            return shownItem(options, List.of(), List.of(), List.of(), null, List.of(), multiple);
        }

        ShownItem statements(List<Choice> statements) {
            return shownItem(List.of(), statements, List.of(), List.of(), null, List.of(), false);
        }

        ShownItem matching(List<Choice> premises, List<Choice> responses) {
            return shownItem(List.of(), List.of(), premises, responses, null, List.of(), false);
        }

        ShownItem cloze(String text, List<String> gaps) {
            return shownItem(List.of(), List.of(), List.of(), List.of(), text, gaps, false);
        }

        ShownItem stemOnly() {
            return shownItem(List.of(), List.of(), List.of(), List.of(), null, List.of(), false);
        }

        private ShownItem shownItem(List<Choice> options, List<Choice> statements, List<Choice> premises, List<Choice> responses,
            @Nullable String clozeText, List<String> gaps, boolean multiple) {
            return new ShownItem(item.number(), item.content().type(), item.points(), item.content().stem(), options, statements, premises,
                responses, clozeText, gaps, multiple);
        }
    }
}
