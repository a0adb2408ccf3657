package vn.edu.lms.api.assessment.paper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.edu.lms.api.questionbank.AnswerSheetNumber;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Response;

/**
 * The right answer to a question in the shape a student answers in ({@link Response}), to show
 * beside theirs once results are released and to print the answer key from. Answered, it earns
 * all the points, except an essay's, which a teacher grades: its key carries the grading guidance
 * as text (null when there is none).
 */
public final class AnswerKey {

    private AnswerKey() {
    }

    /** The right answer to {@code content}; where several are accepted, the first. */
    public static Response of(QuestionContent content) {
        if (content instanceof QuestionContent.SingleChoice single) {
            return Response.choosing(single.correct());
        }
        if (content instanceof QuestionContent.MultipleResponse multiple) {
            return new Response(multiple.correct(), Map.of(), null);
        }
        if (content instanceof QuestionContent.TrueFalseGroup group) {
            Map<String, String> truths = new LinkedHashMap<>();
            group.statements().forEach(statement -> truths.put(statement.key(), Boolean.toString(statement.correct())));
            return Response.entries(truths);
        }
        if (content instanceof QuestionContent.ShortNumber number) {
            return Response.text(written(number.value()));
        }
        if (content instanceof QuestionContent.ShortText text) {
            return new Response(List.of(), Map.of(), text.accepted().isEmpty() ? null : text.accepted().get(0));
        }
        if (content instanceof QuestionContent.Matching matching) {
            return Response.entries(matching.pairs());
        }
        if (content instanceof QuestionContent.Ordering ordering) {
            return new Response(ordering.items().stream().map(QuestionContent.Choice::key).toList(), Map.of(), null);
        }
        if (content instanceof QuestionContent.Cloze cloze) {
            Map<String, String> filled = new LinkedHashMap<>();
            cloze.gaps().stream().filter(gap -> !gap.accepted().isEmpty()).forEach(gap -> filled.put(gap.key(), gap.accepted().get(0)));
            return Response.entries(filled);
        }
        if (content instanceof QuestionContent.Essay essay) {
            return new Response(List.of(), Map.of(), essay.guidance());
        }
        throw new IllegalArgumentException("Unknown question content " + content.type());
    }

    /**
     * A number as the answer sheet's boxes take it ("-1,5"); one that does not fit them (a question
     * the bank would call ill formed) as plain decimals with the comma.
     */
    static String written(BigDecimal value) {
        String boxes = AnswerSheetNumber.write(value);
        return boxes != null ? boxes : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
