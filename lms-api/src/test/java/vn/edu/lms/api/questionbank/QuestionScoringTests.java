package vn.edu.lms.api.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionContent.Statement;

/** How a response to each type of question scores, as a share of the question's points. */
class QuestionScoringTests {

    private static final List<Choice> ABCD = List.of(new Choice("A", "1"), new Choice("B", "2"), new Choice("C", "3"), new Choice("D", "4"));

    private static BigDecimal earned(QuestionContent question, Response response) {
        QuestionContent.Scored scored = question.score(response);
        assertThat(scored.manual()).isFalse();
        return scored.fraction();
    }

    @Test
    void aSingleChoiceEarnsAllForTheKeyAndNothingElse() {
        var question = new QuestionContent.SingleChoice("1 + 1 = ?", ABCD, "B", false);
        assertThat(earned(question, Response.choosing("B"))).isEqualByComparingTo("1");
        assertThat(earned(question, Response.choosing("A"))).isEqualByComparingTo("0");
        assertThat(earned(question, Response.choosing("B", "A"))).isEqualByComparingTo("0");
        assertThat(earned(question, Response.choosing())).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "chose {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "A,C   | 1",
        "A     | 0.5",
        "A,B   | 0",
        "A,C,B | 0.5",
        "A,B,C,D | 0",
        "B,D   | 0",
        "''    | 0"})
    void aMultipleResponseEarnsEachRightOptionLessEachWrongOneNeverBelowZero(String chosen, String share) {
        var question = new QuestionContent.MultipleResponse("Số nguyên tố?", ABCD, List.of("C", "A"), false);
        String[] keys = chosen.isBlank() ? new String[0] : chosen.split(",");
        assertThat(earned(question, Response.choosing(keys))).isEqualByComparingTo(share);
    }

    @ParameterizedTest(name = "{0} of 4 statements right: {1} of the points")
    @CsvSource({"0, 0", "1, 0.1", "2, 0.25", "3, 0.5", "4, 1"})
    void aTrueFalseGroupEarnsATenthAQuarterAHalfOrAllForOneToFourRightStatements(int right, String share) {
        var question = new QuestionContent.TrueFalseGroup("Cho hàm số …", List.of(new Statement("a", "a", true),
            new Statement("b", "b", false), new Statement("c", "c", true), new Statement("d", "d", false)));
        Map<String, String> truth = Map.of("a", "true", "b", "false", "c", "true", "d", "false");
        Map<String, String> answers = new java.util.HashMap<>();
        List<String> keys = List.of("a", "b", "c", "d");
        for (int i = 0; i < 4; i++) {
            String key = keys.get(i);
            answers.put(key, i < right ? truth.get(key) : String.valueOf(!Boolean.parseBoolean(truth.get(key))));
        }
        assertThat(earned(question, Response.entries(answers))).isEqualByComparingTo(share);
    }

    @Test
    void aTrueFalseStatementLeftUnansweredOrAnsweredWithNonsenseIsNotRight() {
        var question = new QuestionContent.TrueFalseGroup("…", List.of(new Statement("a", "a", true), new Statement("b", "b", false),
            new Statement("c", "c", true), new Statement("d", "d", false)));
        assertThat(earned(question, Response.entries(Map.of("a", "true", "b", "false", "c", "có lẽ")))).isEqualByComparingTo("0.25");
        // Answer sheets write Đ and S.
        assertThat(earned(question, Response.entries(Map.of("a", "Đ", "b", "S", "c", "đ", "d", "s")))).isEqualByComparingTo("1");
    }

    @ParameterizedTest(name = "key {0} ± {1}, answer \"{2}\": {3}")
    @CsvSource(delimiter = '|', value = {
        "1.5   | 0    | 1,5   | 1",
        "1.5   | 0    | 1.5   | 1",
        "1.5   | 0    | 1,50  | 1",
        "1.5   | 0    | 1,4   | 0",
        "-1.5  | 0    | -1,5  | 1",
        "0.25  | 0    | 0,25  | 1",
        "3.14  | 0.01 | 3,15  | 1",
        "3.14  | 0.01 | 3,16  | 0",
        "2025  | 0    | 2025  | 1",
        "12.5  | 0    | 12,50 | 0",
        "0.5   | 0    | ,5    | 0",
        "0.5   | 0    | 1/2   | 0",
        "0.5   | 0    | ''    | 0",
        "7     | 0    | ' 7 ' | 1"})
    void aShortNumberIsRightWithinItsToleranceWhenItFitsTheFourBoxesOfTheAnswerSheet(String key, String tolerance, String given,
            String share) {
        var question = new QuestionContent.ShortNumber("Tính …", new BigDecimal(key), new BigDecimal(tolerance));
        assertThat(earned(question, Response.text(given))).isEqualByComparingTo(share);
    }

    @Test
    void aShortNumberKeyThatTheAnswerSheetCannotHoldIsAProblem() {
        assertThat(new QuestionContent.ShortNumber("…", new BigDecimal("12.75"), BigDecimal.ZERO).problems())
            .extracting(ContentProblem::code).containsExactly("question.number-does-not-fit");
        assertThat(new QuestionContent.ShortNumber("…", new BigDecimal("-0.5"), BigDecimal.ZERO).problems()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" (case {1}, diacritics {2}): {3}")
    @CsvSource(delimiter = '|', value = {
        "Hà Nội        | false | true  | 1",
        "  hà   nội    | false | true  | 1",
        "Ha Noi        | false | true  | 0",
        "Ha Noi        | false | false | 1",
        "hà nội        | true  | true  | 0",
        "Thủ đô Hà Nội | false | true  | 1",
        "Huế           | false | false | 0"})
    void aShortTextIsRightWhenItIsAnAcceptedAnswerWithCaseAndDiacriticsAsTheQuestionSays(String given, boolean caseSensitive,
            boolean diacriticsSensitive, String share) {
        var question = new QuestionContent.ShortText("Thủ đô của Việt Nam?", List.of("Hà Nội", "Thủ đô Hà Nội"), caseSensitive,
            diacriticsSensitive);
        assertThat(earned(question, Response.text(given))).isEqualByComparingTo(share);
    }

    @Test
    void aShortTextTypedWithCombiningMarksEqualsThePrecomposedKey() {
        var question = new QuestionContent.ShortText("…", List.of("Nguyễn Du"), false, true);
        assertThat(earned(question, Response.text(java.text.Normalizer.normalize("Nguyễn Du", java.text.Normalizer.Form.NFD))))
            .isEqualByComparingTo("1");
    }

    @Test
    void aMatchingEarnsTheShareOfPremisesMatchedRight() {
        var question = new QuestionContent.Matching("Nối", List.of(new Choice("1", "Hà Nội"), new Choice("2", "Huế"), new Choice("3", "Cần Thơ")),
            List.of(new Choice("A", "Bắc"), new Choice("B", "Trung"), new Choice("C", "Nam"), new Choice("D", "Tây")),
            Map.of("1", "A", "2", "B", "3", "C"));
        assertThat(earned(question, Response.entries(Map.of("1", "A", "2", "B", "3", "C")))).isEqualByComparingTo("1");
        assertThat(earned(question, Response.entries(Map.of("1", "A", "2", "C", "3", "B")))).isEqualByComparingTo("0.333333");
        assertThat(earned(question, Response.entries(Map.of()))).isEqualByComparingTo("0");
    }

    @Test
    void anOrderingEarnsTheShareOfItemsInTheirRightPlace() {
        var question = new QuestionContent.Ordering("Sắp xếp", List.of(new Choice("a", "1"), new Choice("b", "2"), new Choice("c", "3"),
            new Choice("d", "4")));
        assertThat(earned(question, Response.choosing("a", "b", "c", "d"))).isEqualByComparingTo("1");
        assertThat(earned(question, Response.choosing("a", "b", "d", "c"))).isEqualByComparingTo("0.5");
        assertThat(earned(question, Response.choosing("a", "a", "a", "a"))).isEqualByComparingTo("0");
        assertThat(earned(question, Response.choosing("a", "b"))).isEqualByComparingTo("0");
    }

    @Test
    void aClozeEarnsTheShareOfGapsFilledRight() {
        var question = new QuestionContent.Cloze("Điền", "Thủ đô là {1}, sông lớn nhất là {2}.",
            List.of(new Gap("1", List.of("Hà Nội"), false, true), new Gap("2", List.of("sông Hồng", "Hồng"), false, false)));
        assertThat(question.problems()).isEmpty();
        assertThat(earned(question, Response.entries(Map.of("1", "hà nội", "2", "Song Hong")))).isEqualByComparingTo("1");
        assertThat(earned(question, Response.entries(Map.of("1", "Ha Noi", "2", "Hồng")))).isEqualByComparingTo("0.5");
    }

    @Test
    void bracesInsideLatexAreNotGapsOfACloze() {
        var question = new QuestionContent.Cloze("Điền", "Ta có \\(\\frac{1}{2} + \\frac{1}{2}\\) = {1} và \\[x^{2}\\] khi x = {2}.",
            List.of(new Gap("1", List.of("1"), false, true), new Gap("2", List.of("2"), false, true)));
        assertThat(question.problems()).isEmpty();
    }

    @Test
    void anEssayWaitsForATeacher() {
        QuestionContent.Scored scored = new QuestionContent.Essay("Em hãy tả …", "Mở bài 1 điểm …").score(Response.text("Bài làm"));
        assertThat(scored.manual()).isTrue();
        assertThat(scored.fraction()).isEqualByComparingTo("0");
    }

    @Test
    void malformedQuestionsSayWhatIsWrong() {
        assertThat(new QuestionContent.SingleChoice(" ", List.of(new Choice("A", "x")), "E", false).problems())
            .extracting(ContentProblem::code)
            .containsExactlyInAnyOrder("question.blank-stem", "question.choice-count", "question.key-not-an-option");
        assertThat(new QuestionContent.TrueFalseGroup("…", List.of(new Statement("a", "x", true))).problems())
            .extracting(ContentProblem::code).containsExactly("question.true-false-needs-four");
        assertThat(new QuestionContent.Cloze("…", "{1} và {3}", List.of(new Gap("1", List.of("x"), false, true),
            new Gap("2", List.of(), false, true))).problems())
            .extracting(ContentProblem::code).containsExactlyInAnyOrder("question.gap-without-answer", "question.gaps-differ");
        assertThat(new QuestionContent.Matching("…", List.of(new Choice("1", "a"), new Choice("2", "b")), List.of(new Choice("A", "x")),
            Map.of("1", "A")).problems())
            .extracting(ContentProblem::code).containsExactlyInAnyOrder("question.too-few-responses", "question.premise-unmatched");
        assertThat(new QuestionContent.MultipleResponse("…", ABCD, List.of(), false).problems())
            .extracting(ContentProblem::code).containsExactly("question.no-key");
    }
}
