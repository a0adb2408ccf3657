package vn.edu.lms.web.browser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.assessment.blueprint.Blueprint;
import vn.edu.lms.api.assessment.blueprint.Blueprints;
import vn.edu.lms.api.assessment.session.Schedule;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;

/**
 * A school for one journey, made through the features' Java API: this school year, one class, its
 * teacher (homeroom and every subject) and students whose passwords are set. Names are this run's own.
 */
final class JourneySchool {

    static final String PASSWORD = "mat-khau-hanh-trinh";

    record Person(String id, String username, String fullName) {
    }

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final String schoolId;
    final SchoolClass schoolClass;
    final Person teacher;
    final List<Person> students = new ArrayList<>();

    JourneySchool(Schools schools, Students records, AccountService accounts, String className, List<String> studentNames) {
        this.schoolId = "thcs-hanh-trinh-" + tag;
        schools.create(schoolId, "Trường THCS Nguyễn Du", School.Level.LOWER_SECONDARY).block();
        int startYear = currentSchoolYear();
        schools.openYear(schoolId, startYear, null).block();
        SchoolClass opened = schools.openClass(schoolId, startYear, className).block();
        String teacherName = "gv-" + tag;
        String teacherId = accounts.create(teacherName, "Trần Thị Hoa", List.of(new Grant(Role.TEACHER, schoolId, null)), PASSWORD, false)
            .block().accountId();
        this.teacher = new Person(teacherId, teacherName, "Trần Thị Hoa");
        schools.assignHomeroomTeacher(opened.id(), teacherId).block();
        schools.assignSubjectTeacher(opened.id(), "toan", teacherId).block();
        this.schoolClass = schools.schoolClass(opened.id()).block();
        int n = 0;
        for (String name : studentNames) {
            String username = "hs" + (++n) + "-" + tag;
            String id = accounts.create(username, name, List.of(new Grant(Role.STUDENT, schoolId, null)), PASSWORD, false).block().accountId();
            records.insertImported(List.of(Students.importedStudent(id, schoolId, "HT" + tag + n, LocalDate.of(startYear - 11, 3, n),
                n % 2 == 0 ? Student.Gender.FEMALE : Student.Gender.MALE, "hanh-trinh-" + tag, Instant.now())),
                List.of(Students.importedEnrolment(id, schoolId, schoolClass.yearId(), schoolClass.id(), LocalDate.now(), "hanh-trinh-" + tag)))
                .block();
            students.add(new Person(id, username, name));
        }
    }

    /** The teacher, as the features' Java API knows them. */
    CurrentUser teacherUser() {
        return new CurrentUser(teacher.id(), List.of(new Grant(Role.TEACHER, schoolId, null)), false);
    }

    /**
     * A test open now for the class, {@code questions} single choices with formulas (so the page
     * draws them with KaTeX), one point each.
     */
    String openTest(QuestionBank bank, Blueprints blueprints, TestSessions sessions, int questions, int minutes) {
        CurrentUser user = teacherUser();
        for (int i = 1; i <= questions; i++) {
            bank.create(user, schoolId, new QuestionDraft("toan", schoolClass.grade(), "Phân số", CognitiveLevel.BIET, List.of(),
                new QuestionContent.SingleChoice("Câu " + i + ". Tính \\(\\frac{" + i + "}{2} + \\frac{" + i + "}{3}\\).",
                    List.of(new QuestionContent.Choice("A", "\\(\\frac{" + (5 * i) + "}{6}\\)"), new QuestionContent.Choice("B", "\\(" + i + "\\)"),
                        new QuestionContent.Choice("C", "\\(\\frac{" + i + "}{5}\\)"), new QuestionContent.Choice("D", "\\(\\sqrt{" + i + "}\\)")),
                    "A", false))).block();
        }
        String blueprintId = blueprints.create(user, schoolId, new Blueprint("Kiểm tra 15 phút – Toán", "toan", schoolClass.grade(),
            List.of(new Blueprint.Cell("Phân số", CognitiveLevel.BIET, QuestionType.SINGLE_CHOICE, questions, BigDecimal.ONE)))).block().id();
        Instant now = Instant.now();
        return sessions.create(user, schoolId, new Schedule("Kiểm tra 15 phút – Toán", TestSession.Kind.PRACTICE, 1, blueprintId,
            TestSession.PaperMode.PER_STUDENT, 1, now.minusSeconds(60), now.plusSeconds(3600), minutes, null, false,
            List.of(schoolClass.id()), List.of(), List.of(), List.of(), Map.of())).block().id();
    }

    /** The school year that holds today (it starts in August or September). */
    static int currentSchoolYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }
}
