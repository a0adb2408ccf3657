package vn.edu.lms.api.school;

import java.time.Duration;
import java.util.Collection;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The schools, school_years and classes collections. */
@Component
class SchoolStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    SchoolStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Mono.when(
                mongo.indexOps(SchoolYear.class).createIndex(new Index("schoolId", Sort.Direction.ASC)),
                mongo.indexOps(SchoolClass.class).createIndex(
                    new Index("yearId", Sort.Direction.ASC).on("name", Sort.Direction.ASC).unique()),
                mongo.indexOps(SchoolClass.class).createIndex(new Index("promotedFrom", Sort.Direction.ASC).sparse()))
            .block(Duration.ofMinutes(2));
    }

    Mono<School> insert(School school) {
        return mongo.insert(school);
    }

    Mono<School> school(String id) {
        return mongo.findById(id, School.class);
    }

    Flux<School> schools(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("name")), School.class);
    }

    Flux<School> allSchools() {
        return mongo.find(new Query().with(Sort.by("name")), School.class);
    }

    Mono<SchoolYear> insert(SchoolYear year) {
        return mongo.insert(year);
    }

    Mono<SchoolYear> save(SchoolYear year) {
        return mongo.save(year);
    }

    Mono<SchoolYear> year(String id) {
        return mongo.findById(id, SchoolYear.class);
    }

    Flux<SchoolYear> years(String schoolId) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId)).with(Sort.by("startYear")), SchoolYear.class);
    }

    Mono<SchoolClass> insert(SchoolClass schoolClass) {
        return mongo.insert(schoolClass);
    }

    /** Saves under the version read: a concurrent change fails with an optimistic-locking error. */
    Mono<SchoolClass> save(SchoolClass schoolClass) {
        return mongo.save(schoolClass);
    }

    Mono<SchoolClass> schoolClass(String id) {
        return mongo.findById(id, SchoolClass.class);
    }

    Flux<SchoolClass> classes(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), SchoolClass.class);
    }

    Flux<SchoolClass> taughtBy(String teacherId) {
        return mongo.find(Query.query(Criteria.where("closed").is(false).orOperator(Criteria.where("homeroomTeacherId").is(teacherId),
            Criteria.where("subjectTeachers.teacherId").is(teacherId))), SchoolClass.class);
    }

    Flux<SchoolClass> classesOf(String yearId) {
        return mongo.find(Query.query(Criteria.where("yearId").is(yearId)).with(Sort.by("grade", "name")), SchoolClass.class);
    }

    Mono<SchoolClass> promotedFrom(String classId) {
        return mongo.findOne(Query.query(Criteria.where("promotedFrom").is(classId)), SchoolClass.class);
    }
}
