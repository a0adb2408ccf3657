package vn.edu.lms.api.assessment.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.Response;

/** The key in the shape a student answers in: answered, it earns every point a machine can give. */
class AnswerKeyTests {

    @Test
    void theKeyOfEveryObjectiveTypeEarnsFullMarks() {
        for (QuestionContent content : SampleQuestions.ALL) {
            if (content.type().objective()) {
                QuestionContent.Scored scored = content.score(AnswerKey.of(content));
                assertThat(scored.manual()).as(content.type().name()).isFalse();
                assertThat(scored.fraction()).as(content.type().name()).isEqualByComparingTo(BigDecimal.ONE);
            }
        }
    }

    @Test
    void anEssaysKeyIsItsGuidanceAndLeavesTheGradeToATeacher() {
        Response key = AnswerKey.of(SampleQuestions.ESSAY);

        assertThat(key.text()).isEqualTo(SampleQuestions.ESSAY.guidance());
        assertThat(key.selected()).isEmpty();
        assertThat(key.entries()).isEmpty();
        assertThat(SampleQuestions.ESSAY.score(key).manual()).isTrue();
        assertThat(AnswerKey.of(new QuestionContent.Essay("Viết đoạn văn.", null)).isBlank()).isTrue();
    }

    @Test
    void eachTypesKeyHasTheShapeItsStudentsAnswerIn() {
        assertThat(AnswerKey.of(SampleQuestions.SINGLE)).isEqualTo(Response.choosing("B"));
        assertThat(AnswerKey.of(SampleQuestions.MULTIPLE)).isEqualTo(Response.choosing("A", "C"));
        assertThat(AnswerKey.of(SampleQuestions.TRUE_FALSE)).isEqualTo(Response.entries(Map.of("a", "true", "b", "false", "c", "true",
            "d", "true")));
        assertThat(AnswerKey.of(SampleQuestions.NUMBER)).isEqualTo(Response.text("-3,7"));
        assertThat(AnswerKey.of(SampleQuestions.TEXT)).isEqualTo(Response.text("Thăng Long xưa"));
        assertThat(AnswerKey.of(SampleQuestions.MATCHING)).isEqualTo(Response.entries(Map.of("1", "B", "2", "A", "3", "C")));
        assertThat(AnswerKey.of(SampleQuestions.ORDERING)).isEqualTo(Response.choosing("A", "B", "C", "D"));
        assertThat(AnswerKey.of(SampleQuestions.CLOZE)).isEqualTo(Response.entries(Map.of("1", "phương đông", "2", "phương tây")));
    }

    @Test
    void aNumberIsWrittenAsTheAnswerSheetsBoxesTakeIt() {
        QuestionContent.ShortNumber quarter = new QuestionContent.ShortNumber("Tính \\(1 : 4\\).", new BigDecimal("0.250"), BigDecimal.ZERO);
        QuestionContent.ShortNumber year = new QuestionContent.ShortNumber("Năm nào?", new BigDecimal("2025"), BigDecimal.ZERO);

        assertThat(AnswerKey.of(quarter).text()).isEqualTo("0,25");
        assertThat(AnswerKey.of(year).text()).isEqualTo("2025");
        assertThat(quarter.score(AnswerKey.of(quarter)).fraction()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void aClozeKeyTakesTheFirstAcceptedAnswerOfEachGap() {
        QuestionContent.Cloze cloze = new QuestionContent.Cloze("Điền.", "Nước sôi ở {a} độ C, đông đặc ở {b} độ C.",
            List.of(new Gap("a", List.of("100", "một trăm"), false, false), new Gap("b", List.of("0", "không"), false, false)));

        assertThat(AnswerKey.of(cloze).entries()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "100", "b", "0"));
        assertThat(cloze.score(AnswerKey.of(cloze)).fraction()).isEqualByComparingTo(BigDecimal.ONE);
    }
}
