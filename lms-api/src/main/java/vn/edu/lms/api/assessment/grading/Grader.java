package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.paper.ShownKeys;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;

/**
 * Scores a paper: each objective item by its type's rule (partial credit included), each essay by
 * the teacher's hand grade once given, and the whole on the 10-point scale of the student's grade.
 * Responses are read in the labels the student saw and translated to the question's keys first.
 */
public final class Grader {

    /**
     * Item points are kept to three decimals: exact for every true/false share of a group worth a
     * multiple of 0.25 (0.1 × 0.25 = 0.025, 0.25 × 0.5 = 0.125), rounded half up for thirds.
     */
    static final int POINT_SCALE = 3;

    private Grader() {
    }

    /**
     * @param responses   the student's answers by item number (missing = blank)
     * @param handGrades  the teacher's grades of hand-graded items, by item number
     * @param grade       the students' grade (khối), which decides the rounding of the score
     */
    public static GradedPaper grade(Paper paper, Map<Integer, Response> responses, Map<Integer, HandGrade> handGrades, int grade) {
        List<GradedItem> items = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        boolean complete = true;
        for (Paper.Item item : paper.items()) {
            Response response = responses.getOrDefault(item.number(), Response.BLANK);
            // The student answered in the labels they saw (A, B, C by position); the key is in the question's own.
            QuestionContent.Scored scored = item.content().score(ShownKeys.toQuestion(item, response));
            HandGrade hand = handGrades.get(item.number());
            BigDecimal points;
            if (scored.manual()) {
                points = hand == null ? null : hand.points().min(item.points()).max(BigDecimal.ZERO);
                complete &= points != null;
            } else {
                points = item.points().multiply(scored.fraction()).setScale(POINT_SCALE, RoundingMode.HALF_UP);
            }
            earned = points == null ? earned : earned.add(points);
            items.add(new GradedItem(item.number(), item.questionId(), item.version(), item.content().type(), item.points(), points,
                scored.manual(), response.isBlank(), hand == null ? null : hand.comment()));
        }
        BigDecimal total = paper.totalPoints();
        BigDecimal score = complete && total.signum() > 0 ? TenPointScale.score(earned, total, grade) : null;
        return new GradedPaper(items, earned, total, score, complete);
    }

    /** A teacher's grade of one item, with an optional comment for the student. */
    public record HandGrade(BigDecimal points, @Nullable String comment) {
    }
}
