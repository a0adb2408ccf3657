package vn.edu.lms.api.questionbank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a question asks and what counts as right, one record per type. Stems, options and statements
 * are rich text: a small, sanitized HTML subset with LaTeX between {@code \( \)} or {@code \[ \]}
 * (rendered in the browser) and images from the content store ({@link RichText}).
 *
 * <p>Each type says whether it is well formed ({@link #problems()}) and how much of the question's
 * points a response earns ({@link #score(Response)}), as a fraction from 0 to 1.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = QuestionContent.SingleChoice.class, name = "SINGLE_CHOICE"),
    @JsonSubTypes.Type(value = QuestionContent.MultipleResponse.class, name = "MULTIPLE_RESPONSE"),
    @JsonSubTypes.Type(value = QuestionContent.TrueFalseGroup.class, name = "TRUE_FALSE_GROUP"),
    @JsonSubTypes.Type(value = QuestionContent.ShortNumber.class, name = "SHORT_NUMBER"),
    @JsonSubTypes.Type(value = QuestionContent.ShortText.class, name = "SHORT_TEXT"),
    @JsonSubTypes.Type(value = QuestionContent.Matching.class, name = "MATCHING"),
    @JsonSubTypes.Type(value = QuestionContent.Ordering.class, name = "ORDERING"),
    @JsonSubTypes.Type(value = QuestionContent.Cloze.class, name = "CLOZE"),
    @JsonSubTypes.Type(value = QuestionContent.Essay.class, name = "ESSAY")})
public sealed interface QuestionContent {

    /** Fractions are kept to this many decimals (a third is 0.333333). */
    int SCALE = 6;

    String stem();

    QuestionType type();

    /** What makes this question unusable (empty when it is well formed). */
    List<ContentProblem> problems();

    /** The share of the question's points {@code response} earns; essays wait for a teacher. */
    Scored score(Response response);

    /** The same question with {@code change} applied to every piece of rich text (to sanitize it). */
    QuestionContent withText(UnaryOperator<String> change);

    private static List<Choice> changed(List<Choice> choices, UnaryOperator<String> change) {
        return choices.stream().map(choice -> new Choice(choice.key(), change.apply(choice.content()))).toList();
    }

    /** An option, statement, premise or item: its key ("A", "a", "1") and its rich text. */
    record Choice(String key, String content) {
    }

    /** A statement of a true/false group and whether it is true. */
    record Statement(String key, String content, boolean correct) {
    }

    /** A gap of a cloze text, {@code {key}} in the text, with the answers accepted. */
    record Gap(String key, List<String> accepted, boolean caseSensitive, boolean diacriticsSensitive) {
        public Gap {
            accepted = List.copyOf(accepted);
        }
    }

    /**
     * A scoring: the fraction of the points earned, or {@code manual} when a teacher must grade it
     * (the fraction is then 0 until they do).
     */
    record Scored(BigDecimal fraction, boolean manual) {

        static final Scored NOTHING = new Scored(BigDecimal.ZERO, false);
        static final Scored ALL = new Scored(BigDecimal.ONE, false);

        static Scored of(BigDecimal fraction) {
            return new Scored(fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros(),
                false);
        }

        static Scored share(long right, long of) {
            return of == 0 ? NOTHING : of(BigDecimal.valueOf(right).divide(BigDecimal.valueOf(of), SCALE, RoundingMode.HALF_UP));
        }
    }

    /** Một lựa chọn đúng: options A–D (2 to 10), one key. */
    record SingleChoice(String stem, List<Choice> options, String correct, boolean fixedOrder) implements QuestionContent {

        public SingleChoice {
            options = List.copyOf(options);
        }

        @Override
        public QuestionType type() {
            return QuestionType.SINGLE_CHOICE;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stemAndChoices(stem, options, 2, 10);
            if (options.stream().noneMatch(option -> option.key().equals(correct))) {
                problems.add(new ContentProblem("question.key-not-an-option", correct));
            }
            return problems;
        }

        @Override
        public Scored score(Response response) {
            return response.selected().size() == 1 && response.selected().get(0).equals(correct) ? Scored.ALL : Scored.NOTHING;
        }

        @Override
        public SingleChoice withText(UnaryOperator<String> change) {
            return new SingleChoice(change.apply(stem), QuestionContent.changed(options, change), correct, fixedOrder);
        }
    }

    /**
     * Nhiều lựa chọn đúng: each right option chosen earns its share of the points and each wrong one
     * takes a share away, never below zero (choosing everything earns nothing).
     */
    record MultipleResponse(String stem, List<Choice> options, List<String> correct, boolean fixedOrder) implements QuestionContent {

        /** The right keys, once each, in order (a list, so that the same question is always written alike). */
        public MultipleResponse {
            options = List.copyOf(options);
            correct = correct.stream().distinct().sorted().toList();
        }

        @Override
        public QuestionType type() {
            return QuestionType.MULTIPLE_RESPONSE;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stemAndChoices(stem, options, 2, 10);
            if (correct.isEmpty()) {
                problems.add(new ContentProblem("question.no-key"));
            }
            Set<String> keys = Checks.keys(options);
            correct.stream().filter(key -> !keys.contains(key)).forEach(key -> problems.add(new ContentProblem("question.key-not-an-option", key)));
            return problems;
        }

        @Override
        public Scored score(Response response) {
            Set<String> chosen = new HashSet<>(response.selected());
            long right = chosen.stream().filter(correct::contains).count();
            long wrong = chosen.size() - right;
            return Scored.share(Math.max(0, right - wrong), correct.size());
        }

        @Override
        public MultipleResponse withText(UnaryOperator<String> change) {
            return new MultipleResponse(change.apply(stem), QuestionContent.changed(options, change), correct, fixedOrder);
        }
    }

    /**
     * Đúng/sai (2025 format, Phần II): four statements a–d; the group earns 0.1, 0.25, 0.5 or all of
     * its points for 1, 2, 3 or 4 statements judged right. A statement left unanswered is not right.
     */
    record TrueFalseGroup(String stem, List<Statement> statements) implements QuestionContent {

        static final List<BigDecimal> EARNED_FOR_RIGHT = List.of(BigDecimal.ZERO, new BigDecimal("0.1"), new BigDecimal("0.25"),
            new BigDecimal("0.5"), BigDecimal.ONE);

        public TrueFalseGroup {
            statements = List.copyOf(statements);
        }

        @Override
        public QuestionType type() {
            return QuestionType.TRUE_FALSE_GROUP;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stem(stem);
            if (statements.size() != 4) {
                problems.add(new ContentProblem("question.true-false-needs-four", statements.size()));
            }
            problems.addAll(Checks.choices(statements.stream().map(s -> new Choice(s.key(), s.content())).toList()));
            return problems;
        }

        @Override
        public Scored score(Response response) {
            int right = 0;
            for (Statement statement : statements) {
                String given = response.entries().get(statement.key());
                if (given != null && Checks.truth(given) != null && Checks.truth(given) == statement.correct()) {
                    right++;
                }
            }
            return Scored.of(EARNED_FOR_RIGHT.get(Math.min(right, 4)));
        }

        @Override
        public TrueFalseGroup withText(UnaryOperator<String> change) {
            return new TrueFalseGroup(change.apply(stem), statements.stream()
                .map(statement -> new Statement(statement.key(), change.apply(statement.content()), statement.correct())).toList());
        }
    }

    /**
     * Trả lời ngắn, a number: right when it is within {@code tolerance} of the key and written as
     * the answer sheet's four boxes allow ({@link AnswerSheetNumber}).
     */
    record ShortNumber(String stem, BigDecimal value, BigDecimal tolerance) implements QuestionContent {

        @Override
        public QuestionType type() {
            return QuestionType.SHORT_NUMBER;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stem(stem);
            if (AnswerSheetNumber.write(value) == null) {
                problems.add(new ContentProblem("question.number-does-not-fit", value.toPlainString()));
            }
            if (tolerance.signum() < 0) {
                problems.add(new ContentProblem("question.negative-tolerance"));
            }
            return problems;
        }

        @Override
        public Scored score(Response response) {
            BigDecimal given = AnswerSheetNumber.parse(response.text());
            return given != null && given.subtract(value).abs().compareTo(tolerance) <= 0 ? Scored.ALL : Scored.NOTHING;
        }

        @Override
        public ShortNumber withText(UnaryOperator<String> change) {
            return new ShortNumber(change.apply(stem), value, tolerance);
        }
    }

    /** Trả lời ngắn, words: right when it equals an accepted answer, case and diacritics as the question says. */
    record ShortText(String stem, List<String> accepted, boolean caseSensitive, boolean diacriticsSensitive) implements QuestionContent {

        public ShortText {
            accepted = List.copyOf(accepted);
        }

        @Override
        public QuestionType type() {
            return QuestionType.SHORT_TEXT;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stem(stem);
            if (accepted.isEmpty() || accepted.stream().anyMatch(String::isBlank)) {
                problems.add(new ContentProblem("question.no-key"));
            }
            return problems;
        }

        @Override
        public Scored score(Response response) {
            return response.text() != null && AnswerText.matchesAny(response.text(), accepted, caseSensitive, diacriticsSensitive)
                ? Scored.ALL : Scored.NOTHING;
        }

        @Override
        public ShortText withText(UnaryOperator<String> change) {
            return new ShortText(change.apply(stem), accepted, caseSensitive, diacriticsSensitive);
        }
    }

    /** Ghép nối: each premise matched to its response earns its share. */
    record Matching(String stem, List<Choice> premises, List<Choice> responses, Map<String, String> pairs) implements QuestionContent {

        public Matching {
            premises = List.copyOf(premises);
            responses = List.copyOf(responses);
            pairs = Map.copyOf(pairs);
        }

        @Override
        public QuestionType type() {
            return QuestionType.MATCHING;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = Checks.stemAndChoices(stem, premises, 2, 20);
            problems.addAll(Checks.choices(responses));
            if (responses.size() < premises.size()) {
                problems.add(new ContentProblem("question.too-few-responses", premises.size()));
            }
            Set<String> responseKeys = Checks.keys(responses);
            for (Choice premise : premises) {
                String match = pairs.get(premise.key());
                if (match == null || !responseKeys.contains(match)) {
                    problems.add(new ContentProblem("question.premise-unmatched", premise.key()));
                }
            }
            return problems;
        }

        @Override
        public Scored score(Response response) {
            long right = pairs.entrySet().stream().filter(pair -> pair.getValue().equals(response.entries().get(pair.getKey()))).count();
            return Scored.share(right, pairs.size());
        }

        @Override
        public Matching withText(UnaryOperator<String> change) {
            return new Matching(change.apply(stem), QuestionContent.changed(premises, change), QuestionContent.changed(responses, change), pairs);
        }
    }

    /** Sắp xếp: items listed in their right order; each item put in its right place earns its share. */
    record Ordering(String stem, List<Choice> items) implements QuestionContent {

        public Ordering {
            items = List.copyOf(items);
        }

        @Override
        public QuestionType type() {
            return QuestionType.ORDERING;
        }

        @Override
        public List<ContentProblem> problems() {
            return Checks.stemAndChoices(stem, items, 2, 20);
        }

        @Override
        public Scored score(Response response) {
            if (response.selected().size() != items.size() || new HashSet<>(response.selected()).size() != items.size()) {
                return Scored.NOTHING;
            }
            long right = 0;
            for (int i = 0; i < items.size(); i++) {
                right += items.get(i).key().equals(response.selected().get(i)) ? 1 : 0;
            }
            return Scored.share(right, items.size());
        }

        @Override
        public Ordering withText(UnaryOperator<String> change) {
            return new Ordering(change.apply(stem), QuestionContent.changed(items, change));
        }
    }

    /**
     * Điền khuyết: a text with gaps written {@code {1}}, {@code {2}}; each gap filled right earns its
     * share. Braces inside LaTeX ({@code \(\frac{1}{2}\)}) are not gaps.
     */
    record Cloze(String stem, String text, List<Gap> gaps) implements QuestionContent {

        static final Pattern GAP = Pattern.compile("\\{([A-Za-z0-9]{1,8})}");
        private static final Pattern MATH = Pattern.compile("\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\]", Pattern.DOTALL);

        public Cloze {
            gaps = List.copyOf(gaps);
        }

        @Override
        public QuestionType type() {
            return QuestionType.CLOZE;
        }

        @Override
        public List<ContentProblem> problems() {
            List<ContentProblem> problems = new ArrayList<>();
            Set<String> inText = new LinkedHashSet<>();
            for (MatchResult gap : gapsIn(text)) {
                if (!inText.add(gap.group(1))) {
                    problems.add(new ContentProblem("question.gap-twice", gap.group(1)));
                }
            }
            Set<String> defined = new LinkedHashSet<>();
            for (Gap gap : gaps) {
                if (!defined.add(gap.key())) {
                    problems.add(new ContentProblem("question.duplicate-key", gap.key()));
                }
                if (gap.accepted().isEmpty() || gap.accepted().stream().anyMatch(String::isBlank)) {
                    problems.add(new ContentProblem("question.gap-without-answer", gap.key()));
                }
            }
            if (gaps.isEmpty()) {
                problems.add(new ContentProblem("question.no-gaps"));
            }
            if (!inText.equals(defined)) {
                problems.add(new ContentProblem("question.gaps-differ", String.join(", ", inText), String.join(", ", defined)));
            }
            return problems;
        }

        @Override
        public Scored score(Response response) {
            long right = gaps.stream().filter(gap -> {
                String given = response.entries().get(gap.key());
                return given != null && AnswerText.matchesAny(given, gap.accepted(), gap.caseSensitive(), gap.diacriticsSensitive());
            }).count();
            return Scored.share(right, gaps.size());
        }

        /** The gaps {@code {key}} of a cloze text, in order, where they are; group 1 is the key. */
        public static List<MatchResult> gapsIn(String text) {
            List<int[]> math = MATH.matcher(text).results().map(span -> new int[] {span.start(), span.end()}).toList();
            return GAP.matcher(text).results()
                .filter(gap -> math.stream().noneMatch(span -> gap.start() >= span[0] && gap.start() < span[1])).toList();
        }

        @Override
        public Cloze withText(UnaryOperator<String> change) {
            return new Cloze(change.apply(stem), change.apply(text), gaps);
        }
    }

    /** Tự luận: graded by a teacher, with guidance for them (hướng dẫn chấm). */
    record Essay(String stem, @Nullable String guidance) implements QuestionContent {

        @Override
        public QuestionType type() {
            return QuestionType.ESSAY;
        }

        @Override
        public List<ContentProblem> problems() {
            return Checks.stem(stem);
        }

        @Override
        public Scored score(Response response) {
            return new Scored(BigDecimal.ZERO, true);
        }

        @Override
        public Essay withText(UnaryOperator<String> change) {
            return new Essay(change.apply(stem), guidance == null ? null : change.apply(guidance));
        }
    }
}
