package vn.edu.lms.api.assessment.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edu.lms.api.assessment.paper.SampleQuestions.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.blueprint.PaperDraw;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;

/** Labels by place that a student sees and answers in, and their translation to and from the question's own keys. */
class ShownKeysTests {

    @Test
    void labelsGoFromAToZAndOnAsSpreadsheetColumnsDo() {
        assertThat(ShownKeys.labels(0)).isEmpty();
        assertThat(ShownKeys.labels(4)).containsExactly("A", "B", "C", "D");
        List<String> many = ShownKeys.labels(60);
        assertThat(many.get(25)).isEqualTo("Z");
        assertThat(many.subList(26, 29)).containsExactly("AA", "AB", "AC");
        assertThat(many.get(51)).isEqualTo("AZ");
        assertThat(many.get(52)).isEqualTo("BA");
        assertThat(many).doesNotHaveDuplicates();
        assertThat(ShownKeys.labels(703).get(702)).isEqualTo("AAA");
        assertThatThrownBy(() -> ShownKeys.labels(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleChoiceIsAnsweredByTheLabelOfItsPlace() {
        Paper.Item single = item(1, SampleQuestions.SINGLE, "0.25", List.of("D", "B", "A", "C"));

        assertThat(ShownKeys.toQuestion(single, Response.choosing("C"))).isEqualTo(Response.choosing("A"));
        assertThat(ShownKeys.toShown(single, AnswerKey.of(SampleQuestions.SINGLE))).isEqualTo(Response.choosing("B"));
        assertThat(ShownKeys.toShown(item(1, SampleQuestions.SINGLE, "0.25", List.of("B", "C", "D", "A")), Response.choosing("B")))
            .isEqualTo(Response.choosing("A"));
    }

    @Test
    void aMultipleResponseTranslatesEveryLabelChosen() {
        Paper.Item multiple = item(2, SampleQuestions.MULTIPLE, "0.5", List.of("C", "D", "A", "B"));

        assertThat(ShownKeys.toQuestion(multiple, Response.choosing("A", "C"))).isEqualTo(Response.choosing("C", "A"));
        assertThat(ShownKeys.toShown(multiple, AnswerKey.of(SampleQuestions.MULTIPLE))).isEqualTo(Response.choosing("C", "A"));
    }

    @Test
    void anOrderingKeepsTheStudentsOrder() {
        Paper.Item ordering = item(7, SampleQuestions.ORDERING, "1", List.of("C", "A", "D", "B"));

        // Shown: A Nhà Hồ, B Nhà Lý, C Nhà Lê sơ, D Nhà Trần; solved: Lý, Trần, Hồ, Lê sơ.
        assertThat(ShownKeys.toShown(ordering, AnswerKey.of(SampleQuestions.ORDERING))).isEqualTo(Response.choosing("B", "D", "A", "C"));
        assertThat(ShownKeys.toQuestion(ordering, Response.choosing("B", "D", "A", "C"))).isEqualTo(Response.choosing("A", "B", "C", "D"));
        // Listed in the shown labels' order, it is not the answer.
        assertThat(SampleQuestions.ORDERING.score(ShownKeys.toQuestion(ordering, Response.choosing("A", "B", "C", "D"))).fraction())
            .isLessThan(BigDecimal.ONE);
    }

    @Test
    void anOrderingShownMovedOnByOneIsReadAsShown() {
        // A fixed paper of old listed the items solved; they are shown B, C, D, A, so the label A is Nhà Trần (B).
        for (List<String> order : List.of(List.of("A", "B", "C", "D"), List.<String>of())) {
            Paper.Item solved = item(7, SampleQuestions.ORDERING, "1", order);
            assertThat(ShownKeys.toQuestion(solved, Response.choosing("A"))).isEqualTo(Response.choosing("B"));
            assertThat(ShownKeys.toShown(solved, AnswerKey.of(SampleQuestions.ORDERING))).isEqualTo(Response.choosing("D", "A", "B", "C"));
        }
    }

    @Test
    void aMatchingKeepsItsPremisesAndTranslatesTheResponses() {
        Paper.Item matching = item(6, SampleQuestions.MATCHING, "1", List.of("C", "A", "D", "B"));

        // Shown: A Cairo, B Paris, C Lima, D Tokyo; Nhật Bản–Tokyo, Pháp–Paris, Ai Cập–Cairo.
        assertThat(ShownKeys.toShown(matching, AnswerKey.of(SampleQuestions.MATCHING)))
            .isEqualTo(Response.entries(Map.of("1", "D", "2", "B", "3", "A")));
        assertThat(ShownKeys.toQuestion(matching, Response.entries(Map.of("1", "D", "2", "C"))))
            .isEqualTo(Response.entries(Map.of("1", "B", "2", "D")));
    }

    @Test
    void theOtherTypesAreAnsweredInTheirOwnKeys() {
        List<Response> responses = List.of(AnswerKey.of(SampleQuestions.TRUE_FALSE), Response.text("-3,7"), Response.text("Hà Nội"),
            AnswerKey.of(SampleQuestions.CLOZE), Response.text("Bài làm"));
        List<QuestionContent> contents = List.of(SampleQuestions.TRUE_FALSE, SampleQuestions.NUMBER, SampleQuestions.TEXT,
            SampleQuestions.CLOZE, SampleQuestions.ESSAY);
        for (int i = 0; i < contents.size(); i++) {
            Paper.Item item = item(i + 1, contents.get(i), "1", List.of());
            assertThat(ShownKeys.toQuestion(item, responses.get(i))).isEqualTo(responses.get(i));
            assertThat(ShownKeys.toShown(item, responses.get(i))).isEqualTo(responses.get(i));
        }
    }

    @Test
    void everyWellFormedResponseComesBackFromTheQuestionsKeys() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            for (QuestionContent content : SampleQuestions.ALL) {
                Paper.Item item = item(1, content, "1", shuffled(PaperDraw.naturalOrder(content), random));
                List<String> labels = ShownKeys.labels(PaperDraw.naturalOrder(content).size());
                List<Response> responses = new ArrayList<>(List.of(AnswerKey.of(content), new Response(null, null, null)));
                if (!labels.isEmpty()) {
                    responses.add(Response.choosing(labels.get(random.nextInt(labels.size()))));
                    responses.add(new Response(shuffled(labels, random), Map.of(), null));
                    responses.add(Response.entries(Map.of("1", labels.get(0), "2", labels.get(labels.size() - 1), "3", labels.get(1))));
                }
                for (Response shown : responses) {
                    assertThat(ShownKeys.toShown(item, ShownKeys.toQuestion(item, shown))).as("%s %s", content.type(), shown).isEqualTo(shown);
                }
            }
        }
    }

    @Test
    void theKeyWrittenInTheLabelsShownAndReadBackEarnsFullMarks() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 50; round++) {
            for (QuestionContent content : SampleQuestions.ALL) {
                if (!content.type().objective()) {
                    continue;
                }
                for (List<String> order : List.of(shuffled(PaperDraw.naturalOrder(content), random), List.<String>of())) {
                    Paper.Item item = item(1, content, "1", order);
                    QuestionContent.Scored scored = content.score(ShownKeys.toQuestion(item, ShownKeys.toShown(item, AnswerKey.of(content))));
                    assertThat(scored.fraction()).as("%s %s", content.type(), order).isEqualByComparingTo(BigDecimal.ONE);
                }
            }
        }
    }

    @Test
    void theShownKeyIsWhatTheStudentSeesNextToTheRightContent() {
        Paper.Item single = item(1, SampleQuestions.SINGLE, "0.25", List.of("C", "A", "B", "D"));
        String label = ShownKeys.toShown(single, AnswerKey.of(SampleQuestions.SINGLE)).selected().get(0);

        assertThat(ShownItem.of(single).options()).filteredOn(option -> option.key().equals(label)).singleElement()
            .extracting(QuestionContent.Choice::content).isEqualTo("\\(-\\frac{2}{5}\\)");
    }

    @Test
    void labelsTheItemDoesNotShowAreDroppedAndNothingThrows() {
        Paper.Item single = item(1, SampleQuestions.SINGLE, "0.25", List.of("D", "B", "A", "C"));
        Paper.Item ordering = item(7, SampleQuestions.ORDERING, "1", List.of("C", "A", "D", "B"));
        Paper.Item matching = item(6, SampleQuestions.MATCHING, "1", List.of("C", "A", "D", "B"));

        assertThat(ShownKeys.toQuestion(single, Response.choosing("E", "B", "", "a", "AA"))).isEqualTo(Response.choosing("B"));
        Response missingOne = ShownKeys.toQuestion(ordering, Response.choosing("B", "D", "Z", "C"));
        assertThat(missingOne).isEqualTo(Response.choosing("A", "B", "D"));
        assertThat(SampleQuestions.ORDERING.score(missingOne).fraction()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ShownKeys.toQuestion(matching, Response.entries(Map.of("1", "D", "2", "X", "9", "A"))))
            .isEqualTo(Response.entries(Map.of("1", "B", "9", "C")));
        assertThat(ShownKeys.toShown(single, Response.choosing("Z"))).isEqualTo(Response.choosing());
    }

    @Test
    void anItemWhoseOrderDoesNotFitItsQuestionIsRefused() {
        assertThatThrownBy(() -> ShownKeys.toQuestion(item(1, SampleQuestions.SINGLE, "0.25", List.of("A", "B", "E", "C")), Response.choosing("A")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> shuffled(List<String> keys, SplittableRandom random) {
        List<String> shuffled = new ArrayList<>(keys);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        return shuffled;
    }
}
