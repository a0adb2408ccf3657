package vn.edu.lms.api.student;

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

/** The students, enrolments and guardians collections. */
@Component
class StudentStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    StudentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Mono.when(
                mongo.indexOps(Student.class).createIndex(new Index("identifier", Sort.Direction.ASC).unique()),
                mongo.indexOps(Student.class).createIndex(new Index("importId", Sort.Direction.ASC).sparse()),
                mongo.indexOps(Enrolment.class).createIndex(new Index("classId", Sort.Direction.ASC)),
                mongo.indexOps(Enrolment.class).createIndex(new Index("studentId", Sort.Direction.ASC)),
                mongo.indexOps(Enrolment.class).createIndex(new Index("importId", Sort.Direction.ASC).sparse()),
                mongo.indexOps(Guardianship.class).createIndex(new Index("parentId", Sort.Direction.ASC)),
                mongo.indexOps(Guardianship.class).createIndex(new Index("studentId", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    Mono<Student> student(String id) {
        return mongo.findById(id, Student.class);
    }

    Flux<Student> students(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Student.class);
    }

    Flux<Student> byIdentifiers(Collection<String> identifiers) {
        return mongo.find(Query.query(Criteria.where("identifier").in(identifiers)), Student.class);
    }

    Mono<Void> insertStudents(List<Student> students) {
        return mongo.insertAll(students).then();
    }

    Mono<Enrolment> enrolment(String id) {
        return mongo.findById(id, Enrolment.class);
    }

    Flux<Enrolment> enrolmentsIn(String classId) {
        return mongo.find(Query.query(Criteria.where("classId").is(classId)), Enrolment.class);
    }

    Flux<Enrolment> enrolmentsOf(Collection<String> studentIds) {
        return mongo.find(Query.query(Criteria.where("studentId").in(studentIds)).with(Sort.by("yearId")), Enrolment.class);
    }

    Mono<Boolean> enrolledIn(Collection<String> studentIds, String classId) {
        return mongo.exists(Query.query(Criteria.where("studentId").in(studentIds).and("classId").is(classId)), Enrolment.class);
    }

    Mono<Enrolment> insert(Enrolment enrolment) {
        return mongo.insert(enrolment);
    }

    Mono<Void> insertEnrolments(List<Enrolment> enrolments) {
        return mongo.insertAll(enrolments).then();
    }

    /** Saves under the version read: a concurrent change fails with an optimistic-locking error. */
    Mono<Enrolment> save(Enrolment enrolment) {
        return mongo.save(enrolment);
    }

    Mono<Long> deleteImported(String importId) {
        Query tagged = Query.query(Criteria.where("importId").is(importId));
        return mongo.remove(tagged, Enrolment.class).then(mongo.remove(tagged, Student.class)).map(r -> r.getDeletedCount());
    }

    Mono<Guardianship> insert(Guardianship guardianship) {
        return mongo.insert(guardianship);
    }

    Flux<Guardianship> childrenOf(String parentId) {
        return mongo.find(Query.query(Criteria.where("parentId").is(parentId)), Guardianship.class);
    }

    Flux<Guardianship> guardiansOf(Collection<String> studentIds) {
        return mongo.find(Query.query(Criteria.where("studentId").in(studentIds)), Guardianship.class);
    }

    Mono<Boolean> isGuardian(String parentId, String studentId) {
        return mongo.exists(Query.query(Criteria.where("parentId").is(parentId).and("studentId").is(studentId)), Guardianship.class);
    }
}
