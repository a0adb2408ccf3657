package vn.edu.lms.api.assessment.blueprint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.QuestionAccess;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * A school's blueprints (collection {@code blueprints}): written by its teachers and admins, read by
 * its staff, checked against the bank the school may draw from.
 */
@Service
public class Blueprints implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;
    private final QuestionBank bank;
    private final SubjectCatalogue subjects;
    private final Clock clock;

    Blueprints(ReactiveMongoTemplate mongo, QuestionBank bank, SubjectCatalogue subjects, Clock clock) {
        this.mongo = mongo;
        this.bank = bank;
        this.subjects = subjects;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(StoredBlueprint.class).createIndex(new Index("schoolId", Sort.Direction.ASC).on("blueprint.subjectCode", Sort.Direction.ASC))
            .block(Duration.ofMinutes(2));
    }

    public Mono<StoredBlueprint> create(CurrentUser user, String schoolId, Blueprint blueprint) {
        if (!QuestionAccess.mayWriteAt(user, schoolId)) {
            return Mono.error(Access.forbidden());
        }
        check(blueprint);
        Instant now = clock.instant();
        return mongo.insert(new StoredBlueprint(Ids.newId(), null, schoolId, user.accountId(), blueprint, false, now, now));
    }

    public Mono<StoredBlueprint> blueprint(CurrentUser user, String id) {
        return mongo.findById(id, StoredBlueprint.class)
            .filter(found -> !found.archived() && (user.administers(found.schoolId()) || worksAt(user, found.schoolId())))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "blueprint-not-found")));
    }

    public Flux<StoredBlueprint> list(CurrentUser user, String schoolId, @Nullable String subjectCode) {
        if (!user.administers(schoolId) && !worksAt(user, schoolId)) {
            return Flux.error(Access.forbidden());
        }
        Criteria criteria = Criteria.where("schoolId").is(schoolId).and("archived").is(false);
        if (subjectCode != null) {
            criteria = criteria.and("blueprint.subjectCode").is(subjectCode);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")), StoredBlueprint.class);
    }

    /** Replaces the matrix; {@code expectedRevision} (If-Match) refuses an edit made on a stale copy. */
    public Mono<StoredBlueprint> edit(CurrentUser user, String id, @Nullable Long expectedRevision, Blueprint blueprint) {
        return blueprint(user, id).flatMap(current -> {
            if (!QuestionAccess.mayWriteAt(user, current.schoolId())) {
                return Mono.error(Access.forbidden());
            }
            if (expectedRevision != null && !expectedRevision.equals(current.revision())) {
                return Mono.error(new LmsProblem(HttpStatus.PRECONDITION_FAILED, "blueprint-changed"));
            }
            check(blueprint);
            return mongo.save(new StoredBlueprint(current.id(), current.revision(), current.schoolId(), current.authorId(), blueprint, false,
                current.createdAt(), clock.instant()))
                .onErrorMap(OptimisticLockingFailureException.class, conflict -> new LmsProblem(HttpStatus.CONFLICT, "blueprint-changed"));
        });
    }

    public Mono<Void> archive(CurrentUser user, String id) {
        return blueprint(user, id).flatMap(current -> !QuestionAccess.mayWriteAt(user, current.schoolId()) ? Mono.error(Access.forbidden())
            : mongo.save(new StoredBlueprint(current.id(), current.revision(), current.schoolId(), current.authorId(), current.blueprint(), true,
                current.createdAt(), clock.instant())).then());
    }

    /** Whether the school's bank (its own questions and the district's) can fill the blueprint, cell by cell. */
    public Mono<Coverage> coverage(CurrentUser user, String id) {
        return blueprint(user, id).flatMap(found -> candidates(found).collectList().map(all -> Coverage.of(found.blueprint(), all)));
    }

    /**
     * The same for a blueprint being drafted (nothing stored), with the topics the bank has questions
     * on: what the blueprint builder shows as the teacher edits its cells.
     */
    public Mono<DraftCoverage> coverageOfDraft(CurrentUser user, String schoolId, Blueprint draft) {
        if (!user.administers(schoolId) && !worksAt(user, schoolId)) {
            return Mono.error(Access.forbidden());
        }
        return bank.usableAt(schoolId, draft.subjectCode(), draft.grade())
            .map(question -> new Candidate(question.id(), question.version(), question.topic(), question.level(), question.content()))
            .collectList()
            .map(all -> new DraftCoverage(Coverage.of(draft, all), all.stream().map(Candidate::topic).distinct().sorted().toList()));
    }

    public record DraftCoverage(Coverage coverage, List<String> topics) {
    }

    /** The questions a paper of this blueprint may draw from, each at its current version. */
    public Flux<Candidate> candidates(StoredBlueprint found) {
        Blueprint blueprint = found.blueprint();
        return bank.usableAt(found.schoolId(), blueprint.subjectCode(), blueprint.grade())
            .map(question -> new Candidate(question.id(), question.version(), question.topic(), question.level(), question.content()));
    }

    private void check(Blueprint blueprint) {
        List<ContentProblem> problems = new java.util.ArrayList<>(blueprint.problems());
        if (subjects.subject(blueprint.subjectCode()).isEmpty()) {
            problems.add(new ContentProblem("question.unknown-subject", blueprint.subjectCode()));
        }
        if (blueprint.grade() < 1 || blueprint.grade() > 9) {
            problems.add(new ContentProblem("question.bad-grade", blueprint.grade()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContent("blueprint-invalid", problems);
        }
    }

    private static boolean worksAt(CurrentUser user, String schoolId) {
        return QuestionAccess.mayWriteAt(user, schoolId) || user.hasAt(vn.edu.lms.api.security.Role.REVIEWER, schoolId);
    }
}
