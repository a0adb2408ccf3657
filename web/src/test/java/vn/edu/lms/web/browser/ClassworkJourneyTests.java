package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.assignment.Assignment;
import vn.edu.lms.api.assignment.AssignmentDraft;
import vn.edu.lms.api.assignment.Assignments;
import vn.edu.lms.api.assignment.Submissions;
import vn.edu.lms.api.gradebook.Gradebooks;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;

/**
 * Journey 4: classwork in class 7A. The teacher sets an assignment in the browser; a student hands
 * in typed text and a small file over tus; the teacher grades it with a comment and returns it, and
 * the student reads the grade; work graded by rubric and by comment only is graded and returned too,
 * and an assignment is edited. The teacher then enters a student's term in the gradebook inline
 * (the term average follows each cell), corrects one score with a reason, and the student's parent
 * reads the child's results. In a primary class of last year, the locked first term shows read only
 * and the second is edited in place, a correction with its reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
class ClassworkJourneyTests {

    /** A 1×1 PNG: a file the type gate sniffs as an image. */
    private static final byte[] PNG = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountService accounts;

    @Autowired
    Gradebooks gradebooks;

    @Autowired
    Assignments assignments;

    @Autowired
    Submissions submissions;

    @Test
    void anAssignmentIsSetHandedInGradedAndReturnedAndTheGradebookReachesTheParent() throws Exception {
        JourneySchool school = new JourneySchool(schools, students, accounts, "7A",
            List.of("Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc"));
        JourneySchool.Person teacher = school.teacher;
        JourneySchool.Person an = school.students.get(0);
        String classId = school.schoolClass.id();
        Path drawing = Files.createTempDirectory("bai-lam").resolve("hinh-ve-bai-2.png");
        Files.write(drawing, PNG);

        try (Browser browser = new Browser("http://localhost:" + port, "04-classwork")) {
            // The teacher sets an assignment for the whole class.
            browser.signIn(teacher.username(), JourneySchool.PASSWORD);
            browser.open("/classes/" + classId + "/assignments");
            assertThat(browser.find("main h1").getText()).isEqualTo("Bài tập lớp 7A");
            browser.click("#new-assignment");
            browser.type("#a-title", "Bài tập tuần 12 – Phân số");
            new Select(browser.find("#a-subject")).selectByValue("toan");
            browser.type("#a-instructions", "Làm bài 1 và bài 2 trang 34.\n\nBài 2 vẽ hình rồi chụp ảnh nộp kèm.");
            browser.screenshot("teacher-sets-assignment");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the assignment form page").isEmpty();
            browser.click("#assignment-form button[value=publish]");
            browser.until(d -> browser.path().matches("/assignments/(?!new)[^/?]+") ? true : null);
            String assignment = browser.path().substring("/assignments/".length());
            assertThat(browser.find("main h1").getText()).isEqualTo("Bài tập tuần 12 – Phân số");
            assertThat(browser.find("#submissions").getText()).contains("Đã nộp 0/3", "Nguyễn Văn An", "Chưa nộp");
            browser.screenshot("teacher-assignment-published");
            browser.signOut();

            // A student finds it on their home page and hands in text and a drawing.
            browser.signIn(an.username(), JourneySchool.PASSWORD);
            browser.click("a[href='/assignments/" + assignment + "']");
            assertThat(browser.find("#window").getText()).contains("Đang nhận bài");
            browser.type("#hand-in-text", "Bài 1: 3/4 + 1/4 = 1.\nBài 2: em vẽ hình như ảnh đính kèm.");
            browser.find("#hand-in-files").sendKeys(drawing.toAbsolutePath().toString());
            browser.screenshot("student-hands-in");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the student's assignment page").isEmpty();
            browser.click("#hand-in button[type=submit]");
            String history = browser.waitForText("main", "Các lần em đã nộp");
            assertThat(browser.find(".versions").getText()).contains("Lần nộp 1", "Bài 1: 3/4 + 1/4 = 1.", "hinh-ve-bai-2.png");
            assertThat(history).doesNotContain("Điểm và nhận xét của giáo viên");
            browser.screenshot("student-handed-in");
            browser.signOut();

            // The teacher sees it, downloads the class's work, grades it with a comment and returns it.
            browser.signIn(teacher.username(), JourneySchool.PASSWORD);
            browser.open("/assignments/" + assignment);
            assertThat(browser.find("#submissions").getText()).contains("Đã nộp 1/3 · 1 bài chờ chấm", "Đã nộp, chờ chấm");
            browser.click("#download-all");
            assertThat(zipEntries(browser.download(".zip"))).anyMatch(name -> name.endsWith("Nguyễn Văn An/hinh-ve-bai-2.png"))
                .anyMatch(name -> name.endsWith("Nguyễn Văn An/bai-lam.txt"));
            browser.click("#submissions a[href='#work-" + an.id() + "']");
            browser.type("#score-" + an.id(), "8,5");
            browser.type("#comment-" + an.id(), "Bài 1 đúng. Bài 2 cần ghi rõ các bước.");
            browser.screenshot("teacher-grades");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the teacher's assignment with a grading form page").isEmpty();
            browser.click("#work-" + an.id() + " button[value=return]");
            browser.waitForText("tr[data-student='" + an.id() + "']", "Đã trả bài");
            assertThat(browser.find("tr[data-student='" + an.id() + "'] td.score-cell").getText()).isEqualTo("8,5");
            browser.screenshot("teacher-returned");
            browser.signOut();

            // The student reads the grade and the comment.
            browser.signIn(an.username(), JourneySchool.PASSWORD);
            browser.open("/assignments/" + assignment);
            assertThat(browser.find("#returned").getText()).contains("8,5 điểm", "Bài 1 đúng. Bài 2 cần ghi rõ các bước.");
            browser.phone();
            browser.screenshot("student-reads-grade-phone");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the student's returned grade on a phone page").isEmpty();
            browser.desktop();
            browser.signOut();

            // Work graded by rubric and by comment only: another student hands both in; the teacher grades them.
            JourneySchool.Person ngoc = school.students.get(1);
            CurrentUser ngocUser = new CurrentUser(ngoc.id(), List.of(new Grant(Role.STUDENT, school.schoolId, null)), false);
            Instant now = Instant.now();
            String byRubric = assignments.create(school.teacherUser(), classId, new AssignmentDraft("toan", "Bài tập theo tiêu chí",
                "<p>Giải bài toán có lời văn.</p>", List.of(), List.of(), now.minusSeconds(60), now.plusSeconds(86_400), null, 0,
                Assignment.Grading.SCORE, List.of(new Assignment.Criterion("Trình bày", new BigDecimal("4")),
                    new Assignment.Criterion("Kết quả", new BigDecimal("6"))), 0, 20, List.of("application/pdf"))).block().id();
            String byComment = assignments.create(school.teacherUser(), classId, new AssignmentDraft("toan", "Vẽ sơ đồ tư duy",
                "<p>Vẽ sơ đồ tư duy chương phân số.</p>", List.of(), List.of(), now.minusSeconds(60), now.plusSeconds(86_400), null, 0,
                Assignment.Grading.COMMENT, List.of(), 0, 20, List.of("application/pdf"))).block().id();
            for (String id : List.of(byRubric, byComment)) {
                assignments.publish(school.teacherUser(), id).block();
                submissions.handIn(ngocUser, id, "Bài làm của em.", List.of()).block();
            }
            browser.signIn(teacher.username(), JourneySchool.PASSWORD);
            browser.open("/assignments/" + byRubric + "#work-" + ngoc.id());
            browser.type("#rubric-" + ngoc.id() + "-0", "3,5").type("#rubric-" + ngoc.id() + "-1", "6");
            browser.click("#work-" + ngoc.id() + " button[value=save]");
            browser.waitForText("tr[data-student='" + ngoc.id() + "']", "Đã chấm, chưa trả");
            assertThat(browser.find("tr[data-student='" + ngoc.id() + "'] td.score-cell").getText()).isEqualTo("9,5");
            browser.click("#return-all");
            browser.waitForText("tr[data-student='" + ngoc.id() + "']", "Đã trả bài");
            browser.screenshot("teacher-graded-by-rubric");
            browser.open("/assignments/" + byComment + "#work-" + ngoc.id());
            browser.click("#work-" + ngoc.id() + " input[name=rating][value=DAT]");
            browser.type("#comment-" + ngoc.id(), "Sơ đồ rõ ràng.");
            browser.click("#work-" + ngoc.id() + " button[value=return]");
            browser.waitForText("tr[data-student='" + ngoc.id() + "']", "Đã trả bài");
            assertThat(browser.find("tr[data-student='" + ngoc.id() + "'] td.score-cell").getText()).isEqualTo("Đạt");

            // Editing keeps the rubric and moves the due time; the class's list counts what waits.
            browser.open("/assignments/" + byRubric + "/edit");
            assertThat(browser.all("#rubric-rows tr")).hasSize(2);
            browser.type("#a-title", "Bài tập theo tiêu chí (sửa)");
            browser.screenshot("teacher-edits-assignment");
            browser.click("#assignment-form button[value=save]");
            browser.waitForText("main h1", "Bài tập theo tiêu chí (sửa)");
            browser.open("/classes/" + classId + "/assignments");
            assertThat(browser.find(".assignment-table").getText()).contains("Bài tập tuần 12 – Phân số", "Bài tập theo tiêu chí (sửa)",
                "Vẽ sơ đồ tư duy");
            browser.screenshot("teacher-class-assignments");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the class's assignments page").isEmpty();
            browser.signOut();

            // The teacher enters An's first term in Toán inline; the term average follows.
            browser.signIn(teacher.username(), JourneySchool.PASSWORD);
            browser.open("/gradebooks?class=" + classId + "&subject=toan&term=1");
            assertThat(browser.find("main h1").getText()).isEqualTo("Sổ điểm Toán – Lớp 7A – Học kỳ I");
            String row = "#book tr[data-student='" + an.id() + "'] ";
            String[][] marks = {{"TX1", "8"}, {"TX2", "7"}, {"TX3", "9"}, {"TX4", "8"}, {"GK", "7,5"}, {"CK", "8"}};
            for (String[] mark : marks) {
                browser.type(row + "input[data-column='" + mark[0] + "']", mark[1] + Keys.TAB);
            }
            // (8 + 7 + 9 + 8 + 2 × 7,5 + 3 × 8) / (4 + 5) = 7,88… → 7,9
            browser.waitForText(row + "td.average", "7,9");
            assertThat(browser.find("#book-status").getText()).isEqualTo("Đã lưu.");
            browser.screenshot("gradebook-entered");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the gradebook page").isEmpty();

            // Correcting a recorded score asks why; the average is computed again.
            browser.find(row + "input[data-column='TX2']").sendKeys(Keys.chord(Keys.CONTROL, "a"), "9", Keys.TAB);
            browser.find("#reason-dialog[open]");
            assertThat(browser.find("#reason-what").getText()).contains("Nguyễn Văn An", "TX2", "7,0 → 9");
            browser.type("#reason-text", "Chấm phúc khảo bài kiểm tra miệng.");
            browser.screenshot("gradebook-correction-reason");
            browser.click("#reason-form button[value=ok]");
            // (8 + 9 + 9 + 8 + 15 + 24) / 9 = 8,11… → 8,1
            browser.waitForText(row + "td.average", "8,1");
            assertThat(browser.find(row + "input[data-column='TX2']").getAttribute("value")).isEqualTo("9,0");
            browser.screenshot("gradebook-corrected");

            // Meanwhile the vice-principal corrects TX4 to 6 on another computer; this page still shows 8. The
            // teacher's 10 is not written over the 6 unseen: the page shows the 6 and the average that follows.
            gradebooks.enter(new CurrentUser("hieu-pho-" + school.tag, List.of(Grant.atSchool(Role.SCHOOL_ADMIN, school.schoolId)), false),
                browser.find("#book").getAttribute("data-book"), an.id(), "TX4", new BigDecimal("6"), null, "Sửa theo bài làm", null).block();
            browser.find(row + "input[data-column='TX4']").sendKeys(Keys.chord(Keys.CONTROL, "a"), "10", Keys.TAB);
            browser.find("#reason-dialog[open]");
            browser.type("#reason-text", "Cộng điểm phát biểu.");
            browser.click("#reason-form button[value=ok]");
            browser.waitForText("#book-status", "Ô điểm vừa được người khác sửa");
            assertThat(browser.find(row + "input[data-column='TX4']").getAttribute("value")).isEqualTo("6,0");
            // (8 + 9 + 9 + 6 + 15 + 24) / 9 = 7,88… → 7,9
            browser.waitForText(row + "td.average", "7,9");
            browser.screenshot("gradebook-changed-elsewhere");
            browser.signOut();
        }

        // An's parent reads the child's results.
        String parent = "ph-" + school.tag;
        String parentId = accounts.create(parent, "Nguyễn Văn Bình", List.of(new Grant(Role.PARENT, school.schoolId, null)),
            JourneySchool.PASSWORD, false).block().accountId();
        students.linkGuardian(parentId, an.id()).block();
        try (Browser browser = new Browser("http://localhost:" + port, "04-classwork-parent")) {
            browser.signIn(parent, JourneySchool.PASSWORD);
            browser.click("a[href='/children/" + an.id() + "']");
            assertThat(browser.find("main h1").getText()).isEqualTo("Kết quả học tập của Nguyễn Văn An");
            browser.find(".child-grades");
            String toan = browser.all(".child-grades tbody tr").stream().map(line -> line.getText()).filter(text -> text.startsWith("Toán"))
                .findFirst().orElseThrow();
            assertThat(toan).contains("8,0 9,0 9,0 6,0", "7,5", "7,9");
            assertThat(browser.find(".child-results").getText()).contains("Học kỳ I", "Chưa xếp loại");
            assertThat(browser.all(".child-results a[href*='/report-card?period=HK1']")).hasSize(1);
            browser.screenshot("parent-child-results");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the child's results page").isEmpty();
            browser.phone();
            browser.screenshot("parent-child-results-phone");
            browser.desktop();
            browser.click(".language button[value=en]");
            assertThat(browser.waitForText("main h1", "Results of")).isEqualTo("Results of Nguyễn Văn An");
            assertThat(browser.find(".child-results").getText()).contains("Term I", "Not decided yet", "Download PDF");
            browser.screenshot("parent-child-results-english");
        }
    }

    @Test
    void aPrimaryBookIsEditedInPlaceWhileItsLockedTermStaysReadOnly() throws Exception {
        // Last school year's class 4A: its first term ended long ago and is locked; the second is not.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String schoolId = "th-hanh-trinh-" + tag;
        int startYear = JourneySchool.currentSchoolYear() - 1;
        schools.create(schoolId, "Trường Tiểu học Kim Đồng", School.Level.PRIMARY).block();
        SchoolYear year = schools.openYear(schoolId, startYear, null).block();
        SchoolClass class4a = schools.openClass(schoolId, startYear, "4A").block();
        String teacher = "gv-" + tag;
        String teacherId = accounts.create(teacher, "Đỗ Thị Lan", List.of(new Grant(Role.TEACHER, schoolId, null)), JourneySchool.PASSWORD, false)
            .block().accountId();
        schools.assignHomeroomTeacher(class4a.id(), teacherId).block();
        String pupilId = accounts.create("hs-" + tag, "Phạm Minh Khang", List.of(new Grant(Role.STUDENT, schoolId, null)), JourneySchool.PASSWORD,
            false).block().accountId();
        students.insertImported(List.of(Students.importedStudent(pupilId, schoolId, "TH" + tag, LocalDate.of(startYear - 9, 4, 2),
                Student.Gender.MALE, "hanh-trinh-" + tag, Instant.now())),
            List.of(Students.importedEnrolment(pupilId, schoolId, year.id(), class4a.id(), LocalDate.of(startYear, 9, 5), "hanh-trinh-" + tag)))
            .block();
        gradebooks.lockTerm(new CurrentUser("quan-tri-" + tag, List.of(Grant.district()), false), schoolId, startYear, 1, null).block();

        try (Browser browser = new Browser("http://localhost:" + port, "04-classwork-primary")) {
            browser.signIn(teacher, JourneySchool.PASSWORD);
            browser.open("/gradebooks?class=" + class4a.id() + "&subject=toan&term=1");
            assertThat(browser.find("#book-locked").getText()).isEqualTo("Học kỳ đã khoá sổ: chỉ xem, không sửa được.");
            assertThat(browser.all("#primary-book select, #primary-book input")).isEmpty();
            browser.screenshot("primary-term-locked");

            // Term II: a rating, the mid-term test's score and a comment, saved together when the focus leaves them.
            new Select(browser.find("#g-term")).selectByValue("2");
            browser.click(".gradebook-picker button[type=submit]");
            String mid = "#primary-book tr[data-student='" + pupilId + "'] td[data-period='GK2'] ";
            new Select(browser.find(mid + "select[name=rating]")).selectByValue("HOAN_THANH_TOT");
            browser.find(mid + "input[name=score]").sendKeys("9");
            browser.find(mid + "input[name=comment]").sendKeys("Tính nhanh, trình bày cẩn thận.", Keys.TAB);
            browser.waitForText("#book-status", "Đã lưu.");
            browser.screenshot("primary-entered");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the primary book page").isEmpty();
            browser.driver().navigate().refresh();
            assertThat(new Select(browser.find(mid + "select[name=rating]")).getFirstSelectedOption().getAttribute("value")).isEqualTo("HOAN_THANH_TOT");
            assertThat(browser.find(mid + "input[name=score]").getAttribute("value")).isEqualTo("9");

            // Changing the recorded rating asks why.
            new Select(browser.find(mid + "select[name=rating]")).selectByValue("HOAN_THANH");
            browser.click("#primary-book tr[data-student='" + pupilId + "'] td[data-period='CN'] input[name=comment]");
            browser.find("#reason-dialog[open]");
            browser.type("#reason-text", "Nhập nhầm mức đạt.");
            browser.click("#reason-form button[value=ok]");
            browser.waitForText("#book-status", "Đã lưu.");
            browser.screenshot("primary-corrected");

            // The pupil's results, as their teacher reads them.
            browser.open("/children/" + pupilId);
            assertThat(browser.find(".child-grades.primary").getText()).contains("Toán", "Hoàn thành · 9 điểm", "Tính nhanh, trình bày cẩn thận.");
            browser.screenshot("primary-child-results");
        }
    }

    private static List<String> zipEntries(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
