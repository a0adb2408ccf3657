package vn.edu.lms.api.assessment.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edu.lms.api.assessment.paper.SampleQuestions.item;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.lms.api.assessment.blueprint.Blueprint;
import vn.edu.lms.api.assessment.blueprint.Candidate;
import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.blueprint.PaperDraw;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionType;

/** What a student's browser receives of a paper item: the question in the paper's order, labelled by place, never its key. */
class ShownItemTests {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void singleChoiceShowsOptionsInThePapersOrderWithoutTheKey() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(1, SampleQuestions.SINGLE, "0.25", List.of("D", "B", "A", "C")));

        assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.options())).containsExactly("\\(\\sqrt{2}\\)", "\\(-\\frac{2}{5}\\)", "\\(\\frac{3}{4}\\)", "0");
        assertThat(shown.multiple()).isFalse();
        assertThat(shown.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(shown.points()).isEqualByComparingTo("0.25");
        assertNoKey(shown);
    }

    @Test
    void multipleResponseShowsOptionsInThePapersOrderAndAsksForSeveral() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(2, SampleQuestions.MULTIPLE, "0.5", List.of("C", "D", "A", "B")));

        assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.options())).containsExactly("7", "9", "2", "4");
        assertThat(shown.multiple()).isTrue();
        assertNoKey(shown);
    }

    @Test
    void trueFalseGroupShowsStatementsWithoutTheirTruth() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(3, SampleQuestions.TRUE_FALSE, "1", List.of()));

        assertThat(shown.statements()).containsExactly(new Choice("a", "Góc B nhọn."), new Choice("b", "Góc C tù."),
            new Choice("c", "BC là cạnh dài nhất."), new Choice("d", "Tổng ba góc bằng 180°."));
        assertThat(shown.options()).isEmpty();
        assertThat(toJson(shown)).doesNotContain("true");
        assertNoKey(shown);
    }

    @Test
    void shortNumberShowsNeitherValueNorTolerance() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(4, SampleQuestions.NUMBER, "0.5", List.of()));

        assertThat(shown.stem()).isEqualTo(SampleQuestions.NUMBER.stem());
        assertThat(toJson(shown)).doesNotContain("3,7", "3.7");
        assertNoKey(shown);
    }

    @Test
    void shortTextShowsNoAcceptedAnswer() throws JsonProcessingException {
        assertNoKey(ShownItem.of(item(5, SampleQuestions.TEXT, "0.5", List.of())));
    }

    @Test
    void matchingShowsPremisesInOrderAndResponsesInThePapersOrderWithoutPairs() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(6, SampleQuestions.MATCHING, "1", List.of("C", "A", "D", "B")));

        assertThat(keys(shown.premises())).containsExactly("1", "2", "3");
        assertThat(keys(shown.responses())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.responses())).containsExactly("Cairo", "Paris", "Lima", "Tokyo");
        assertNoKey(shown);
    }

    @Test
    void orderingShowsItemsInThePapersOrder() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(7, SampleQuestions.ORDERING, "1", List.of("C", "A", "D", "B")));

        assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.options())).containsExactly("Nhà Hồ", "Nhà Lý", "Nhà Lê sơ", "Nhà Trần");
        assertNoKey(shown);
    }

    @Test
    void orderingOnAFixedPaperIsNotShownSolved() {
        ShownItem shown = ShownItem.of(item(7, SampleQuestions.ORDERING, "1", List.of("A", "B", "C", "D")));

        assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.options())).containsExactly("Nhà Trần", "Nhà Hồ", "Nhà Lê sơ", "Nhà Lý");
        assertThat(contents(ShownItem.of(item(7, SampleQuestions.ORDERING, "1", List.of())).options()))
            .containsExactly("Nhà Trần", "Nhà Hồ", "Nhà Lê sơ", "Nhà Lý");
    }

    /**
     * Moodle and QTI key ordering items A, B, C… in their right order: shown by their own keys, sorting
     * them would solve the question. Shown labels are A, B, C… by place, on shuffled and fixed papers alike.
     */
    @Test
    void anOrderingKeyedInItsRightOrderIsNotSolvedBySortingTheShownKeys() {
        Blueprint blueprint = new Blueprint("Ôn tập", "su", 7, List.of(new Blueprint.Cell("Lịch sử", CognitiveLevel.HIEU, QuestionType.ORDERING, 1,
            BigDecimal.TEN)));
        List<Candidate> bank = List.of(new Candidate("q1", 1, "Lịch sử", CognitiveLevel.HIEU, SampleQuestions.ORDERING));
        List<String> solved = contents(SampleQuestions.ORDERING.items());
        Set<List<String>> shownOrders = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            for (boolean shuffle : List.of(true, false)) {
                ShownItem shown = ShownItem.of(PaperDraw.draw(blueprint, bank, seed, shuffle).items().get(0));

                assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
                assertThat(contents(shown.options())).containsExactlyInAnyOrderElementsOf(solved).isNotEqualTo(solved);
                List<String> sortedByKey = shown.options().stream().sorted(Comparator.comparing(Choice::key)).map(Choice::content).toList();
                assertThat(sortedByKey).isNotEqualTo(solved);
                shownOrders.add(contents(shown.options()));
            }
        }
        assertThat(shownOrders).hasSizeGreaterThan(10);
    }

    /** GIFT writes the right option first, so its key is "A": the right option must not always be shown as "A". */
    @Test
    void aSingleChoiceKeyedAIsNotAlwaysShownAsA() {
        QuestionContent.SingleChoice gift = new QuestionContent.SingleChoice("Thủ đô của Pháp?", List.of(new Choice("A", "Paris"),
            new Choice("B", "Lyon"), new Choice("C", "Marseille"), new Choice("D", "Nice")), "A", false);
        Blueprint blueprint = new Blueprint("Ôn tập", "dia", 7, List.of(new Blueprint.Cell("Châu Âu", CognitiveLevel.BIET,
            QuestionType.SINGLE_CHOICE, 1, BigDecimal.TEN)));
        List<Candidate> bank = List.of(new Candidate("q1", 1, "Châu Âu", CognitiveLevel.BIET, gift));
        Set<String> rightShownAs = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            ShownItem shown = ShownItem.of(PaperDraw.draw(blueprint, bank, seed, true).items().get(0));
            String label = shown.options().stream().filter(option -> option.content().equals("Paris")).findFirst().orElseThrow().key();
            rightShownAs.add(label);
        }
        assertThat(rightShownAs).containsExactlyInAnyOrder("A", "B", "C", "D");
    }

    @Test
    void clozeShowsItsTextAndGapsButNotWhatFillsThem() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(8, SampleQuestions.CLOZE, "1", List.of()));

        assertThat(shown.clozeText()).isEqualTo(SampleQuestions.CLOZE.text());
        assertThat(shown.gaps()).containsExactly("1", "2");
        assertNoKey(shown);
    }

    @Test
    void essayShowsNoGuidance() throws JsonProcessingException {
        ShownItem shown = ShownItem.of(item(9, SampleQuestions.ESSAY, "3", List.of()));

        assertThat(shown.stem()).isEqualTo(SampleQuestions.ESSAY.stem());
        assertThat(shown.clozeText()).isNull();
        assertNoKey(shown);
    }

    @Test
    void everyItemOfADrawnPaperKeepsItsNumberAndPoints() throws JsonProcessingException {
        Paper paper = SampleQuestions.paper(List.of("B", "A", "C", "D"), List.of("D", "C", "B", "A"), List.of("B", "D", "A", "C"),
            List.of("D", "C", "B", "A"));

        for (Paper.Item item : paper.items()) {
            ShownItem shown = ShownItem.of(item);
            assertThat(shown.number()).isEqualTo(item.number());
            assertThat(shown.points()).isEqualTo(item.points());
            assertThat(shown.type()).isEqualTo(item.content().type());
            assertNoKey(shown);
        }
        assertThat(paper.items().stream().map(Paper.Item::content).toList()).containsExactlyElementsOf(SampleQuestions.ALL);
    }

    @Test
    void anOrderThatDoesNotListTheQuestionsKeysIsRefused() {
        assertThatThrownBy(() -> ShownItem.of(item(1, SampleQuestions.SINGLE, "0.25", List.of("A", "B", "C"))))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShownItem.of(item(1, SampleQuestions.SINGLE, "0.25", List.of("A", "B", "C", "C"))))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShownItem.of(item(1, SampleQuestions.SINGLE, "0.25", List.of("A", "B", "C", "E"))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemWithoutAnOrderShowsTheQuestionsOrder() {
        ShownItem shown = ShownItem.of(new Paper.Item(1, "q1", 1, SampleQuestions.SINGLE, BigDecimal.ONE, List.of()));

        assertThat(keys(shown.options())).containsExactly("A", "B", "C", "D");
        assertThat(contents(shown.options())).containsExactlyElementsOf(contents(SampleQuestions.SINGLE.options()));
    }

    private void assertNoKey(ShownItem shown) throws JsonProcessingException {
        assertThat(toJson(shown)).doesNotContain(SampleQuestions.KEY_MATERIAL);
    }

    private String toJson(ShownItem shown) throws JsonProcessingException {
        return json.writeValueAsString(shown);
    }

    private static List<String> keys(List<Choice> choices) {
        return choices.stream().map(QuestionContent.Choice::key).toList();
    }

    private static List<String> contents(List<Choice> choices) {
        return choices.stream().map(QuestionContent.Choice::content).toList();
    }
}
