package vn.edu.lms.api.assessment.blueprint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.QuestionType;

/**
 * A test's blueprint (ma trận đề / bảng đặc tả): how many questions of each type, at each cognitive
 * level, on each topic, and the points each earns. Papers are drawn from the question bank to fit it.
 *
 * @param title        "Kiểm tra giữa kỳ I – Toán 7"
 * @param cells        one row of the matrix per topic × level × type
 */
public record Blueprint(String title, String subjectCode, int grade, List<Cell> cells) {

    public Blueprint {
        cells = List.copyOf(cells);
    }

    /** One cell of the matrix: {@code count} questions of {@code type} on {@code topic} at {@code level}, {@code points} each. */
    public record Cell(String topic, CognitiveLevel level, QuestionType type, int count, BigDecimal points) {
    }

    public int questionCount() {
        return cells.stream().mapToInt(Cell::count).sum();
    }

    /** The points of a whole paper (10 for a test on the 10-point scale). */
    public BigDecimal totalPoints() {
        return cells.stream().map(cell -> cell.points().multiply(BigDecimal.valueOf(cell.count()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What makes the blueprint unusable (empty when it is well formed). */
    public List<ContentProblem> problems() {
        List<ContentProblem> problems = new ArrayList<>();
        if (title.isBlank() || title.length() > 200) {
            problems.add(new ContentProblem("blueprint.bad-title"));
        }
        if (cells.isEmpty()) {
            problems.add(new ContentProblem("blueprint.no-cells"));
        }
        Set<String> seen = new HashSet<>();
        for (Cell cell : cells) {
            if (cell.topic().isBlank()) {
                problems.add(new ContentProblem("blueprint.blank-topic"));
            }
            if (cell.count() < 1 || cell.count() > 200) {
                problems.add(new ContentProblem("blueprint.bad-count", cell.topic(), cell.count()));
            }
            if (cell.points().signum() <= 0 || cell.points().scale() > 2) {
                problems.add(new ContentProblem("blueprint.bad-points", cell.topic(), cell.points().toPlainString()));
            }
            if (!seen.add(cell.topic() + "|" + cell.level() + "|" + cell.type())) {
                problems.add(new ContentProblem("blueprint.duplicate-cell", cell.topic(), cell.level().label(), cell.type().name()));
            }
        }
        return problems;
    }
}
