package vn.edu.lms.api.assessment.paper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionContent.Statement;

/**
 * One well-formed question of each type, whose key material (right options, truths, accepted
 * answers, number, guidance) is words that appear nowhere else, so a test can look for them.
 */
final class SampleQuestions {

    static final QuestionContent.SingleChoice SINGLE = new QuestionContent.SingleChoice("Số nào là số hữu tỉ âm?",
        List.of(new Choice("A", "\\(\\frac{3}{4}\\)"), new Choice("B", "\\(-\\frac{2}{5}\\)"), new Choice("C", "0"), new Choice("D", "\\(\\sqrt{2}\\)")),
        "B", false);
    static final QuestionContent.MultipleResponse MULTIPLE = new QuestionContent.MultipleResponse("Chọn các số nguyên tố:",
        List.of(new Choice("A", "2"), new Choice("B", "4"), new Choice("C", "7"), new Choice("D", "9")), List.of("C", "A"), false);
    static final QuestionContent.TrueFalseGroup TRUE_FALSE = new QuestionContent.TrueFalseGroup("Cho tam giác ABC vuông tại A.",
        List.of(new Statement("a", "Góc B nhọn.", true), new Statement("b", "Góc C tù.", false), new Statement("c", "BC là cạnh dài nhất.", true),
            new Statement("d", "Tổng ba góc bằng 180°.", true)));
    static final QuestionContent.ShortNumber NUMBER = new QuestionContent.ShortNumber("Giải phương trình \\(2x + 7,4 = 0\\).",
        new BigDecimal("-3.70"), new BigDecimal("0.01"));
    static final QuestionContent.ShortText TEXT = new QuestionContent.ShortText("Thủ đô của nước ta là thành phố nào?",
        List.of("Thăng Long xưa", "Thang Long xua"), false, true);
    static final QuestionContent.Matching MATCHING = new QuestionContent.Matching("Nối mỗi nước với thủ đô của nó.",
        List.of(new Choice("1", "Nhật Bản"), new Choice("2", "Pháp"), new Choice("3", "Ai Cập")),
        List.of(new Choice("A", "Paris"), new Choice("B", "Tokyo"), new Choice("C", "Cairo"), new Choice("D", "Lima")),
        Map.of("1", "B", "2", "A", "3", "C"));
    static final QuestionContent.Ordering ORDERING = new QuestionContent.Ordering("Sắp xếp các triều đại theo thời gian:",
        List.of(new Choice("A", "Nhà Lý"), new Choice("B", "Nhà Trần"), new Choice("C", "Nhà Hồ"), new Choice("D", "Nhà Lê sơ")));
    static final QuestionContent.Cloze CLOZE = new QuestionContent.Cloze("Điền vào chỗ trống.",
        "<p>Mặt trời mọc ở hướng {1} và lặn ở hướng {2}; \\(\\frac{1}{2}\\) không phải chỗ trống.</p>",
        List.of(new Gap("1", List.of("phương đông"), false, true), new Gap("2", List.of("phương tây"), false, true)));
    static final QuestionContent.Essay ESSAY = new QuestionContent.Essay("Chứng minh rằng hai góc đối đỉnh thì bằng nhau.",
        "Hướng dẫn chấm: vẽ hình đúng được nửa số điểm");

    /** Everything that would give an answer away, as it could appear in JSON or on paper. */
    static final List<String> KEY_MATERIAL = List.of("correct", "accepted", "pairs", "guidance", "tolerance", "value", "Thăng Long",
        "Thang Long", "phương đông", "phương tây", "Hướng dẫn chấm", "-3,7", "-3.7", "0.01");

    static final List<QuestionContent> ALL = List.of(SINGLE, MULTIPLE, TRUE_FALSE, NUMBER, TEXT, MATCHING, ORDERING, CLOZE, ESSAY);

    private SampleQuestions() {
    }

    static Paper.Item item(int number, QuestionContent content, String points, List<String> order) {
        return new Paper.Item(number, "q" + number, 1, content, new BigDecimal(points), order);
    }

    /** The nine questions as a drawn paper lists them: by type, options in the orders given. */
    static Paper paper(List<String> singleOrder, List<String> multipleOrder, List<String> matchingOrder, List<String> orderingOrder) {
        return new Paper(1, List.of(item(1, SINGLE, "0.25", singleOrder), item(2, MULTIPLE, "0.5", multipleOrder),
            item(3, TRUE_FALSE, "1", List.of()), item(4, NUMBER, "0.5", List.of()), item(5, TEXT, "0.5", List.of()),
            item(6, MATCHING, "1", matchingOrder), item(7, ORDERING, "1", orderingOrder), item(8, CLOZE, "1", List.of()),
            item(9, ESSAY, "3", List.of())));
    }
}
