package vn.edu.lms.api.assessment.blueprint;

import java.math.BigDecimal;
import java.util.List;

import vn.edu.lms.api.questionbank.QuestionContent;

/**
 * One student's paper (or one lettered version): the questions in the order shown, each a copy of
 * the version drawn, with its points and the order its options, items or responses are shown in.
 * Drawn again from the same bank with the same seed, it comes out the same.
 */
public record Paper(long seed, List<Item> items) {

    public Paper {
        items = List.copyOf(items);
    }

    /**
     * @param number  1, 2, … as shown
     * @param order   the keys of its options (choice), items (ordering) or responses (matching) in the
     *                order shown; empty for the other types
     */
    public record Item(int number, String questionId, int version, QuestionContent content, BigDecimal points, List<String> order) {

        public Item {
            order = List.copyOf(order);
        }
    }

    public BigDecimal totalPoints() {
        return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
