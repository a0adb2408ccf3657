package vn.edu.lms.api.questionbank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The question bank's operations. Every piece of rich text is sanitized before it is stored; a
 * content edit makes a new version (the old ones stay, for the papers that used them).
 */
@Service
public class QuestionBank {

    private final QuestionStore store;
    private final SubjectCatalogue subjects;
    private final Clock clock;
    private final JsonMapper canonical;

    QuestionBank(QuestionStore store, SubjectCatalogue subjects, Clock clock, JsonMapper json) {
        this.store = store;
        this.subjects = subjects;
        this.clock = clock;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** Filters for listing; null means any. {@code scope}: MINE, SCHOOL (the user's schools) or DISTRICT (appraised). */
    public record Filter(@Nullable String subjectCode, @Nullable Integer grade, @Nullable String topic, @Nullable CognitiveLevel level,
            @Nullable QuestionType type, @Nullable String tag, @Nullable Scope scope, @Nullable String schoolId) {
    }

    public enum Scope {
        MINE, SCHOOL, DISTRICT, PENDING
    }

    public record Page(List<Question> questions, long total) {
    }

    /** The draft with its rich text sanitized, and what is wrong with it (catalogue and content). */
    public record Checked(QuestionDraft draft, List<ContentProblem> problems) {
    }

    public Checked check(QuestionDraft draft) {
        QuestionDraft clean = new QuestionDraft(draft.subjectCode(), draft.grade(), draft.topic(), draft.level(), draft.tags(),
            draft.content().withText(RichText::sanitize));
        List<ContentProblem> problems = new ArrayList<>();
        if (subjects.subject(draft.subjectCode()).isEmpty()) {
            problems.add(new ContentProblem("question.unknown-subject", draft.subjectCode()));
        }
        if (draft.grade() < 1 || draft.grade() > 9) {
            problems.add(new ContentProblem("question.bad-grade", draft.grade()));
        }
        if (clean.topic().isEmpty() || clean.topic().length() > 200) {
            problems.add(new ContentProblem("question.bad-topic"));
        }
        if (clean.tags().size() > 20 || clean.tags().stream().anyMatch(tag -> tag.length() > 50)) {
            problems.add(new ContentProblem("question.bad-tags"));
        }
        problems.addAll(clean.content().problems());
        return new Checked(clean, problems);
    }

    /** Adds a question to {@code schoolId}'s bank; a question already there (same content) is answered as it is. */
    public Mono<Question> create(CurrentUser user, String schoolId, QuestionDraft draft) {
        if (!QuestionAccess.mayWriteAt(user, schoolId)) {
            return Mono.error(Access.forbidden());
        }
        Checked checked = check(draft);
        if (!checked.problems().isEmpty()) {
            return Mono.error(new InvalidContent("question-invalid", checked.problems()));
        }
        return insert(user.accountId(), schoolId, checked.draft());
    }

    /**
     * Adds a draft an import checked (sanitized and checked again here, as anything stored is); the
     * same question already in the school's bank is answered as it is.
     */
    public Mono<Question> importChecked(String authorId, String schoolId, QuestionDraft draft) {
        Checked checked = check(draft);
        return checked.problems().isEmpty() ? insert(authorId, schoolId, checked.draft()) : Mono.error(new InvalidContent("question-invalid", checked.problems()));
    }

    /** Which of these fingerprints the school's bank holds already. */
    public Mono<java.util.Set<String>> existingFingerprints(String schoolId, java.util.Collection<String> fingerprints) {
        return fingerprints.isEmpty() ? Mono.just(java.util.Set.of())
            : store.withSourceKeys(schoolId, fingerprints).map(Question::sourceKey).collect(java.util.stream.Collectors.toSet());
    }

    /** Inserts a checked draft; the same content twice in one school is one question. */
    Mono<Question> insert(String authorId, String schoolId, QuestionDraft clean) {
        Instant now = clock.instant();
        Question question = new Question(Ids.newId(), null, 1, schoolId, authorId, clean.subjectCode(), clean.grade(), clean.topic(),
            clean.level(), clean.tags(), clean.content().type(), clean.content(), Question.Sharing.SCHOOL, fingerprint(clean), false, now, now);
        return store.insertVersion(versionOf(question, authorId))
            .then(store.insert(question))
            .onErrorResume(DuplicateKeyException.class, duplicate -> store.withSourceKeys(schoolId, List.of(question.sourceKey())).next());
    }

    public Mono<Question> question(CurrentUser user, String id) {
        return store.question(id).filter(question -> QuestionAccess.maySee(user, question))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "question-not-found")));
    }

    public Mono<QuestionVersion> version(CurrentUser user, String id, int version) {
        return question(user, id).then(store.version(id, version))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "question-not-found")));
    }

    public Flux<QuestionVersion> versions(CurrentUser user, String id) {
        return question(user, id).thenMany(store.versions(id));
    }

    /**
     * Changes a question. New content makes a new version; catalogue data alone (topic, level,
     * tags) does not. {@code expectedRevision} (If-Match) guards against overwriting an edit made meanwhile.
     */
    public Mono<Question> edit(CurrentUser user, String id, @Nullable Long expectedRevision, QuestionDraft draft) {
        return question(user, id).flatMap(current -> {
            if (!QuestionAccess.mayChange(user, current) || current.archived()) {
                return Mono.error(Access.forbidden());
            }
            if (expectedRevision != null && !expectedRevision.equals(current.revision())) {
                return Mono.error(new LmsProblem(HttpStatus.PRECONDITION_FAILED, "question-changed"));
            }
            if (!draft.subjectCode().equals(current.subjectCode()) || draft.grade() != current.grade()) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "question-subject-fixed"));
            }
            Checked checked = check(draft);
            if (!checked.problems().isEmpty()) {
                return Mono.error(new InvalidContent("question-invalid", checked.problems()));
            }
            QuestionDraft clean = checked.draft();
            String sourceKey = fingerprint(clean);
            boolean newContent = !sourceKey.equals(current.sourceKey());
            Question edited = current.edited(newContent ? current.version() + 1 : current.version(), clean.topic(), clean.level(),
                clean.tags(), clean.content(), sourceKey, clock.instant());
            Mono<QuestionVersion> version = newContent ? store.insertVersion(versionOf(edited, user.accountId())) : Mono.empty();
            return version.then(store.save(edited))
                .onErrorMap(OptimisticLockingFailureException.class, conflict -> new LmsProblem(HttpStatus.CONFLICT, "question-changed"))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new LmsProblem(HttpStatus.CONFLICT, "question-duplicate"));
        });
    }

    /** Takes a question out of the bank (papers that used it keep their copy). */
    public Mono<Void> archive(CurrentUser user, String id) {
        return question(user, id).flatMap(current -> !QuestionAccess.mayChange(user, current) ? Mono.error(Access.forbidden())
            : current.archived() ? Mono.empty()
            : store.save(current.archived(clock.instant())).then());
    }

    /** Offers a question to the district: it waits for a reviewer of its subject. */
    public Mono<Question> offerToDistrict(CurrentUser user, String id) {
        return question(user, id).flatMap(current -> !QuestionAccess.mayChange(user, current) || current.archived()
            ? Mono.error(Access.forbidden())
            : current.sharing() == Question.Sharing.DISTRICT ? Mono.just(current)
            : store.save(current.shared(Question.Sharing.PENDING, clock.instant())));
    }

    /** A reviewer's decision on a question offered to the district. */
    public Mono<Question> appraise(CurrentUser user, String id, boolean approve) {
        return question(user, id).flatMap(current -> {
            if (!QuestionAccess.mayAppraise(user, current)) {
                return Mono.error(Access.forbidden());
            }
            if (current.sharing() != Question.Sharing.PENDING) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "question-not-pending"));
            }
            return store.save(current.shared(approve ? Question.Sharing.DISTRICT : Question.Sharing.REJECTED, clock.instant()))
                .onErrorMap(OptimisticLockingFailureException.class, conflict -> new LmsProblem(HttpStatus.CONFLICT, "question-changed"));
        });
    }

    /**
     * The questions a test of {@code schoolId} may use: the school's own and those appraised for the
     * district, of one subject and grade, not archived.
     */
    public Flux<Question> usableAt(String schoolId, String subjectCode, int grade) {
        return store.find(new Criteria().andOperator(Criteria.where("archived").is(false), Criteria.where("subjectCode").is(subjectCode),
            Criteria.where("grade").is(grade), new Criteria().orOperator(Criteria.where("schoolId").is(schoolId),
                Criteria.where("sharing").is(Question.Sharing.DISTRICT))), 0, 100_000);
    }

    public Mono<Page> list(CurrentUser user, Filter filter, int page, int size) {
        Criteria criteria = criteria(user, filter);
        return Mono.zip(store.find(criteria, (long) page * size, size).collectList(), store.count(criteria))
            .map(found -> new Page(found.getT1(), found.getT2()));
    }

    /** What the user may see, narrowed by the filter; archived questions are left out. */
    private static Criteria criteria(CurrentUser user, Filter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("archived").is(false));
        Scope scope = filter.scope() == null ? Scope.SCHOOL : filter.scope();
        List<String> schools = user.grants().stream()
            .filter(grant -> grant.schoolId() != null && grant.role() != Role.STUDENT && grant.role() != Role.PARENT)
            .map(grant -> grant.schoolId()).distinct().toList();
        switch (scope) {
            case MINE -> all.add(Criteria.where("authorId").is(user.accountId()));
            case DISTRICT -> all.add(Criteria.where("sharing").is(Question.Sharing.DISTRICT));
            case PENDING -> {
                all.add(Criteria.where("sharing").is(Question.Sharing.PENDING));
                if (!user.has(Role.DISTRICT_ADMIN)) {
                    all.add(Criteria.where("subjectCode").in(user.grants().stream().filter(grant -> grant.role() == Role.REVIEWER)
                        .map(grant -> grant.subjectGroup()).filter(group -> group != null).toList()));
                }
            }
            case SCHOOL -> {
                if (!user.has(Role.DISTRICT_ADMIN)) {
                    all.add(Criteria.where("schoolId").in(schools));
                }
            }
        }
        if (filter.schoolId() != null) {
            all.add(Criteria.where("schoolId").is(filter.schoolId()));
        }
        if (filter.subjectCode() != null) {
            all.add(Criteria.where("subjectCode").is(filter.subjectCode()));
        }
        if (filter.grade() != null) {
            all.add(Criteria.where("grade").is(filter.grade()));
        }
        if (filter.topic() != null) {
            all.add(Criteria.where("topic").is(filter.topic()));
        }
        if (filter.level() != null) {
            all.add(Criteria.where("level").is(filter.level()));
        }
        if (filter.type() != null) {
            all.add(Criteria.where("type").is(filter.type()));
        }
        if (filter.tag() != null) {
            all.add(Criteria.where("tags").is(filter.tag()));
        }
        return new Criteria().andOperator(all);
    }

    private static QuestionVersion versionOf(Question question, String editorId) {
        return new QuestionVersion(QuestionVersion.idOf(question.id(), question.version()), question.id(), question.version(), editorId,
            question.topic(), question.level(), question.content(), question.updatedAt());
    }

    /** The same subject, grade and (sanitized) content always give the same fingerprint. */
    public String fingerprint(QuestionDraft clean) {
        try {
            String canonicalForm = clean.subjectCode() + "|" + clean.grade() + "|" + canonical.writeValueAsString(clean.content());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonicalForm.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
