package vn.edu.lms.api.assessment.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Statement;
import vn.edu.lms.api.questionbank.QuestionType;

/** Papers drawn from a bank to fit a blueprint: different for each student, each one fitting, reproducible. */
class PaperDrawTests {

    private static final String SO_HUU_TI = "Số hữu tỉ";
    private static final String SO_THUC = "Số thực";
    private static final String GOC = "Góc và đường thẳng song song";

    /** Kiểm tra giữa kỳ I – Toán 7 in the 2025 format: 12 single choice, 3 true/false groups, 2 short answers, 1 essay; 10 points. */
    static Blueprint giuaKyIToan7() {
        return new Blueprint("Kiểm tra giữa kỳ I – Toán 7", "toan", 7, List.of(
            cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 4, "0.25"),
            cell(SO_HUU_TI, CognitiveLevel.HIEU, QuestionType.SINGLE_CHOICE, 2, "0.25"),
            cell(SO_THUC, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 3, "0.25"),
            cell(GOC, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 3, "0.25"),
            cell(SO_HUU_TI, CognitiveLevel.HIEU, QuestionType.TRUE_FALSE_GROUP, 1, "1"),
            cell(SO_THUC, CognitiveLevel.VAN_DUNG, QuestionType.TRUE_FALSE_GROUP, 1, "1"),
            cell(GOC, CognitiveLevel.HIEU, QuestionType.TRUE_FALSE_GROUP, 1, "1"),
            cell(SO_HUU_TI, CognitiveLevel.VAN_DUNG, QuestionType.SHORT_NUMBER, 1, "0.5"),
            cell(SO_THUC, CognitiveLevel.HIEU, QuestionType.SHORT_NUMBER, 1, "0.5"),
            cell(GOC, CognitiveLevel.VAN_DUNG, QuestionType.ESSAY, 1, "3")));
    }

    private static Blueprint.Cell cell(String topic, CognitiveLevel level, QuestionType type, int count, String points) {
        return new Blueprint.Cell(topic, level, type, count, new BigDecimal(points));
    }

    /** A bank with {@code perCell} times what each cell asks for. */
    static List<Candidate> bank(Blueprint blueprint, int perCell) {
        List<Candidate> bank = new ArrayList<>();
        int n = 0;
        for (Blueprint.Cell cell : blueprint.cells()) {
            for (int i = 0; i < cell.count() * perCell; i++) {
                n++;
                bank.add(new Candidate(String.format("q%04d", n), 1, cell.topic(), cell.level(), content(cell.type(), n)));
            }
        }
        return bank;
    }

    private static QuestionContent content(QuestionType type, int n) {
        List<Choice> abcd = List.of(new Choice("A", "1"), new Choice("B", "2"), new Choice("C", "3"), new Choice("D", "4"));
        switch (type) {
            case SINGLE_CHOICE:
                return new QuestionContent.SingleChoice("Câu " + n, abcd, "B", false);
            case TRUE_FALSE_GROUP:
                return new QuestionContent.TrueFalseGroup("Câu " + n, List.of(new Statement("a", "a", true), new Statement("b", "b", false),
                    new Statement("c", "c", true), new Statement("d", "d", false)));
            case SHORT_NUMBER:
                return new QuestionContent.ShortNumber("Câu " + n, new BigDecimal("1.5"), BigDecimal.ZERO);
            case MULTIPLE_RESPONSE:
                return new QuestionContent.MultipleResponse("Câu " + n, abcd, List.of("A", "C"), false);
            case SHORT_TEXT:
                return new QuestionContent.ShortText("Câu " + n, List.of("ba"), false, true);
            case MATCHING:
                return new QuestionContent.Matching("Câu " + n, List.of(new Choice("1", "x"), new Choice("2", "y")), abcd,
                    Map.of("1", "A", "2", "B"));
            case ORDERING:
                return new QuestionContent.Ordering("Câu " + n, abcd);
            case CLOZE:
                return new QuestionContent.Cloze("Câu " + n, "Một {1} hai", List.of(new QuestionContent.Gap("1", List.of("và"), false, true)));
            case ESSAY:
                return new QuestionContent.Essay("Câu " + n, null);
            default:
                throw new IllegalArgumentException(type.name());
        }
    }

    private static void assertFits(Paper paper, Blueprint blueprint, List<Candidate> bank) {
        Map<String, Candidate> byId = bank.stream().collect(Collectors.toMap(Candidate::questionId, Function.identity()));
        for (Blueprint.Cell cell : blueprint.cells()) {
            long inCell = paper.items().stream().filter(item -> byId.get(item.questionId()).fits(cell)).count();
            assertThat(inCell).as("%s %s %s", cell.topic(), cell.level(), cell.type()).isEqualTo(cell.count());
        }
        assertThat(paper.items()).hasSize(blueprint.questionCount());
        assertThat(paper.items().stream().map(Paper.Item::questionId).distinct()).hasSize(blueprint.questionCount());
        assertThat(paper.totalPoints()).isEqualByComparingTo("10");
        assertThat(paper.items()).extracting(Paper.Item::number).containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, blueprint.questionCount()).boxed().toList());
        // Parts in the 2025 order: single choice, true/false, short answer, essay.
        List<Integer> parts = paper.items().stream().map(item -> PaperDraw.PARTS.indexOf(item.content().type())).toList();
        assertThat(parts).isSorted();
        for (Paper.Item item : paper.items()) {
            assertThat(item.order()).containsExactlyInAnyOrderElementsOf(PaperDraw.naturalOrder(item.content()));
        }
    }

    @Test
    void aBlueprintForAMidTermTestGivesFortyStudentsFortyDifferentShuffledPapersThatAllFitIt() {
        Blueprint blueprint = giuaKyIToan7();
        assertThat(blueprint.problems()).isEmpty();
        assertThat(blueprint.totalPoints()).isEqualByComparingTo("10");
        List<Candidate> bank = bank(blueprint, 2);
        Set<List<String>> different = new HashSet<>();
        for (long student = 1; student <= 40; student++) {
            Paper paper = PaperDraw.draw(blueprint, bank, 1000 + student, true);
            assertFits(paper, blueprint, bank);
            different.add(paper.items().stream().map(item -> item.questionId() + item.order()).toList());
        }
        assertThat(different).hasSize(40);
    }

    @Test
    void theSameSeedDrawsTheSamePaperAgain() {
        Blueprint blueprint = giuaKyIToan7();
        List<Candidate> bank = bank(blueprint, 3);
        List<Candidate> shuffledBank = new ArrayList<>(bank);
        java.util.Collections.reverse(shuffledBank);
        assertThat(PaperDraw.draw(blueprint, shuffledBank, 42, true)).isEqualTo(PaperDraw.draw(blueprint, bank, 42, true));
        assertThat(PaperDraw.draw(blueprint, bank, 43, true)).isNotEqualTo(PaperDraw.draw(blueprint, bank, 42, true));
    }

    @Test
    void aFixedPaperIsTheSameForEveryoneAndInTheBanksOrder() {
        Blueprint blueprint = giuaKyIToan7();
        List<Candidate> bank = bank(blueprint, 2);
        Paper first = PaperDraw.draw(blueprint, bank, 1, false);
        assertFits(first, blueprint, bank);
        assertThat(PaperDraw.draw(blueprint, bank, 2, false).items()).isEqualTo(first.items());
        assertThat(first.items()).allSatisfy(item -> assertThat(item.order()).isEqualTo(PaperDraw.naturalOrder(item.content())));
    }

    @Test
    void optionsAQuestionFixesKeepTheirOrderAndAnOrderingIsNeverShownInItsAnswerOrder() {
        Blueprint blueprint = new Blueprint("Ôn tập", "toan", 7, List.of(cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 1, "5"),
            cell(SO_HUU_TI, CognitiveLevel.HIEU, QuestionType.ORDERING, 1, "5")));
        List<Choice> options = List.of(new Choice("A", "2"), new Choice("B", "3"), new Choice("C", "Cả A và B đều đúng"));
        List<Candidate> bank = List.of(
            new Candidate("fixed", 1, SO_HUU_TI, CognitiveLevel.BIET, new QuestionContent.SingleChoice("Số nguyên tố?", options, "C", true)),
            new Candidate("order", 1, SO_HUU_TI, CognitiveLevel.HIEU, new QuestionContent.Ordering("Xếp tăng dần",
                List.of(new Choice("a", "-1"), new Choice("b", "0"), new Choice("c", "1")))));
        for (long seed = 0; seed < 200; seed++) {
            Paper paper = PaperDraw.draw(blueprint, bank, seed, true);
            assertThat(paper.items().get(0).order()).containsExactly("A", "B", "C");
            assertThat(paper.items().get(1).order()).isNotEqualTo(List.of("a", "b", "c"));
        }
    }

    @Test
    void thePartsFollowThe2025FormatWhateverOrderTheCellsComeIn() {
        assertThat(PaperDraw.PARTS).containsExactlyInAnyOrder(QuestionType.values());
        Blueprint blueprint = new Blueprint("Ôn tập", "toan", 7, List.of(cell(GOC, CognitiveLevel.VAN_DUNG, QuestionType.ESSAY, 1, "1"),
            cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.CLOZE, 1, "1"),
            cell(SO_HUU_TI, CognitiveLevel.HIEU, QuestionType.MULTIPLE_RESPONSE, 2, "0.5"),
            cell(SO_THUC, CognitiveLevel.BIET, QuestionType.SHORT_TEXT, 1, "0.5"),
            cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 2, "0.25"),
            cell(SO_THUC, CognitiveLevel.HIEU, QuestionType.ORDERING, 1, "1"),
            cell(GOC, CognitiveLevel.HIEU, QuestionType.TRUE_FALSE_GROUP, 1, "1"),
            cell(GOC, CognitiveLevel.BIET, QuestionType.MATCHING, 1, "1"),
            cell(SO_THUC, CognitiveLevel.VAN_DUNG, QuestionType.SHORT_NUMBER, 1, "0.5"),
            cell(SO_HUU_TI, CognitiveLevel.VAN_DUNG, QuestionType.SINGLE_CHOICE, 2, "0.25")));
        List<Candidate> bank = bank(blueprint, 2);
        List<QuestionType> expected = List.of(QuestionType.SINGLE_CHOICE, QuestionType.SINGLE_CHOICE, QuestionType.SINGLE_CHOICE,
            QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE_GROUP, QuestionType.SHORT_NUMBER, QuestionType.SHORT_TEXT,
            QuestionType.MULTIPLE_RESPONSE, QuestionType.MULTIPLE_RESPONSE, QuestionType.MATCHING, QuestionType.ORDERING, QuestionType.CLOZE,
            QuestionType.ESSAY);
        for (long seed = 0; seed < 20; seed++) {
            for (boolean shuffle : List.of(true, false)) {
                Paper paper = PaperDraw.draw(blueprint, bank, seed, shuffle);
                assertThat(paper.items()).extracting(item -> item.content().type()).containsExactlyElementsOf(expected);
                assertThat(paper.items()).extracting(Paper.Item::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
                assertThat(PaperDraw.draw(blueprint, bank, seed, shuffle)).isEqualTo(paper);
            }
        }
    }

    @Test
    void aFixedPaperShufflesOnlyItsOrderingItemsAndNeverShowsThemSolved() {
        Blueprint blueprint = new Blueprint("Ôn tập", "toan", 7, List.of(cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 1, "2"),
            cell(SO_HUU_TI, CognitiveLevel.HIEU, QuestionType.MULTIPLE_RESPONSE, 1, "2"),
            cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.MATCHING, 1, "2"),
            cell(SO_THUC, CognitiveLevel.HIEU, QuestionType.ORDERING, 2, "2")));
        List<Candidate> bank = new ArrayList<>(bank(blueprint, 1));
        // Two items only: shuffled, they would come out solved every other time.
        bank.add(new Candidate("q9999", 1, SO_THUC, CognitiveLevel.HIEU, new QuestionContent.Ordering("Xếp tăng dần",
            List.of(new Choice("a", "-1"), new Choice("b", "0")))));
        blueprint = new Blueprint(blueprint.title(), blueprint.subjectCode(), blueprint.grade(), List.of(blueprint.cells().get(0),
            blueprint.cells().get(1), blueprint.cells().get(2), cell(SO_THUC, CognitiveLevel.HIEU, QuestionType.ORDERING, 3, "2")));
        Set<List<String>> orderingOrders = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            Paper paper = PaperDraw.draw(blueprint, bank, seed, false);
            assertThat(PaperDraw.draw(blueprint, bank, seed, false)).isEqualTo(paper);
            for (Paper.Item item : paper.items()) {
                List<String> natural = PaperDraw.naturalOrder(item.content());
                if (item.content() instanceof QuestionContent.Ordering) {
                    assertThat(item.order()).containsExactlyInAnyOrderElementsOf(natural).isNotEqualTo(natural);
                    orderingOrders.add(item.order());
                } else {
                    assertThat(item.order()).isEqualTo(natural);
                }
            }
            // In the bank's order, as a fixed paper is.
            assertThat(paper.items()).extracting(Paper.Item::questionId).containsExactly("q0001", "q0002", "q0003", "q0004", "q0005", "q9999");
        }
        assertThat(orderingOrders).hasSizeGreaterThan(10).contains(List.of("b", "a"));
    }

    @Test
    void aBankThatCannotFillTheBlueprintSaysWhichCellsLackHowMany() {
        Blueprint blueprint = giuaKyIToan7();
        List<Candidate> bank = new ArrayList<>(bank(blueprint, 1));
        bank.removeIf(candidate -> candidate.topic().equals(GOC) && candidate.content().type() == QuestionType.SINGLE_CHOICE);
        bank.remove(bank.size() - 1); // the essay
        Coverage coverage = Coverage.of(blueprint, bank);
        assertThat(coverage.fillable()).isFalse();
        assertThat(coverage.missing()).isEqualTo(4);
        assertThat(coverage.cells()).filteredOn(cell -> cell.missing() > 0)
            .extracting(cell -> cell.cell().topic() + " " + cell.cell().type() + " " + cell.available() + "/" + cell.cell().count())
            .containsExactly(GOC + " SINGLE_CHOICE 0/3", GOC + " ESSAY 0/1");
        assertThatThrownBy(() -> PaperDraw.draw(blueprint, bank, 1, true)).isInstanceOf(PaperDraw.NotEnoughQuestions.class);
    }

    @Test
    void aMalformedBlueprintSaysWhatIsWrong() {
        Blueprint bad = new Blueprint(" ", "toan", 7, List.of(cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 0, "0.25"),
            cell(SO_HUU_TI, CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, 2, "0.125")));
        assertThat(bad.problems()).extracting(ContentProblem::code)
            .containsExactlyInAnyOrder("blueprint.bad-title", "blueprint.bad-count", "blueprint.bad-points", "blueprint.duplicate-cell");
    }
}
