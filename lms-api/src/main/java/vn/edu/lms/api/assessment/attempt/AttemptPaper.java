package vn.edu.lms.api.assessment.attempt;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.assessment.blueprint.Paper;

/**
 * The paper of an attempt as drawn when it started: copies of the question versions with their
 * keys, the order shown, the seed. Written once; only a regrade after a corrected key changes it.
 *
 * @param code  mã đề, for lettered versions
 */
@Document("attempt_papers")
public record AttemptPaper(@Id String attemptId, String sessionId, String studentId, Paper paper, @Nullable String code) {
}
