package vn.edu.lms.api.assessment.session;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.assessment.blueprint.Candidate;

/**
 * The question versions a session's papers are drawn from, fixed when it is scheduled: a question
 * edited or archived afterwards changes no paper, and every stored seed draws its paper again.
 */
@Document("test_pools")
public record TestPool(@Id String sessionId, List<Candidate> candidates) {

    public TestPool {
        candidates = List.copyOf(candidates);
    }
}
