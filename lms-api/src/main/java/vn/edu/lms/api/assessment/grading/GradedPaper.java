package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A graded paper: its items, the points earned of the total, and the score on the 10-point scale
 * (null until every hand-graded item is graded).
 */
public record GradedPaper(List<GradedItem> items, BigDecimal earned, BigDecimal total, @Nullable BigDecimal score, boolean complete) {

    public GradedPaper {
        items = List.copyOf(items);
    }
}
