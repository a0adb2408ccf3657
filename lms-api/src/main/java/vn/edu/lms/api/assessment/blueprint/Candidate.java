package vn.edu.lms.api.assessment.blueprint;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;

/** A question version of the bank a paper may use. */
public record Candidate(String questionId, int version, String topic, CognitiveLevel level, QuestionContent content) {

    boolean fits(Blueprint.Cell cell) {
        return topic.equals(cell.topic()) && level == cell.level() && content.type() == cell.type();
    }
}
