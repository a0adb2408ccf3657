package vn.edu.lms.api.questionbank;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The questions and question_versions collections. */
@Component
class QuestionStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    QuestionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Mono.when(
                mongo.indexOps(Question.class).createIndex(new Index("schoolId", Sort.Direction.ASC).on("sourceKey", Sort.Direction.ASC)
                    .unique()),
                mongo.indexOps(Question.class).createIndex(new Index("subjectCode", Sort.Direction.ASC).on("grade", Sort.Direction.ASC)
                    .on("topic", Sort.Direction.ASC)),
                mongo.indexOps(QuestionVersion.class).createIndex(new Index("questionId", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    Mono<Question> insert(Question question) {
        return mongo.insert(question);
    }

    /** Saves under the revision read: a concurrent change fails with an optimistic-locking error. */
    Mono<Question> save(Question question) {
        return mongo.save(question);
    }

    Mono<Question> question(String id) {
        return mongo.findById(id, Question.class);
    }

    Flux<Question> questions(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Question.class);
    }

    Flux<Question> withSourceKeys(String schoolId, Collection<String> sourceKeys) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("sourceKey").in(sourceKeys)), Question.class);
    }

    Flux<Question> find(Criteria criteria, long skip, int limit) {
        return mongo.find(Query.query(criteria).with(Sort.by("subjectCode", "grade", "topic", "createdAt")).skip(skip).limit(limit),
            Question.class);
    }

    Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), Question.class);
    }

    /** Writes a version once; writing the same version again (a retried edit) leaves the first. */
    Mono<QuestionVersion> insertVersion(QuestionVersion version) {
        return mongo.insert(version).onErrorResume(org.springframework.dao.DuplicateKeyException.class,
            duplicate -> mongo.findById(version.id(), QuestionVersion.class));
    }

    Mono<QuestionVersion> version(String questionId, int version) {
        return mongo.findById(QuestionVersion.idOf(questionId, version), QuestionVersion.class);
    }

    Flux<QuestionVersion> versions(String questionId) {
        return mongo.find(Query.query(Criteria.where("questionId").is(questionId)).with(Sort.by("version")), QuestionVersion.class);
    }

    Flux<QuestionVersion> versions(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), QuestionVersion.class);
    }
}
