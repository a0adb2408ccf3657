package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.assessment.blueprint.Blueprints;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.api.student.Students;

/**
 * The pages a student uses, measured in Chromium: the bytes each transfers on a cold cache against
 * its budget (sign-in and home 300 KB, the test page 600 KB with its fonts), the static files'
 * long-lived, fingerprinted and compressed delivery, and WCAG 2.1 AA as axe-core checks it, on a
 * desktop and on a 360 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentPagesTests {

    private static final int KB = 1024;
    private static final Pattern FINGERPRINTED = Pattern.compile(".*(-[0-9a-f]{32}\\.[a-z0-9]+|/webjars/[^/]+/\\d[^/]*/.*)$");

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountService accounts;

    @Autowired
    QuestionBank bank;

    @Autowired
    Blueprints blueprints;

    @Autowired
    TestSessions sessions;

    private JourneySchool school;
    private String sessionId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void aClassWithATestOpenNow() {
        school = new JourneySchool(schools, students, accounts, "7A", List.of("Phạm Gia Huy", "Đỗ Khánh Linh"));
        sessionId = school.openTest(bank, blueprints, sessions, 10, 30);
    }

    @Test
    void eachPageTransfersNoMoreThanItsBudgetOnAColdCacheAndItsStaticFilesAreKeptForAYear() throws Exception {
        String base = "http://localhost:" + port;
        List<String> report = new ArrayList<>();
        long signIn;
        try (Browser browser = new Browser(base, "05-weight")) {
            browser.open("/sign-in");
            browser.find("#sign-in");
            signIn = transferred(browser, "sign-in", report);
        }
        long home;
        try (Browser browser = new Browser(base, "05-weight")) {
            signedInColdly(browser, school.students.get(0));
            browser.open("/");
            browser.find("main h1");
            home = transferred(browser, "student home", report);
        }
        long test;
        try (Browser browser = new Browser(base, "05-weight")) {
            signedInColdly(browser, school.students.get(0));
            browser.open("/tests/" + sessionId + "/take");
            browser.click("#start-form button[type=submit]");
            browser.find("#question-body .katex");
            browser.script("return document.fonts.ready.then(() => true)");
            test = transferred(browser, "test page", report);
            checkStaticFiles(browser);
        }
        report.forEach(System.out::println);
        assertThat(signIn).as("sign-in page bytes").isLessThanOrEqualTo(300 * KB);
        assertThat(home).as("student home page bytes").isLessThanOrEqualTo(300 * KB);
        assertThat(test).as("test page bytes, fonts included").isLessThanOrEqualTo(600 * KB);
    }

    @Test
    void theStudentsPagesMeetWcag21AaOnADesktopAndAPhone() throws Exception {
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser(base, "06-accessibility")) {
            for (boolean phone : new boolean[] {false, true}) {
                if (phone) {
                    browser.phone();
                } else {
                    browser.desktop();
                }
                browser.driver().manage().deleteAllCookies();
                browser.open("/sign-in");
                browser.find("#sign-in");
                accessible(browser, "sign-in");
                browser.signIn(school.students.get(1).username(), JourneySchool.PASSWORD);
                browser.find("main h1");
                accessible(browser, "home");
                browser.open("/tests/" + sessionId + "/take");
                if (!phone) {
                    browser.find("#start-form");
                    accessible(browser, "test start");
                    browser.click("#start-form button[type=submit]");
                }
                // On the phone the attempt resumes by itself: this computer keeps it.
                browser.find("#question-body .katex");
                accessible(browser, "test question");
                browser.screenshot(phone ? "test-question-phone" : "test-question");
            }
        }
    }

    @Test
    void theTestPageHandsInByItselfWhenTheTimeIsUp() throws Exception {
        String shortTest = school.openTest(bank, blueprints, sessions, 3, 1);
        try (Browser browser = new Browser("http://localhost:" + port, "07-time-up")) {
            browser.signIn(school.students.get(0).username(), JourneySchool.PASSWORD);
            browser.open("/tests/" + shortTest + "/take");
            browser.click("#start-form button[type=submit]");
            browser.click("#question-body .choice");
            browser.until(d -> "save-state ok".equals(browser.find("#save-state").getAttribute("class")) ? true : null);
            String count = browser.until(Duration.ofSeconds(120), d -> {
                var done = browser.all("#done-count");
                return !done.isEmpty() && done.get(0).isDisplayed() ? done.get(0).getText() : null;
            });
            assertThat(count).contains("1/3");
            browser.screenshot("handed-in-at-time-up");
        }
    }

    /** Every request's bytes on the wire (headers and compressed bodies), as the browser's resource timing counts them. */
    @SuppressWarnings("unchecked")
    private static long transferred(Browser browser, String page, List<String> report) throws Exception {
        // Wait until nothing more is fetched for a second (fonts come after the formulas are drawn).
        long previous = -1;
        List<Map<String, Object>> entries = List.of();
        for (int i = 0; i < 60; i++) {
            entries = (List<Map<String, Object>>) browser.script("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => ({name: e.name, type: e.initiatorType, bytes: e.transferSize}))");
            long count = entries.size();
            if (count == previous) {
                break;
            }
            previous = count;
            Thread.sleep(1000);
        }
        long total = 0;
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> entry : entries) {
            long bytes = ((Number) entry.get("bytes")).longValue();
            total += bytes;
            lines.append(String.format("    %8d  %s%n", bytes, URI.create(String.valueOf(entry.get("name"))).getPath()));
        }
        browser.screenshot(page.replace(' ', '-'));
        report.add(String.format("[page weight] %-14s %7.1f KB in %d requests (cold cache)%n%s", page, total / 1024.0, entries.size(), lines));
        return total;
    }

    /** The page's own static files: fingerprinted URLs, kept for a year, text compressed. */
    @SuppressWarnings("unchecked")
    private void checkStaticFiles(Browser browser) throws Exception {
        List<String> urls = (List<String>) browser.script("return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(n => /\\/(css|js|img|webjars)\\//.test(n))");
        assertThat(urls).isNotEmpty();
        for (String url : urls) {
            assertThat(url).as("a fingerprinted or versioned URL").matches(FINGERPRINTED);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(url).contains("max-age=31536000");
            boolean text = url.endsWith(".js") || url.endsWith(".css") || url.endsWith(".svg");
            boolean gzipped = "gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""));
            if (text && !gzipped) {
                assertThat(response.body().length).as(url + " is sent uncompressed only when it is under 1 KB").isLessThan(KB);
            }
        }
    }

    /** A browser that has never loaded a page here, holding a student's session cookie. */
    private void signedInColdly(Browser browser, JourneySchool.Person student) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/session"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + student.username() + "\",\"password\":\"" + JourneySchool.PASSWORD + "\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String secret = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Credentials.SESSION_COOKIE + "="))
            .map(c -> c.substring(Credentials.SESSION_COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
        browser.open("/actuator/health");
        browser.driver().manage().addCookie(new Cookie(Credentials.SESSION_COOKIE, secret, "/"));
        browser.script("performance.clearResourceTimings()");
    }

    private static void accessible(Browser browser, String page) {
        assertThat(browser.wcagViolations()).as("WCAG 2.1 AA violations on the " + page + " page").isEmpty();
    }
}
