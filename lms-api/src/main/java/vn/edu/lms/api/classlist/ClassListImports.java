package vn.edu.lms.api.classlist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.edu.lms.content.platform.Ids;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.account.Usernames;
import vn.edu.lms.api.classlist.file.ClassListReader;
import vn.edu.lms.api.classlist.file.ClassListTable;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Class-list imports: preview (read and check every row, write nothing), apply (all rows or none,
 * under a lease), undo, and recovery of imports a dead process left half-written.
 */
@Service
@EnableConfigurationProperties(ClassListProperties.class)
class ClassListImports {

    private static final Logger log = LoggerFactory.getLogger(ClassListImports.class);
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReactiveMongoTemplate mongo;
    private final Schools schools;
    private final Students students;
    private final AccountDirectory accounts;
    private final ClassListProperties properties;
    private final Scheduler files;
    private final Clock clock;
    /** Who holds a lease: this process, for as long as it lives. */
    private final String instance = Ids.newId();

    ClassListImports(ReactiveMongoTemplate mongo, Schools schools, Students students, AccountDirectory accounts,
            ClassListProperties properties, BlockingSchedulers schedulers, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.students = students;
        this.accounts = accounts;
        this.properties = properties;
        this.files = schedulers.files();
        this.clock = clock;
    }

    /**
     * Reads an uploaded list into a temporary file (refusing it past the size limit), checks every
     * row, and saves the preview. Nothing else is written.
     */
    Mono<ClassListImport> preview(String uploadedBy, String schoolId, int startYear, @Nullable SchoolClass onlyClass,
            Flux<DataBuffer> content) {
        return schools.year(schoolId, startYear).flatMap(year -> Mono.usingWhen(
            Mono.fromCallable(() -> Files.createTempFile("class-list-", ".upload")).subscribeOn(files),
            file -> receive(content, file).flatMap(sha256 -> Mono.fromCallable(() -> new ClassListReader(properties.maxRows()).read(file))
                .subscribeOn(files)
                .flatMap(table -> check(table, year, onlyClass))
                .map(checked -> new ClassListImport(Ids.newId(), schoolId, year.id(),
                    onlyClass == null ? null : onlyClass.id(), uploadedBy, sha256, clock.instant(),
                    checked.problems().isEmpty() ? ClassListImport.State.PREVIEWED : ClassListImport.State.INVALID,
                    checked.rows(), checked.problems(), null, null, null, null))),
            file -> Mono.fromCallable(() -> Files.deleteIfExists(file)).subscribeOn(files)))
            .flatMap(mongo::insert);
    }

    /** Streams the upload to the file, counting and hashing; past the limit it stops with a 413 problem. */
    private Mono<String> receive(Flux<DataBuffer> content, Path file) {
        MessageDigest digest = sha256();
        AtomicLong size = new AtomicLong();
        long limit = properties.maxFileSize().toBytes();
        Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
            if (size.addAndGet(buffer.readableByteCount()) > limit) {
                DataBufferUtils.release(buffer);
                sink.error(new LmsProblem(HttpStatus.CONTENT_TOO_LARGE, "class-list-too-large", properties.maxFileSize().toMegabytes()));
                return;
            }
            try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
                views.forEachRemaining(view -> digest.update(view.duplicate()));
            }
            sink.next(buffer);
        });
        return DataBufferUtils.write(counted, file).subscribeOn(files).then(Mono.fromCallable(() -> HexFormat.of().formatHex(digest.digest())));
    }

    record Checked(List<ClassListImport.Row> rows, List<ClassListImport.RowProblem> problems) {
    }

    /** The rules on every row, then the match against the students the district already has. */
    Mono<Checked> check(ClassListTable table, SchoolYear year, @Nullable SchoolClass onlyClass) {
        return schools.classesOf(year.id()).filter(c -> !c.closed()).collectMap(SchoolClass::name, Function.identity())
            .flatMap(classes -> {
                RowChecks.Result result = RowChecks.check(table, new RowChecks.Target(year.startYear(), classes, onlyClass));
                return match(result.drafts(), year).map(matched -> {
                    List<ClassListImport.RowProblem> problems = new ArrayList<>(result.problems());
                    problems.addAll(matched.problems());
                    problems.sort(java.util.Comparator.comparingInt(ClassListImport.RowProblem::row));
                    return new Checked(problems.isEmpty() ? matched.rows() : List.of(), problems);
                });
            });
    }

    private Mono<Checked> match(List<RowChecks.Draft> drafts, SchoolYear year) {
        List<String> identifiers = drafts.stream().map(RowChecks.Draft::identifier).toList();
        return students.byIdentifiers(identifiers).collectMap(Student::identifier, Function.identity())
            .flatMap(existing -> students.enrolmentsOf(existing.values().stream().map(Student::id).toList())
                .filter(enrolment -> enrolment.yearId().equals(year.id()))
                .collectMap(Enrolment::studentId, Function.identity())
                .flatMap(enrolments -> classNames(enrolments.values()).map(names -> {
                    List<ClassListImport.Row> rows = new ArrayList<>();
                    List<ClassListImport.RowProblem> problems = new ArrayList<>();
                    for (RowChecks.Draft draft : drafts) {
                        Student student = existing.get(draft.identifier());
                        ClassListImport.Action action = ClassListImport.Action.CREATE;
                        String studentId = Ids.newId();
                        if (student != null) {
                            studentId = student.id();
                            Enrolment enrolment = enrolments.get(student.id());
                            String current = enrolment == null ? null : enrolment.classId();
                            if (!student.schoolId().equals(year.schoolId())) {
                                problems.add(identifierProblem(draft, "identifier-other-school"));
                                continue;
                            } else if (current == null) {
                                action = ClassListImport.Action.ENROL;
                            } else if (current.equals(draft.target().id())) {
                                action = ClassListImport.Action.UNCHANGED;
                            } else {
                                problems.add(identifierProblem(draft, "in-another-class", names.getOrDefault(current, "")));
                                continue;
                            }
                        }
                        rows.add(new ClassListImport.Row(draft.rowNumber(), draft.fullName(), draft.dateOfBirth(), draft.gender(),
                            draft.identifier(), draft.target().id(), draft.target().name(), action, studentId, null));
                    }
                    return new Checked(rows, problems);
                })));
    }

    private static ClassListImport.RowProblem identifierProblem(RowChecks.Draft draft, String code, String... arguments) {
        List<String> args = new ArrayList<>(List.of(draft.identifier()));
        args.addAll(List.of(arguments));
        return new ClassListImport.RowProblem(draft.rowNumber(), "Mã định danh", code, args);
    }

    private Mono<Map<String, String>> classNames(Collection<Enrolment> enrolments) {
        Set<String> ids = enrolments.stream().map(Enrolment::classId).filter(id -> id != null).collect(Collectors.toSet());
        return schools.classes(ids).collectMap(SchoolClass::id, SchoolClass::name);
    }

    Mono<ClassListImport> get(String id) {
        return mongo.findById(id, ClassListImport.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")));
    }

    /**
     * Applies a previewed import: the rows are matched again (the district may have changed since
     * the preview), usernames drawn, and everything written in batches tagged with the import's id,
     * under a lease renewed while it works. A failure removes what was written and says why.
     */
    Mono<ClassListImport> apply(String id) {
        return get(id).flatMap(found -> {
            if (found.state() == ClassListImport.State.INVALID) {
                return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-has-problems", found.problems().size()));
            }
            return claim(id, List.of(ClassListImport.State.PREVIEWED, ClassListImport.State.UNDONE), ClassListImport.State.APPLYING)
                .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "class-list-import-state", found.state().name())));
        }).flatMap(claimed -> recheck(claimed)
            .flatMap(rows -> withUsernames(rows))
            .flatMap(rows -> write(claimed, rows).then(finish(claimed.id(), ClassListImport.State.APPLYING, ClassListImport.State.APPLIED, null)))
            .transform(work -> withHeartbeat(claimed.id(), work))
            .onErrorResume(failure -> removeWrites(claimed.id(), ClassListImport.State.APPLYING, reason(failure))
                .then(Mono.error(translate(failure)))));
    }

    /** The rows matched again against the district as it is now; any new problem means the preview is stale. */
    private Mono<List<ClassListImport.Row>> recheck(ClassListImport claimed) {
        List<RowChecks.Draft> drafts = new ArrayList<>();
        Set<String> classIds = claimed.rows().stream().map(ClassListImport.Row::classId).collect(Collectors.toSet());
        return schools.classes(classIds).collectMap(SchoolClass::id, Function.identity())
            .zipWith(schools.year(claimed.yearId()))
            .flatMap(both -> {
                for (ClassListImport.Row row : claimed.rows()) {
                    SchoolClass target = both.getT1().get(row.classId());
                    if (target == null || target.closed()) {
                        return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "class-list-stale"));
                    }
                    drafts.add(new RowChecks.Draft(row.rowNumber(), row.fullName(), row.dateOfBirth(), row.gender(), row.identifier(), target));
                }
                return match(drafts, both.getT2());
            })
            .flatMap(checked -> checked.problems().isEmpty() && sameActions(checked.rows(), claimed.rows())
                ? Mono.just(withPreviewIds(checked.rows(), claimed.rows()))
                : Mono.error(new LmsProblem(HttpStatus.CONFLICT, "class-list-stale")));
    }

    private static boolean sameActions(List<ClassListImport.Row> now, List<ClassListImport.Row> previewed) {
        if (now.size() != previewed.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).action() != previewed.get(i).action()) {
                return false;
            }
        }
        return true;
    }

    /** New students keep the ids drawn at preview, so the preview's links stay right. */
    private static List<ClassListImport.Row> withPreviewIds(List<ClassListImport.Row> now, List<ClassListImport.Row> previewed) {
        List<ClassListImport.Row> rows = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            ClassListImport.Row row = now.get(i);
            rows.add(row.action() == ClassListImport.Action.CREATE ? previewed.get(i) : row);
        }
        return rows;
    }

    /** Draws a username for each new student, adding a letter while it clashes with a taken one or another row's. */
    private Mono<List<ClassListImport.Row>> withUsernames(List<ClassListImport.Row> rows) {
        Map<Integer, String> proposed = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).action() == ClassListImport.Action.CREATE) {
                proposed.put(i, Usernames.forStudent(rows.get(i).fullName(), rows.get(i).identifier()));
            }
        }
        return settle(proposed).map(usernames -> {
            List<ClassListImport.Row> named = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ClassListImport.Row r = rows.get(i);
                named.add(new ClassListImport.Row(r.rowNumber(), r.fullName(), r.dateOfBirth(), r.gender(), r.identifier(), r.classId(),
                    r.className(), r.action(), r.studentId(), usernames.get(i)));
            }
            return named;
        });
    }

    /**
     * Usernames free in the district and within the file: a clash gets the first free letter suffix
     * ("hantt.2345a", …), found against every account that starts with the clashing name, so one
     * more query settles any number of namesakes.
     */
    private Mono<Map<Integer, String>> settle(Map<Integer, String> proposed) {
        return accounts.taken(proposed.values()).collect(Collectors.toSet()).flatMap(taken -> {
            Set<String> seen = new HashSet<>();
            Set<String> clashing = new HashSet<>();
            for (String username : proposed.values()) {
                if (taken.contains(username) || !seen.add(username)) {
                    clashing.add(username);
                }
            }
            if (clashing.isEmpty()) {
                return Mono.just(proposed);
            }
            return accounts.takenStartingWith(clashing).collect(Collectors.toCollection(HashSet::new)).map(unavailable -> {
                unavailable.addAll(taken);
                Set<String> used = new HashSet<>();
                Map<Integer, String> settled = new HashMap<>();
                for (Map.Entry<Integer, String> entry : new java.util.TreeMap<>(proposed).entrySet()) {
                    String base = entry.getValue();
                    String username = base;
                    for (int suffix = 0; unavailable.contains(username) || !used.add(username); suffix++) {
                        username = base + (char) ('a' + (suffix % 26)) + (suffix >= 26 ? String.valueOf(suffix / 26) : "");
                    }
                    settled.put(entry.getKey(), username);
                }
                return settled;
            });
        });
    }

    private Mono<Void> write(ClassListImport claimed, List<ClassListImport.Row> rows) {
        LocalDate today = LocalDate.now(clock.withZone(SCHOOL_TIME));
        Instant now = clock.instant();
        String schoolId = claimed.schoolId();
        return Flux.fromIterable(rows).filter(row -> row.action() != ClassListImport.Action.UNCHANGED)
            .buffer(properties.batchSize())
            .concatMap(batch -> {
                List<AccountDirectory.ImportedAccount> newAccounts = new ArrayList<>();
                List<Student> newStudents = new ArrayList<>();
                List<Enrolment> enrolments = new ArrayList<>();
                for (ClassListImport.Row row : batch) {
                    if (row.action() == ClassListImport.Action.CREATE) {
                        newAccounts.add(new AccountDirectory.ImportedAccount(row.studentId(), row.username(), row.fullName(),
                            Grant.atSchool(Role.STUDENT, schoolId)));
                        newStudents.add(Students.importedStudent(row.studentId(), schoolId, row.identifier(), row.dateOfBirth(),
                            row.gender(), claimed.id(), now));
                    }
                    enrolments.add(Students.importedEnrolment(row.studentId(), schoolId, claimed.yearId(), row.classId(), today, claimed.id()));
                }
                return (newAccounts.isEmpty() ? Mono.<Void>empty() : accounts.insertImported(claimed.id(), newAccounts))
                    .then(students.insertImported(newStudents, enrolments));
            })
            .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id())), new Update().set("rows", rows),
                ClassListImport.class).then());
    }

    /** Undoes an applied import (or drops a preview): refused once a student it created has set their own password. */
    Mono<ClassListImport> undo(String id) {
        return get(id).flatMap(found -> switch (found.state()) {
            case PREVIEWED, INVALID -> claim(id, List.of(found.state()), ClassListImport.State.UNDONE);
            case APPLIED -> accounts.anyImportedInUse(id).flatMap(inUse -> inUse
                ? Mono.<ClassListImport>error(new LmsProblem(HttpStatus.CONFLICT, "class-list-import-in-use"))
                : claim(id, List.of(ClassListImport.State.APPLIED), ClassListImport.State.UNDOING)
                    .flatMap(claimed -> removeWrites(id, ClassListImport.State.UNDOING, null)));
            default -> Mono.error(new LmsProblem(HttpStatus.CONFLICT, "class-list-import-state", found.state().name()));
        }).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "class-list-import-state", "")));
    }

    /**
     * Finds imports whose applying or undoing process stopped renewing its lease (it died), takes
     * them over and removes what they wrote. The result: nothing of an interrupted import remains.
     */
    Flux<ClassListImport> recoverInterrupted() {
        Query stale = Query.query(Criteria.where("state").in(ClassListImport.State.APPLYING, ClassListImport.State.UNDOING)
            .and("leaseUntil").lt(clock.instant()));
        return mongo.find(stale, ClassListImport.class)
            .concatMap(found -> mongo.findAndModify(Query.query(Criteria.where("_id").is(found.id()).and("state").is(found.state())
                        .and("leaseUntil").is(found.leaseUntil())),
                    new Update().set("state", ClassListImport.State.UNDOING).set("owner", instance)
                        .set("leaseUntil", clock.instant().plus(properties.lease())),
                    FindAndModifyOptions.options().returnNew(true), ClassListImport.class)
                .doOnNext(taken -> log.warn("Class-list import {} was interrupted while {}; removing what it wrote", found.id(), found.state()))
                .flatMap(taken -> removeWrites(taken.id(), ClassListImport.State.UNDOING, "interrupted")));
    }

    private Mono<ClassListImport> removeWrites(String id, ClassListImport.State from, @Nullable String failure) {
        return accounts.deleteImported(id)
            .then(students.deleteImported(id))
            .then(finish(id, from, ClassListImport.State.UNDONE, failure));
    }

    /** Moves the import from one state to another if it is in {@code from}; a fresh lease goes with a working state. */
    private Mono<ClassListImport> claim(String id, List<ClassListImport.State> from, ClassListImport.State to) {
        boolean working = to == ClassListImport.State.APPLYING || to == ClassListImport.State.UNDOING;
        Update update = new Update().set("state", to).unset("failure");
        if (working) {
            update.set("owner", instance).set("leaseUntil", clock.instant().plus(properties.lease()));
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").in(from)), update,
            FindAndModifyOptions.options().returnNew(true), ClassListImport.class);
    }

    private Mono<ClassListImport> finish(String id, ClassListImport.State from, ClassListImport.State to, @Nullable String failure) {
        Update update = new Update().set("state", to).unset("leaseUntil").unset("owner");
        if (failure != null) {
            update.set("failure", failure);
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").is(from).and("owner").is(instance)), update,
                FindAndModifyOptions.options().returnNew(true), ClassListImport.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "class-list-lease-lost")));
    }

    /** Renews the lease every third of its length while the work runs; a lost lease shows when the work finishes. */
    private <T> Mono<T> withHeartbeat(String id, Mono<T> work) {
        return Mono.using(() -> Flux.interval(properties.lease().dividedBy(3))
                .concatMap(tick -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("owner").is(instance)),
                    new Update().set("leaseUntil", clock.instant().plus(properties.lease())), ClassListImport.class))
                .subscribe(renewed -> { }, failure -> log.warn("Could not renew the lease of class-list import {}", id, failure)),
            heartbeat -> work, Disposable::dispose);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof LmsProblem problem) {
            return problem.slug();
        }
        return failure instanceof DataIntegrityViolationException ? "conflict" : "error";
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof LmsProblem) {
            return failure;
        }
        if (failure instanceof DataIntegrityViolationException) {
            return new LmsProblem(HttpStatus.CONFLICT, "class-list-conflict", failure);
        }
        return failure;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
