package vn.edu.lms.api.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.results.ItemAnalysis.Answer;
import vn.edu.lms.api.assessment.results.ItemAnalysis.Item;
import vn.edu.lms.api.assessment.results.ItemAnalysis.Sheet;
import vn.edu.lms.api.questionbank.QuestionType;

/** Item analysis worked by hand: p-values, 27% groups among the students who had the item, and the flags. */
class ItemAnalysisTests {

    /** A single-choice answer; {@code chosen} null is a blank. */
    private static Answer single(String questionId, String key, @Nullable String chosen) {
        boolean right = key.equals(chosen);
        return new Answer(questionId, 1, QuestionType.SINGLE_CHOICE, right ? BigDecimal.ONE : BigDecimal.ZERO,
            chosen == null ? List.of() : List.of(chosen), List.of(key), chosen == null);
    }

    private static Answer scored(String questionId, QuestionType type, String fraction) {
        return new Answer(questionId, 1, type, new BigDecimal(fraction), List.of(), List.of(), false);
    }

    private static Sheet sheet(int student, String score, Answer... answers) {
        return new Sheet(String.format("s%02d", student), new BigDecimal(score), List.of(answers));
    }

    /** Students s01–s10 with whole-test scores 10, 9, …, 1, each answering {@code chosen[i]} to a question keyed A. */
    private static List<Sheet> tenStudentsChoosing(String... chosen) {
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            sheets.add(sheet(i + 1, Integer.toString(10 - i), single("q1", "A", chosen[i])));
        }
        return sheets;
    }

    /** Students s01–s10 with whole-test scores 10, 9, …, 1, each earning {@code fractions[i]} of a question. */
    private static List<Sheet> tenStudentsEarning(QuestionType type, String... fractions) {
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 0; i < fractions.length; i++) {
            sheets.add(sheet(i + 1, Integer.toString(10 - i), scored("q1", type, fractions[i])));
        }
        return sheets;
    }

    /** The statistics and flag of the only item of {@code sheets}. */
    private static Item assertOnlyItem(List<Sheet> sheets, String difficulty, @Nullable String discrimination,
        @Nullable String flag) {
        List<Item> items = ItemAnalysis.analyse(sheets);
        assertThat(items).hasSize(1);
        Item item = items.get(0);
        assertThat(item.difficulty()).isEqualTo(new BigDecimal(difficulty));
        assertThat(item.discrimination()).isEqualTo(discrimination == null ? null : new BigDecimal(discrimination));
        assertThat(item.flag()).isEqualTo(flag);
        return item;
    }

    @Test
    void anItemEveryoneGetsRightIsTooEasyAndDoesNotDiscriminate() {
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            sheets.add(sheet(i, Integer.toString(i % 11), single("q1", "A", "A")));
        }

        Item item = assertOnlyItem(sheets, "1.00", "0.00", ItemAnalysis.TOO_EASY);

        assertThat(item.answeredBy()).isEqualTo(12);
        assertThat(item.optionCounts()).containsExactly(Map.entry("A", 12));
        assertThat(item.keys()).containsExactly("A");
        assertThat(item.blanks()).isZero();
    }

    @Test
    void aMiskeyedItemShowsTheStrongStudentsOnADistractor() {
        // Ranked by score: s01–s03 upper group (ceil 2.7 = 3), s08–s10 lower group.
        List<Sheet> sheets = tenStudentsChoosing("B", "B", "B", "B", "A", "C", "A", "A", "A", "D");

        // Right: s05, s07, s08, s09 → 4/10. Upper 0/3, lower (A, A, D) 2/3: (0 − 2) / 3 = −0.666… → −0.67.
        Item item = assertOnlyItem(sheets, "0.40", "-0.67", ItemAnalysis.DISTRACTOR_BEATS_KEY);

        assertThat(item.optionCounts()).containsExactly(Map.entry("A", 4), Map.entry("B", 4), Map.entry("C", 1),
            Map.entry("D", 1));
    }

    @Test
    void aGoodItemHasPositiveDiscriminationAndNoFlag() {
        List<Sheet> sheets = tenStudentsChoosing("A", "A", "A", "A", "B", "A", "C", "B", "A", "D");

        // 6/10. Upper 3/3, lower (B, A, D) 1/3: (3 − 1) / 3 = 0.666… → 0.67.
        assertOnlyItem(sheets, "0.60", "0.67", null);
    }

    @Test
    void weakStudentsDoingBetterThanStrongOnesIsNegativeDiscrimination() {
        List<Sheet> sheets = tenStudentsEarning(QuestionType.SHORT_NUMBER, "0", "0.5", "0", "1", "1", "0", "1", "1", "0.5", "1");

        // 6/10; upper 0.5/3, lower 2.5/3: −2/3 → −0.67.
        Item item = assertOnlyItem(sheets, "0.60", "-0.67", ItemAnalysis.NEGATIVE_DISCRIMINATION);

        assertThat(item.optionCounts()).isEmpty();
    }

    @Test
    void miskeyFlagsOutrankTooHard() {
        // Only s10, the weakest, gets it: difficulty 0.10, discrimination (0 − 1) / 3 = −0.33.
        // B beats A in the upper group as well: the key is the first thing to check.
        assertOnlyItem(tenStudentsChoosing("B", "B", "B", "B", "B", "B", "B", "B", "B", "A"),
            "0.10", "-0.33", ItemAnalysis.DISTRACTOR_BEATS_KEY);
        assertOnlyItem(tenStudentsEarning(QuestionType.SHORT_TEXT, "0", "0", "0", "0", "0", "0", "0", "0", "0", "1"),
            "0.10", "-0.33", ItemAnalysis.NEGATIVE_DISCRIMINATION);
    }

    @Test
    void difficultyIsTheMeanOfPartialFractions() {
        List<Sheet> sheets = List.of(
            sheet(1, "9", scored("q1", QuestionType.TRUE_FALSE_GROUP, "1"), scored("q2", QuestionType.ESSAY, "0.25")),
            sheet(2, "8", scored("q1", QuestionType.TRUE_FALSE_GROUP, "0.5"), scored("q2", QuestionType.ESSAY, "0.5")),
            sheet(3, "6", scored("q1", QuestionType.TRUE_FALSE_GROUP, "0.25"), scored("q2", QuestionType.ESSAY, "0.5")),
            sheet(4, "5", scored("q1", QuestionType.TRUE_FALSE_GROUP, "0.1")),
            sheet(5, "3", scored("q1", QuestionType.TRUE_FALSE_GROUP, "0")));

        List<Item> items = ItemAnalysis.analyse(sheets);

        // 1.85 / 5 = 0.37; 1.25 / 3 = 0.4166… → 0.42.
        assertThat(items).extracting(Item::difficulty).containsExactly(new BigDecimal("0.37"), new BigDecimal("0.42"));
        assertThat(items).extracting(Item::flag).containsOnlyNulls();
    }

    @Test
    void fewerThanTenStudentsGiveNoDiscriminationNorDistractorCheck() {
        // Nine students, every one on B while the key says A: only the difficulty speaks.
        List<Sheet> sheets = tenStudentsChoosing("B", "B", "B", "B", "B", "B", "B", "B", "B");

        Item item = assertOnlyItem(sheets, "0.00", null, ItemAnalysis.TOO_HARD);

        assertThat(item.answeredBy()).isEqualTo(9);
        assertThat(item.optionCounts()).containsExactly(Map.entry("A", 0), Map.entry("B", 9));
    }

    @Test
    void blanksAreCountedAndDrawNoOption() {
        List<Sheet> sheets = tenStudentsChoosing("A", "A", null, "B", "A", null, "A", "C", "A", "A");

        // Upper (A, A, blank) 2/3, lower (C, A, A) 2/3.
        Item item = assertOnlyItem(sheets, "0.60", "0.00", null);

        assertThat(item.answeredBy()).isEqualTo(10);
        assertThat(item.blanks()).isEqualTo(2);
        assertThat(item.optionCounts()).containsExactly(Map.entry("A", 6), Map.entry("B", 1), Map.entry("C", 1));
    }

    @Test
    void multipleResponseCountsEachOptionAndKeysNobodyChose() {
        List<String> keys = List.of("A", "C");
        List<Sheet> sheets = List.of(
            sheet(1, "8", new Answer("q1", 1, QuestionType.MULTIPLE_RESPONSE, new BigDecimal("0.5"), List.of("A"), keys, false)),
            sheet(2, "6", new Answer("q1", 1, QuestionType.MULTIPLE_RESPONSE, BigDecimal.ZERO, List.of("A", "B"), keys, false)),
            sheet(3, "4", new Answer("q1", 1, QuestionType.MULTIPLE_RESPONSE, BigDecimal.ZERO, List.of(), keys, true)));

        // 0.5 / 3 = 0.1666… → 0.17.
        Item item = assertOnlyItem(sheets, "0.17", null, ItemAnalysis.TOO_HARD);

        assertThat(item.optionCounts()).containsExactly(Map.entry("A", 2), Map.entry("B", 1), Map.entry("C", 0));
        assertThat(item.keys()).containsExactly("A", "C");
    }

    @Test
    void anItemOnlySomePapersHadIsJudgedAmongThoseStudents() {
        // Twenty students scored 10, 9.5, …, 0.5; q2 was drawn only on the papers of the ten weakest
        // (5.0 down to 0.5), of whom the best three got it right.
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            BigDecimal score = BigDecimal.valueOf(21 - i).divide(BigDecimal.valueOf(2));
            Answer onEveryPaper = single("q1", "A", "A");
            sheets.add(i <= 10
                ? new Sheet("s" + i, score, List.of(onEveryPaper))
                : new Sheet("s" + i, score, List.of(scored("q2", QuestionType.SHORT_NUMBER, i <= 13 ? "1" : "0"), onEveryPaper)));
        }

        List<Item> items = ItemAnalysis.analyse(sheets);

        assertThat(items).extracting(Item::questionId).containsExactly("q1", "q2");
        Item q2 = items.get(1);
        assertThat(q2.answeredBy()).isEqualTo(10);
        assertThat(q2.difficulty()).isEqualTo(new BigDecimal("0.30"));
        // Upper group: the three best of those ten, all right; lower group: none right.
        assertThat(q2.discrimination()).isEqualTo(new BigDecimal("1.00"));
        assertThat(items.get(0).answeredBy()).isEqualTo(20);
    }

    @Test
    void itemsAreOrderedByQuestionIdThenVersion() {
        List<Sheet> sheets = List.of(
            sheet(1, "7", scored("q3", QuestionType.SHORT_TEXT, "1"), scored("q1", QuestionType.CLOZE, "1")),
            sheet(2, "5", new Answer("q2", 2, QuestionType.ORDERING, BigDecimal.ONE, List.of(), List.of(), false),
                new Answer("q2", 1, QuestionType.ORDERING, BigDecimal.ZERO, List.of(), List.of(), false)));

        assertThat(ItemAnalysis.analyse(sheets)).extracting(Item::questionId, Item::version).containsExactly(
            tuple("q1", 1), tuple("q2", 1),
            tuple("q2", 2), tuple("q3", 1));
    }

    @Test
    void groupsAreTwentySevenPercentRoundedUp() {
        assertThat(ItemAnalysis.groupSize(1)).isEqualTo(1);
        assertThat(ItemAnalysis.groupSize(10)).isEqualTo(3);
        assertThat(ItemAnalysis.groupSize(11)).isEqualTo(3);
        assertThat(ItemAnalysis.groupSize(12)).isEqualTo(4);
        assertThat(ItemAnalysis.groupSize(100)).isEqualTo(27);
        assertThat(ItemAnalysis.groupSize(101)).isEqualTo(28);
    }

    @Test
    void noSheetsNoItems() {
        assertThat(ItemAnalysis.analyse(List.of())).isEmpty();
    }

    @Test
    void aFractionOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> scored("q1", QuestionType.SHORT_NUMBER, "1.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scored("q1", QuestionType.SHORT_NUMBER, "-0.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
