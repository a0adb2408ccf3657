package vn.edu.lms.api.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;

/** A paper in the 2025 format graded the way the regulation and the format say. */
class GraderTests {

    private static final QuestionContent.SingleChoice CHOICE = new QuestionContent.SingleChoice("1 + 1 = ?", List.of(
        new QuestionContent.Choice("A", "2"), new QuestionContent.Choice("B", "3"), new QuestionContent.Choice("C", "4"),
        new QuestionContent.Choice("D", "5")), "A", false);
    private static final QuestionContent.TrueFalseGroup GROUP = new QuestionContent.TrueFalseGroup("Xét tính đúng sai", List.of(
        new QuestionContent.Statement("a", "1/2 là số hữu tỉ", true), new QuestionContent.Statement("b", "0 < -1", false),
        new QuestionContent.Statement("c", "-3 < 2", true), new QuestionContent.Statement("d", "√2 là số hữu tỉ", false)));
    private static final QuestionContent.ShortNumber NUMBER = new QuestionContent.ShortNumber("π ≈ ? (hai chữ số thập phân)",
        new BigDecimal("3.14"), new BigDecimal("0.005"));
    private static final QuestionContent.Essay ESSAY = new QuestionContent.Essay("Chứng minh …", "Mỗi bước 0,5 điểm");

    /** Choice shown in the order C, A, B, D: the right option (A) is the second shown, label "B". */
    private static Paper paper(QuestionContent last, BigDecimal lastPoints) {
        return new Paper(7, List.of(
            new Paper.Item(1, "q1", 1, CHOICE, new BigDecimal("4"), List.of("C", "A", "B", "D")),
            new Paper.Item(2, "q2", 1, GROUP, new BigDecimal("4"), List.of()),
            new Paper.Item(3, "q3", 1, last, lastPoints, List.of())));
    }

    private static Map<Integer, Response> answers(String choiceLabel, Map<String, String> truths, String number) {
        return Map.of(1, Response.choosing(choiceLabel), 2, Response.entries(truths), 3, Response.text(number));
    }

    @Test
    void aChoiceIsReadInTheLabelsTheStudentSawAndTheScoreHasOneDecimalRoundedHalfUp() {
        // 4 (choice) + 0.5 × 4 (three statements right) + 2 (number within tolerance) = 8 of 10.
        GradedPaper graded = Grader.grade(paper(NUMBER, new BigDecimal("2")),
            answers("B", Map.of("a", "true", "b", "false", "c", "true", "d", "true"), "3,14"), Map.of(), 7);
        assertThat(graded.items()).extracting(GradedItem::earned).containsExactly(new BigDecimal("4.000"), new BigDecimal("2.000"),
            new BigDecimal("2.000"));
        assertThat(graded.score()).isEqualByComparingTo("8.0");
        assertThat(graded.complete()).isTrue();
        // Label "A" is option C here: wrong.
        assertThat(Grader.grade(paper(NUMBER, new BigDecimal("2")), answers("A", Map.of(), ""), Map.of(), 7).items().get(0).earned())
            .isEqualByComparingTo("0");
    }

    @Test
    void theTrueFalseGroupEarnsATenthAQuarterAHalfOrAllOfItsPoints() {
        Map<String, String> one = Map.of("a", "true");
        Map<String, String> two = Map.of("a", "true", "b", "false");
        Map<String, String> three = Map.of("a", "true", "b", "false", "c", "true");
        Map<String, String> four = Map.of("a", "true", "b", "false", "c", "true", "d", "false");
        List<String> earned = List.of(one, two, three, four).stream()
            .map(truths -> Grader.grade(paper(NUMBER, BigDecimal.ONE), answers("A", truths, ""), Map.of(), 7).items().get(1).earned().toPlainString())
            .toList();
        assertThat(earned).containsExactly("0.400", "1.000", "2.000", "4.000");
    }

    @Test
    void anEssayWaitsForItsTeacherAndThenCountsWithTheComment() {
        Paper paper = paper(ESSAY, new BigDecimal("2"));
        GradedPaper waiting = Grader.grade(paper, answers("B", Map.of(), "Lời giải …"), Map.of(), 7);
        assertThat(waiting.complete()).isFalse();
        assertThat(waiting.score()).isNull();
        assertThat(waiting.items().get(2).earned()).isNull();

        GradedPaper graded = Grader.grade(paper, answers("B", Map.of(), "Lời giải …"),
            Map.of(3, new Grader.HandGrade(new BigDecimal("1.25"), "Thiếu bước cuối")), 7);
        // 4 + 0 + 1.25 = 5.25 of 10 → 5.3 (half up).
        assertThat(graded.score()).isEqualByComparingTo("5.3");
        assertThat(graded.items().get(2).comment()).isEqualTo("Thiếu bước cuối");
    }

    @Test
    void primaryScoresAreWholeNumbersAndNeverBelowOne() {
        GradedPaper blank = Grader.grade(paper(NUMBER, new BigDecimal("2")), Map.of(), Map.of(), 4);
        assertThat(blank.score()).isEqualByComparingTo("1");
        assertThat(blank.items()).allMatch(GradedItem::blank);
        // 4 + 0.25 × 4 = 5 of 10 → 5; with the number, 7.
        assertThat(Grader.grade(paper(NUMBER, new BigDecimal("2")), answers("B", Map.of("a", "true", "b", "false"), ""), Map.of(), 4).score())
            .isEqualByComparingTo("5");
    }
}
