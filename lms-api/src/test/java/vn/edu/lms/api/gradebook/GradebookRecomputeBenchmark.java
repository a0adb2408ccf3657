package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTest;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.Ids;

/**
 * A district's gradebook recomputed: {@code -Dschools} (40) lower-secondary schools of 20 classes
 * (grades 6–9) of 45 students, every class with a first-term book per subject of its grade (12 in
 * grades 6–9, scored and comment subjects) full of values; then every class's learning results are
 * computed as the results endpoint does ({@link GradebookReports#classResults}: the roster, the 24
 * possible books, every average, rating and level), one class after another, on the embedded
 * database. Prints the per-class time (goal ≤ 200 ms) and the district's total. Not part of the
 * test run (its name ends in Benchmark); run it with the command in the README.
 */
@ApiTest
class GradebookRecomputeBenchmark {

    private static final int CLASSES_PER_SCHOOL = 20;
    private static final int STUDENTS_PER_CLASS = 45;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    SubjectCatalogue subjects;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    GradebookReports reports;

    @Test
    void recomputeTheDistrict() {
        int schoolCount = Integer.getInteger("schools", 40);
        Duration wait = Duration.ofMinutes(5);
        long setupStart = System.nanoTime();
        List<String> classIds = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        String tag = Ids.newId().substring(0, 6);
        for (int s = 0; s < schoolCount; s++) {
            String schoolId = "thcs-bench-" + tag + "-" + s;
            schools.create(schoolId, "Trường THCS Đo Sổ " + s, School.Level.LOWER_SECONDARY).block(wait);
            schools.openYear(schoolId, 2026, null).block(wait);
            for (int c = 0; c < CLASSES_PER_SCHOOL; c++) {
                int grade = 6 + c / 5;
                SchoolClass schoolClass = schools.openClass(schoolId, 2026, grade + "A" + (c % 5 + 1)).block(wait);
                classIds.add(schoolClass.id());
                List<String> studentIds = addStudents(schoolClass, tag, wait);
                List<Gradebook> books = new ArrayList<>();
                for (Subject subject : subjects.forGrade(grade)) {
                    books.add(book(schoolClass, subject, studentIds, random));
                }
                mongo.insertAll(books).blockLast(wait);
            }
            System.out.printf(Locale.ROOT, "school %d of %d set up (%.0f s)%n", s + 1, schoolCount, (System.nanoTime() - setupStart) / 1e9);
        }
        CurrentUser district = new CurrentUser("benchmark", List.of(Grant.district()), false);
        // Warm-up: the first classes pay for class loading and the JIT.
        for (String classId : classIds.subList(0, Math.min(20, classIds.size()))) {
            reports.classResults(district, classId, ClassResults.Period.HK1).block(wait);
        }
        List<Double> millis = new ArrayList<>();
        long decided = 0;
        long start = System.nanoTime();
        for (String classId : classIds) {
            long before = System.nanoTime();
            ClassResults results = reports.classResults(district, classId, ClassResults.Period.HK1).block(wait);
            millis.add((System.nanoTime() - before) / 1e6);
            decided += results.students().stream().filter(student -> student.level() != null).count();
        }
        double total = (System.nanoTime() - start) / 1e9;
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%d classes (%d schools × %d), %d students, %d books; %d learning results decided%n", classIds.size(),
            schoolCount, CLASSES_PER_SCHOOL, classIds.size() * STUDENTS_PER_CLASS, classIds.size() * 12L, decided);
        System.out.printf(Locale.ROOT, "one class recomputed: p50 %.1f ms, p95 %.1f, p99 %.1f, max %.1f (goal ≤ 200)%n", at(millis, 50),
            at(millis, 95), at(millis, 99), at(millis, 100));
        System.out.printf(Locale.ROOT, "the district: %.1f s, %.1f classes/s, one after another%n", total, classIds.size() / total);
    }

    private List<String> addStudents(SchoolClass schoolClass, String tag, Duration wait) {
        List<AccountDirectory.ImportedAccount> imported = new ArrayList<>();
        List<Student> records = new ArrayList<>();
        List<Enrolment> enrolments = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < STUDENTS_PER_CLASS; i++) {
            String id = Ids.newId();
            ids.add(id);
            imported.add(new AccountDirectory.ImportedAccount(id, "hs-" + tag + "-" + id.substring(0, 13), "Nguyễn Văn Học " + i,
                Grant.atSchool(Role.STUDENT, schoolClass.schoolId())));
            records.add(Students.importedStudent(id, schoolClass.schoolId(), "B" + id.substring(0, 12), LocalDate.of(2013, 1 + i % 12, 1 + i % 28),
                i % 2 == 0 ? Student.Gender.MALE : Student.Gender.FEMALE, "benchmark", Instant.now()));
            enrolments.add(Students.importedEnrolment(id, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(), LocalDate.of(2026, 9, 5),
                "benchmark"));
        }
        accounts.insertImported("benchmark", imported).block(wait);
        students.insertImported(records, enrolments).block(wait);
        return ids;
    }

    /** A full first-term book: every regular column, GK and CK, for every student. */
    private static Gradebook book(SchoolClass schoolClass, Subject subject, List<String> studentIds, SplittableRandom random) {
        boolean comment = subject.assessment() == Subject.Assessment.COMMENT;
        int needed = vn.edu.lms.api.gradebook.rules.Tt22Averages.regularAssessmentsPerTerm(subject.periodsIn(schoolClass.grade()).orElse(35));
        Gradebook shape = new Gradebook("", null, "", "", "", 0, "", 1, comment, needed, needed, Map.of(), List.of(), List.of(), false, Instant.now());
        Map<String, Map<String, Gradebook.Cell>> cells = new HashMap<>();
        Instant at = Instant.now();
        for (String studentId : studentIds) {
            Map<String, Gradebook.Cell> row = new HashMap<>();
            for (String column : shape.columns()) {
                row.put(column, comment ? new Gradebook.Cell(null, random.nextInt(10) > 0, Gradebook.Origin.MANUAL, null, "gv", at)
                    : new Gradebook.Cell(BigDecimal.valueOf(30 + random.nextInt(71), 1), null, Gradebook.Origin.MANUAL, null, "gv", at));
            }
            cells.put(studentId, row);
        }
        return new Gradebook(Gradebook.idOf(schoolClass.id(), subject.code(), 1), null, schoolClass.schoolId(), schoolClass.yearId(), schoolClass.id(),
            schoolClass.grade(), subject.code(), 1, comment, needed, needed, cells, List.of(), List.of(), false, at);
    }

    private static double at(List<Double> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
