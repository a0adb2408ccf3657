package vn.edu.lms.api.assessment.blueprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionType;

/**
 * Draws papers that fit a blueprint. For each cell, {@code count} different questions at random
 * from those that fit it; the paper's parts follow the 2025 format (single choice, true/false
 * groups, short answers, then the others, essays last), questions shuffled within a part, and
 * options, ordering items and matching responses shuffled unless a question fixes its order
 * ("Cả A và B đều đúng"). Everything comes from one seed, so a stored seed gives the paper back.
 * A fixed paper (one for everyone) is drawn without shuffling.
 */
public final class PaperDraw {

    private PaperDraw() {
    }

    /** The paper for {@code seed}; a 409-worthy {@link NotEnoughQuestions} when the bank cannot fill the blueprint. */
    public static Paper draw(Blueprint blueprint, List<Candidate> candidates, long seed, boolean shuffle) {
        Coverage coverage = Coverage.of(blueprint, candidates);
        if (!coverage.fillable()) {
            throw new NotEnoughQuestions(coverage);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Paper.Item>> parts = new ArrayList<>();
        for (int type = 0; type < QuestionType.values().length; type++) {
            parts.add(new ArrayList<>());
        }
        for (Blueprint.Cell cell : blueprint.cells()) {
            // Sorted, so that the same bank and seed always draw the same questions.
            List<Candidate> fitting = candidates.stream().filter(candidate -> candidate.fits(cell))
                .sorted(Comparator.comparing(Candidate::questionId)).toList();
            List<Candidate> drawn = shuffle ? sample(fitting, cell.count(), random) : fitting.subList(0, cell.count());
            for (Candidate candidate : drawn) {
                parts.get(cell.type().ordinal()).add(new Paper.Item(0, candidate.questionId(), candidate.version(), candidate.content(),
                    cell.points(), shuffle ? shownOrder(candidate.content(), random) : naturalOrder(candidate.content())));
            }
        }
        List<Paper.Item> items = new ArrayList<>();
        for (List<Paper.Item> part : parts) {
            List<Paper.Item> ordered = new ArrayList<>(part);
            if (shuffle) {
                shuffleInPlace(ordered, random);
            }
            for (Paper.Item item : ordered) {
                items.add(new Paper.Item(items.size() + 1, item.questionId(), item.version(), item.content(), item.points(), item.order()));
            }
        }
        return new Paper(seed, items);
    }

    /** The keys whose order a paper may change, in the order the question lists them. */
    static List<String> naturalOrder(QuestionContent content) {
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

    private static List<String> shownOrder(QuestionContent content, SplittableRandom random) {
        boolean fixed = content instanceof QuestionContent.SingleChoice single && single.fixedOrder()
            || content instanceof QuestionContent.MultipleResponse multiple && multiple.fixedOrder();
        List<String> order = new ArrayList<>(naturalOrder(content));
        if (!fixed) {
            shuffleInPlace(order, random);
            // An ordering question shown already in its right order would give its answer away.
            if (content instanceof QuestionContent.Ordering && order.size() > 1 && order.equals(naturalOrder(content))) {
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
