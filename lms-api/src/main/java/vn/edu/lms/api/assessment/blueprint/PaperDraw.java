package vn.edu.lms.api.assessment.blueprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionType;

/**
 * Draws papers that fit a blueprint. For each cell, {@code count} different questions at random
 * from those that fit it; the paper's parts follow the 2025 format ({@link #PARTS}: single choice
 * (Phần I), true/false groups (Phần II), short answers, number then text (Phần III), then the types
 * the format has no part for, multiple response, matching, ordering and cloze, essays last), questions
 * shuffled within a part, and options, ordering items and matching responses shuffled unless a
 * question fixes its order ("Cả A và B đều đúng"). Everything comes from one seed, so a stored seed
 * gives the paper back.
 *
 * <p>A fixed paper (one for everyone) takes the first questions of each cell in the bank's order, in
 * the order of the cells, with options and matching responses as the questions list them; only the
 * items of an ordering question are still shuffled, from the seed, since listed as the question lists
 * them they would be its answer. An ordering question is never shown in its right order.
 */
public final class PaperDraw {

    /** The types in the order of the paper's parts. */
    static final List<QuestionType> PARTS = List.of(QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE_GROUP, QuestionType.SHORT_NUMBER,
        QuestionType.SHORT_TEXT, QuestionType.MULTIPLE_RESPONSE, QuestionType.MATCHING, QuestionType.ORDERING, QuestionType.CLOZE,
        QuestionType.ESSAY);

    private PaperDraw() {
    }

    /** The paper for {@code seed}; a 409-worthy {@link NotEnoughQuestions} when the bank cannot fill the blueprint. */
    public static Paper draw(Blueprint blueprint, List<Candidate> candidates, long seed, boolean shuffle) {
        Coverage coverage = Coverage.of(blueprint, candidates);
        if (!coverage.fillable()) {
            throw new NotEnoughQuestions(coverage);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Map<QuestionType, List<Paper.Item>> parts = new EnumMap<>(QuestionType.class);
        for (QuestionType type : QuestionType.values()) {
            parts.put(type, new ArrayList<>());
        }
        for (Blueprint.Cell cell : blueprint.cells()) {
            // Sorted, so that the same bank and seed always draw the same questions.
            List<Candidate> fitting = candidates.stream().filter(candidate -> candidate.fits(cell))
                .sorted(Comparator.comparing(Candidate::questionId)).toList();
            List<Candidate> drawn = shuffle ? sample(fitting, cell.count(), random) : fitting.subList(0, cell.count());
            for (Candidate candidate : drawn) {
                parts.get(cell.type()).add(new Paper.Item(0, candidate.questionId(), candidate.version(), candidate.content(),
                    cell.points(), shownOrder(candidate.content(), shuffle, random)));
            }
        }
        if (shuffle) {
            // Shuffled type by type in the enum's order, as papers always were, so that a seed stored
            // before the parts were put in the 2025 order still draws the same parts.
            parts.values().forEach(part -> shuffleInPlace(part, random));
        }
        List<Paper.Item> items = new ArrayList<>();
        for (QuestionType type : PARTS) {
            for (Paper.Item item : parts.get(type)) {
                items.add(new Paper.Item(items.size() + 1, item.questionId(), item.version(), item.content(), item.points(), item.order()));
            }
        }
        return new Paper(seed, items);
    }

    /**
     * The keys whose order a paper may change (options of a choice question, items of an ordering,
     * responses of a matching), in the order the question lists them; empty for the other types.
     */
    public static List<String> naturalOrder(QuestionContent content) {
        if (content instanceof QuestionContent.SingleChoice single) {
            return single.options().stream().map(QuestionContent.Choice::key).toList();
        }
        if (content instanceof QuestionContent.MultipleResponse multiple) {
            return multiple.options().stream().map(QuestionContent.Choice::key).toList();
        }
        if (content instanceof QuestionContent.Ordering ordering) {
            return ordering.items().stream().map(QuestionContent.Choice::key).toList();
        }
        if (content instanceof QuestionContent.Matching matching) {
            return matching.responses().stream().map(QuestionContent.Choice::key).toList();
        }
        return List.of();
    }

    /**
     * The order the paper shows the question's keys in: shuffled on a shuffled paper unless the question
     * fixes it; on a fixed paper only an ordering's items are shuffled.
     */
    private static List<String> shownOrder(QuestionContent content, boolean shuffle, SplittableRandom random) {
        boolean ordering = content instanceof QuestionContent.Ordering;
        boolean fixed = !shuffle && !ordering || content instanceof QuestionContent.SingleChoice single && single.fixedOrder()
            || content instanceof QuestionContent.MultipleResponse multiple && multiple.fixedOrder();
        List<String> order = new ArrayList<>(naturalOrder(content));
        if (!fixed) {
            shuffleInPlace(order, random);
            // An ordering question shown already in its right order would give its answer away.
            if (ordering && order.size() > 1 && order.equals(naturalOrder(content))) {
                order.add(order.remove(0));
            }
        }
        return order;
    }

    private static <T> List<T> sample(List<T> from, int count, SplittableRandom random) {
        List<T> pool = new ArrayList<>(from);
        for (int i = 0; i < count; i++) {
            int pick = i + random.nextInt(pool.size() - i);
            pool.set(i, pool.set(pick, pool.get(i)));
        }
        return pool.subList(0, count);
    }

    private static <T> void shuffleInPlace(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    /** The bank cannot fill the blueprint; the coverage says which cells lack how many questions. */
    public static class NotEnoughQuestions extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Coverage coverage;

        NotEnoughQuestions(Coverage coverage) {
            super(coverage.missing() + " questions missing");
            this.coverage = coverage;
        }

        public Coverage coverage() {
            return coverage;
        }
    }
}
