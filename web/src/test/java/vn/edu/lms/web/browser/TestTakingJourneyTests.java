package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.assessment.attempt.Attempt;
import vn.edu.lms.api.assessment.attempt.Attempts;
import vn.edu.lms.api.assessment.results.Results;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.student.Students;

/**
 * Journey 3: a teacher imports a bank, builds a blueprint and schedules a session in the browser;
 * three students take the test; for one of them the network is cut for 30 seconds (Chromium's own
 * emulation) while they keep answering, and the page is reloaded afterwards. After submission every
 * answer of all three is on the server, in the order given, and graded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
class TestTakingJourneyTests {

    /** Each question's stem (a word of it) and its right answer, as the Aiken file below gives them. */
    private static final Map<String, String> RIGHT = new LinkedHashMap<>();
    static {
        RIGHT.put("cộng hai phân số", "5/6");
        RIGHT.put("bằng phân số", "1/2");
        RIGHT.put("nghịch đảo", "5/3");
        RIGHT.put("hiệu", "2/4");
        RIGHT.put("Rút gọn", "3/4");
        RIGHT.put("lớn hơn", "4/5");
        RIGHT.put("<script>", "2");
        RIGHT.put("0,25", "1/4");
    }

    private static final String AIKEN = """
        Tính tổng khi cộng hai phân số \\(\\frac{1}{2} + \\frac{1}{3}\\).
        A. 5/6
        B. 2/5
        C. 1/6
        D. 2/6
        ANSWER: A

        Phân số nào bằng phân số \\(\\frac{2}{4}\\)?
        A. 2/3
        B. 1/2
        C. 3/4
        D. 4/2
        ANSWER: B

        Số nghịch đảo của 3/5 là số nào?
        A. 3/5
        B. -3/5
        C. 5/3
        D. 1
        ANSWER: C

        Tính hiệu \\(\\frac{3}{4} - \\frac{1}{4}\\).
        A. 1
        B. 2/4
        C. 4/4
        D. 2/8
        ANSWER: B

        Rút gọn phân số 6/8 được phân số nào?
        A. 3/4
        B. 6/4
        C. 2/8
        D. 1/2
        ANSWER: A

        Trong hai phân số 3/4 và 4/5, phân số nào lớn hơn?
        A. 3/4
        B. 4/5
        C. Bằng nhau
        D. Không so sánh được
        ANSWER: B

        Tính <script>alert('x')</script> 1/2 × 4.
        A. 8
        B. 1/8
        C. 2
        D. 4
        ANSWER: C

        Viết số thập phân 0,25 dưới dạng phân số tối giản.
        A. 25/100
        B. 1/4
        C. 1/5
        D. 2/5
        ANSWER: B
        """;

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountService accounts;

    @Autowired
    Attempts attempts;

    @Autowired
    Results results;

    @Test
    void threeStudentsTakeTheTestAndNoAnswerIsLostOrReorderedThroughA30SecondOutage() throws Exception {
        JourneySchool school = new JourneySchool(schools, students, accounts, "6A",
            List.of("Nguyễn Minh An", "Trần Bảo Ngọc", "Lê Hoàng Phúc"));
        String base = "http://localhost:" + port;
        Path bank = Files.createTempFile("ngan-hang", ".txt");
        Files.writeString(bank, AIKEN, StandardCharsets.UTF_8);

        String sessionId;
        try (Browser teacher = new Browser(base, "03-test-taking")) {
            teacher.signIn(school.teacher.username(), JourneySchool.PASSWORD);

            // The bank: preview, then import.
            teacher.open("/questions/import?school=" + school.schoolId);
            teacher.type("#i-topic", "Phân số");
            new org.openqa.selenium.support.ui.Select(teacher.find("#i-subject")).selectByValue("toan");
            new org.openqa.selenium.support.ui.Select(teacher.find("#i-grade")).selectByValue("6");
            teacher.find("#i-file").sendKeys(bank.toAbsolutePath().toString());
            teacher.click("#question-import button[type=submit]");
            teacher.until(d -> teacher.all("#import-report tbody tr").size() == 8 ? true : null);
            assertThat(teacher.find("#import-report tbody").getText()).contains("<script>alert('x')</script>", "5/6");
            assertThat(teacher.all("#import-report tbody script")).isEmpty();
            teacher.screenshot("bank-preview");
            teacher.click("#import-all");
            teacher.find("#import-done");
            assertThat(teacher.find("#import-report .summary").getText()).contains("Đã thêm 8 câu");

            // The blueprint: one cell, eight single choices at 1.25; the bank's coverage shows as it is typed.
            teacher.open("/tests/blueprints/new?school=" + school.schoolId);
            teacher.type("#b-title", "Kiểm tra giữa kỳ I – Toán 6");
            new org.openqa.selenium.support.ui.Select(teacher.find("#b-subject")).selectByValue("toan");
            new org.openqa.selenium.support.ui.Select(teacher.find("#b-grade")).selectByValue("6");
            teacher.type("#cells tbody tr [name=topic]", "Phân số");
            teacher.type("#cells tbody tr [name=count]", "8");
            teacher.type("#cells tbody tr [name=points]", "1,25");
            teacher.waitForText("#fillable", "Đủ câu");
            assertThat(teacher.find("#cells tbody .coverage").getText()).contains("8 câu");
            assertThat(teacher.find("#total-points").getText()).isEqualTo("10");
            teacher.screenshot("blueprint-coverage");
            teacher.click("#blueprint button[type=submit]");
            teacher.find("#blueprint .form-ok");

            // The session: now, 20 minutes, for class 6A.
            teacher.click("#blueprint .form-ok a");
            teacher.type("#s-title", "Kiểm tra giữa kỳ I – Toán 6");
            teacher.type("#s-duration", "20");
            teacher.click("input[name=classIds][value='" + school.schoolClass.id() + "']");
            teacher.screenshot("schedule");
            teacher.click("#schedule button[type=submit]");
            teacher.until(d -> d.getCurrentUrl().matches(".*/tests/[0-9a-f-]{36}$") ? true : null);
            sessionId = teacher.path().substring("/tests/".length());
            teacher.screenshot("session");

            try (Browser an = new Browser(base, "03-test-taking/an"); Browser ngoc = new Browser(base, "03-test-taking/ngoc");
                    Browser phuc = new Browser(base, "03-test-taking/phuc")) {
                Map<Integer, String> anChose = new LinkedHashMap<>();
                Map<Integer, String> ngocChose = new LinkedHashMap<>();
                Map<Integer, String> phucChose = new LinkedHashMap<>();
                start(an, school.students.get(0), sessionId);
                start(ngoc, school.students.get(1), sessionId);
                start(phuc, school.students.get(2), sessionId);

                // An answers everything right; the question with <script> in its stem shows it as text.
                for (int n = 1; n <= 8; n++) {
                    anChose.put(n, answer(an, n, true));
                    if (an.find("#question-body .stem").getText().contains("<script>")) {
                        assertThat(an.all("#question-body script")).isEmpty();
                        an.screenshot("script-shown-as-text");
                    }
                }
                an.screenshot("answered");

                // Ngọc answers three, then the network is cut for 30 seconds while she keeps answering.
                for (int n = 1; n <= 3; n++) {
                    ngocChose.put(n, answer(ngoc, n, true));
                }
                saved(ngoc);
                long cut = System.nanoTime();
                ngoc.offline(true);
                ngocChose.put(4, answer(ngoc, 4, true));
                ngocChose.put(5, answer(ngoc, 5, false));
                ngocChose.put(6, answer(ngoc, 6, true));
                ngocChose.put(2, answer(ngoc, 2, false));
                ngoc.find("#offline-banner");
                ngoc.waitForText("#save-state", "đang được giữ trên máy");
                ngoc.screenshot("offline-answers-kept");

                // Meanwhile Phúc answers half right, and the proctor watches.
                for (int n = 1; n <= 8; n++) {
                    phucChose.put(n, answer(phuc, n, n <= 4));
                }
                teacher.open("/tests/" + sessionId + "/proctor");
                teacher.waitForText("#live-state", "trực tiếp");
                teacher.until(d -> teacher.all("#progress tbody tr").size() == 3 ? true : null);
                teacher.waitForText("#events", "Trần Bảo Ngọc");
                // Each row shows its student's latest event, as the log does (a poll may redraw both in between: look again).
                teacher.until(d -> {
                    try {
                        String newest = teacher.all("#events li").stream().map(WebElement::getText).filter(line -> line.contains("Trần Bảo Ngọc"))
                            .findFirst().orElse("");
                        String onRow = teacher.all("#progress tbody tr").stream().filter(tr -> tr.getText().startsWith("Trần Bảo Ngọc"))
                            .map(tr -> tr.findElement(By.cssSelector("td.last-event")).getText()).findFirst().orElse("-");
                        return !newest.isEmpty() && onRow.equals(newest.replace(" · Trần Bảo Ngọc", "")) ? true : null;
                    } catch (org.openqa.selenium.WebDriverException redrawn) {
                        return null;
                    }
                });
                teacher.screenshot("proctor-live");

                long waited = Duration.ofNanos(System.nanoTime() - cut).toMillis();
                Thread.sleep(Math.max(0, 30_000 - waited));
                ngoc.offline(false);
                ngoc.until(d -> ngoc.all("#offline-banner").get(0).isDisplayed() ? null : true);
                saved(ngoc);
                ngocChose.put(5, answer(ngoc, 5, true));
                ngocChose.put(7, answer(ngoc, 7, true));
                saved(ngoc);

                // A reload resumes where she was, with every answer marked.
                ngoc.driver().navigate().refresh();
                ngoc.waitForText("#question-title", "Câu 7");
                assertThat(ngoc.find("#answered-count").getText()).isEqualTo("7");
                ngoc.screenshot("resumed-after-reload");

                submit(an, "8/8");
                submit(ngoc, "7/8");
                submit(phuc, "8/8");
                ngoc.screenshot("handed-in");

                // Every acknowledged answer is on the server as last given, in order.
                CurrentUser teacherUser = school.teacherUser();
                check(sessionId, school.students.get(0).id(), anChose);
                Attempt ngocAttempt = check(sessionId, school.students.get(1).id(), ngocChose);
                check(sessionId, school.students.get(2).id(), phucChose);
                // The answer changed during the outage stands over the one before it, and the one changed after it over that.
                assertThat(ngocAttempt.answers().get("2").seq()).isGreaterThan(ngocAttempt.answers().get("6").seq());
                assertThat(ngocAttempt.answers().get("5").seq()).isGreaterThan(ngocAttempt.answers().get("2").seq());

                // Graded, every item of all three.
                Results.SessionResults graded = teacher.until(Duration.ofSeconds(60), d -> {
                    Results.SessionResults found = results.ofSession(teacherUser, sessionId).block();
                    return found.lines().stream().allMatch(line -> line.standing() == Results.Standing.GRADED) ? found : null;
                });
                Map<String, BigDecimal> scores = new LinkedHashMap<>();
                graded.lines().forEach(line -> {
                    assertThat(line.itemPoints()).hasSize(8).doesNotContainNull();
                    scores.put(line.fullName(), line.score());
                });
                assertThat(scores.get("Nguyễn Minh An")).isEqualByComparingTo("10");
                assertThat(scores.get("Trần Bảo Ngọc")).isEqualByComparingTo("7.5");
                assertThat(scores.get("Lê Hoàng Phúc")).isEqualByComparingTo("5");

                teacher.open("/tests/" + sessionId + "/results");
                teacher.find("#distribution");
                assertThat(teacher.all("#results-table tbody tr")).hasSize(3);
                assertThat(teacher.all("#item-analysis tbody tr")).hasSize(8);
                teacher.screenshot("results");

                // Released, the score reaches Ngọc's results page among her periodic tests.
                teacher.open("/tests/" + sessionId);
                teacher.click("form[action$='/release'] button[type=submit]");
                teacher.until(ExpectedConditions.alertIsPresent()).accept();
                teacher.until(d -> teacher.all("form[action$='/release']").isEmpty() ? true : null);
                ngoc.open("/");
                ngoc.click("nav a[href='/children/" + school.students.get(1).id() + "']");
                String line = ngoc.waitForText("section[aria-labelledby=tests-heading] tbody tr", "Kiểm tra giữa kỳ I – Toán 6");
                assertThat(line).contains("Toán", "Giữa kỳ – Học kỳ I", "7,5");
                ngoc.screenshot("released-result");
            }
        }
    }

    private static void start(Browser browser, JourneySchool.Person student, String sessionId) {
        browser.signIn(student.username(), JourneySchool.PASSWORD);
        browser.click("a[href='/tests/" + sessionId + "/take']");
        browser.click("#start-form button[type=submit]");
        browser.until(d -> browser.all("#palette button").size() == 8 ? true : null);
    }

    /** Goes to question {@code n}, picks the right option (or the first wrong one), and returns the label picked. */
    private static String answer(Browser browser, int n, boolean right) {
        browser.click("#palette button[data-number='" + n + "']");
        browser.waitForText("#question-title", "Câu " + n);
        String stem = browser.find("#question-body .stem").getText();
        String correct = RIGHT.entrySet().stream().filter(entry -> stem.contains(entry.getKey())).findFirst().orElseThrow().getValue();
        for (WebElement choice : browser.all("#question-body .choice")) {
            String content = choice.findElement(By.cssSelector(".content")).getText().trim();
            if (content.equals(correct) == right) {
                choice.click();
                return choice.findElement(By.cssSelector("input")).getAttribute("value");
            }
        }
        throw new AssertionError("no option to pick in question " + n + ": " + stem);
    }

    private static void saved(Browser browser) {
        browser.until(d -> "save-state ok".equals(browser.find("#save-state").getAttribute("class")) ? true : null);
    }

    private static void submit(Browser browser, String count) {
        browser.click("#submit");
        browser.find("#confirm");
        assertThat(browser.find("#confirm-count").getText()).contains(count);
        browser.click("#confirm-submit");
        browser.waitForText("#done-count", count);
    }

    private Attempt check(String sessionId, String studentId, Map<Integer, String> chose) {
        Attempt attempt = attempts.attempt(Attempt.idOf(sessionId, studentId)).block();
        assertThat(attempt.state()).isEqualTo(Attempt.State.SUBMITTED);
        assertThat(attempt.answers()).hasSize(chose.size());
        chose.forEach((number, label) -> assertThat(attempt.answers().get(String.valueOf(number)).response().selected())
            .as("question %s of %s", number, studentId).containsExactly(label));
        return attempt;
    }
}
