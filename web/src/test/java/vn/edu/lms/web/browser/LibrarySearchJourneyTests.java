package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;
import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.extraction.Fixtures;
import vn.edu.lms.content.library.item.LibraryItem.Appraisal;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.item.Licence;
import vn.edu.lms.content.library.item.Metadata;
import vn.edu.lms.content.library.item.ResourceKind;
import vn.edu.lms.content.library.item.Scope;
import vn.edu.lms.content.library.upload.Upload;
import vn.edu.lms.content.library.upload.Uploads;

/**
 * Journey 4: the library in the browser. A teacher uploads a real PDF over tus (watching the
 * progress, pausing and resuming on a slow link), waits for it to be processed, finds it by a word
 * inside it typed without diacritics, and sees its pages drawn by PDF.js; a video plays through
 * hls.js; a reviewer approves an item from the appraisal queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
class LibrarySearchJourneyTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration PROCESSING = Duration.ofMinutes(3);
    /** A sentence only the PDF's text holds (not its title): the search must read the document to find it. */
    private static final String SENTENCE = "Bài học hôm nay: đổi phân số thập phân thành số thập phân.";

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountService accounts;

    @Autowired
    LibraryItems items;

    @Autowired
    Uploads uploads;

    /** A school of this test's own, with a class 6A and its teacher. */
    private JourneySchool school;

    @BeforeEach
    void school() {
        school = new JourneySchool(schools, students, accounts, "6A", List.of());
    }

    @Test
    void aTeacherUploadsAPdfAndFindsItByAWordInsideTypedWithoutDiacritics(@TempDir Path dir) throws Exception {
        String title = "Tài liệu ôn tập chương hai " + school.tag;
        Path pdf = pdf(dir.resolve("on-tap-chuong-2.pdf"));

        try (Browser browser = new Browser("http://localhost:" + port, "04-library-search")) {
            browser.signIn(school.teacher.username(), JourneySchool.PASSWORD);
            browser.open("/library");
            browser.click(".library-heading a.button");
            browser.find("#library-item-form");
            browser.find("#library-file").sendKeys(pdf.toAbsolutePath().toString());
            browser.type("#f-title", title).type("#f-creator", "Trần Thị Hoa")
                .type("#f-description", "Ôn tập cuối chương cho học sinh lớp 6.").type("#f-tags", "ôn tập, chương 2");
            new Select(browser.find("#f-subject-code")).selectByValue("toan");
            new Select(browser.find("#f-kind")).selectByValue("REFERENCE");
            browser.click("#f-grade-6");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the upload page").isEmpty();
            browser.screenshot("upload-form");

            // A slow link, so that the upload takes long enough to be watched and paused.
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setUploadThroughput(300 * 1024);
            slow.setLatency(Duration.ofMillis(20));
            browser.driver().setNetworkConditions(slow);
            browser.script("window.lmsProgress = [];"
                + "new MutationObserver(function () { window.lmsProgress.push(Number(document.getElementById('library-upload-progress').value)); })"
                + ".observe(document.getElementById('library-upload-percent'), { childList: true, characterData: true, subtree: true });");
            browser.click("#library-item-form button[type=submit]");
            browser.until(d -> percent(browser) >= 5 ? true : null);
            browser.click("#library-pause");
            browser.until(d -> "paused".equals(browser.find("#library-upload").getAttribute("data-state")) ? true : null);
            long pausedAt = percent(browser);
            // The server kept what had arrived before the pause (its acknowledged offset), and says so to a status request.
            long kept = browser.until(d -> {
                Object offset = ((JavascriptExecutor) d).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('library-upload').dataset.upload, { headers: { Accept: 'application/json' } })"
                    + ".then(function (r) { return r.json(); }).then(function (u) { done(u.offset); }, function () { done(0); });");
                return ((Number) offset).longValue() > 0 ? ((Number) offset).longValue() : null;
            });
            assertThat(kept).isLessThanOrEqualTo(Files.size(pdf));
            assertThat(pausedAt).isBetween(5L, 99L);
            assertThat(browser.find("#library-upload-status").getText()).contains("Đã tạm dừng");
            browser.screenshot("upload-paused");
            browser.script("window.lmsProgress = [];");
            browser.click("#library-resume");
            browser.until(d -> "processing".equals(browser.find("#library-upload").getAttribute("data-state"))
                || "ready".equals(browser.find("#library-upload").getAttribute("data-state")) ? true : null);
            browser.driver().deleteNetworkConditions();
            // Resumed from where the server had got to: the bar never went back to the start.
            @SuppressWarnings("unchecked")
            List<Long> afterResume = (List<Long>) browser.script("return window.lmsProgress;");
            long keptPercent = kept * 100 / Files.size(pdf);
            assertThat(afterResume).isNotEmpty().allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(keptPercent));
            browser.screenshot("upload-processing");

            uploadDone(browser);
            assertThat(browser.find("#library-upload").getAttribute("data-state")).isEqualTo("ready");
            browser.screenshot("upload-ready");

            // Typed without diacritics, the words of the document's text find it, marked in the snippet.
            browser.open("/library");
            browser.type("#library-q", "phan so thap phan");
            browser.screenshot("search-typed");
            browser.click("#library-search .search-box button[type=submit]");
            WebElement hit = new WebDriverWait(browser.driver(), Duration.ofSeconds(90), Duration.ofSeconds(1)).until(d -> {
                for (WebElement found : d.findElements(By.cssSelector(".hit"))) {
                    if (found.findElement(By.cssSelector("h3")).getText().equals(title)) {
                        return found;
                    }
                }
                d.navigate().refresh();
                return null;
            });
            assertThat(browser.path()).contains("q=phan+so+thap+phan");
            assertThat(hit.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList())
                .anySatisfy(marked -> assertThat(marked).isIn("phân", "số", "thập", "phân số"));
            assertThat(hit.getText()).contains("Tài liệu tham khảo", "Toán", "Lớp 6");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the search page").isEmpty();
            browser.screenshot("search-results");

            // A facet narrows the results and keeps the words.
            browser.click("#library-search fieldset[data-facet='SCHOOL'] input[value='" + school.schoolId + "']");
            browser.until(d -> d.getCurrentUrl().contains("schoolId=" + school.schoolId) ? true : null);
            assertThat(browser.find(".results .summary").getText()).isEqualTo("Tìm thấy 1 học liệu");
            assertThat(browser.find(".hit h3").getText()).isEqualTo(title);
            browser.phone();
            assertThat(sticksOut(browser)).isEmpty();
            browser.screenshot("search-filtered-phone");
            browser.desktop();

            // Titles are suggested as one types, without diacritics too; the keyboard picks one and opens it.
            browser.type("#library-q", "tai lieu on tap chuong");
            List<WebElement> suggested = browser.until(d -> {
                List<WebElement> options = d.findElements(By.cssSelector("#library-suggestions [role='option']"));
                return options.stream().anyMatch(o -> o.getText().equals(title)) ? options : null;
            });
            browser.screenshot("search-suggestions");
            WebElement box = browser.find("#library-q");
            for (int i = 0; i <= suggested.stream().map(WebElement::getText).toList().indexOf(title); i++) {
                box.sendKeys(Keys.ARROW_DOWN);
            }
            assertThat(browser.find("#library-suggestions [aria-selected='true']").getText()).isEqualTo(title);
            box.sendKeys(Keys.ENTER);

            // The item page draws the PDF's pages with PDF.js.
            browser.until(d -> "1".equals(browser.find("#library-pdf").getAttribute("data-rendered")) ? true : null);
            assertThat(browser.find("#library-pdf").getAttribute("data-pages")).isEqualTo("2");
            // PDF.js is an ES module: the browser runs it only when it comes as JavaScript.
            assertThat(((JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('library-pdf').dataset.pdfjs).then(function (r) { done(r.headers.get('Content-Type')); });"))
                .asString().startsWith("text/javascript");
            assertThat(drawn(browser, "#library-pdf canvas")).isTrue();
            assertThat(browser.find(".pdf-page").getText()).isEqualTo("Trang 1 / 2");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the item page").isEmpty();
            browser.screenshot("item-pdf-page-1");
            browser.click(".pdf-controls button[data-page='1']");
            browser.until(d -> "2".equals(browser.find("#library-pdf").getAttribute("data-rendered")) ? true : null);
            assertThat(browser.find("main").getText()).contains("Các phiên bản", "on-tap-chuong-2.pdf", "Sẵn sàng", "CC BY 4.0");
            browser.screenshot("item-pdf-page-2");
            browser.phone();
            browser.script("window.scrollTo(0, 0);");
            assertThat(sticksOut(browser)).isEmpty();
            browser.screenshot("item-phone");
            browser.desktop();

            // Its owner edits the details (If-Match: nobody else's change is overwritten)...
            String itemPath = browser.path();
            browser.click("a[href$='/edit']");
            browser.type("#f-description", "Ôn tập cuối chương 2 cho học sinh lớp 6, có đáp án.");
            browser.click("#library-item-form button[type=submit]");
            browser.until(d -> browser.path().equals(itemPath) ? true : null);
            assertThat(browser.find("main").getText()).contains("Ôn tập cuối chương 2 cho học sinh lớp 6, có đáp án.",
                "Lịch sử chỉnh sửa thông tin");

            // ... and uploads a new version, which the page then shows; the first stays listed.
            browser.click("a[href^='/library/upload?item=']");
            browser.find("#library-file").sendKeys(Fixtures.pdf(dir.resolve("on-tap-chuong-2-ban-2.pdf")).toAbsolutePath().toString());
            browser.click("#library-item-form button[type=submit]");
            uploadDone(browser).click();
            browser.until(d -> "1".equals(browser.find("#library-pdf").getAttribute("data-rendered")) ? true : null);
            assertThat(browser.all("table.versions tbody tr")).hasSize(2);
            assertThat(browser.find("table.versions tr[aria-current='true'] td").getText()).isEqualTo("on-tap-chuong-2-ban-2.pdf");
            browser.screenshot("item-second-version");
        }
    }

    @Test
    void aProcessedVideoPlaysThroughHlsJs(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs the system ffmpeg to make the video");
        Path mp4 = dir.resolve("thi-nghiem.mp4");
        run("/usr/bin/ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString());
        String title = "Thí nghiệm con lắc " + school.tag;

        try (Browser browser = new Browser("http://localhost:" + port, "04-library-video")) {
            browser.signIn(school.teacher.username(), JourneySchool.PASSWORD);
            browser.open("/library/upload");
            browser.find("#library-file").sendKeys(mp4.toAbsolutePath().toString());
            // The kind follows the file's type; the title its name, until the teacher types one.
            assertThat(new Select(browser.find("#f-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("VIDEO_LECTURE");
            browser.type("#f-title", title);
            new Select(browser.find("#f-subject-code")).selectByValue("toan");
            browser.click("#f-grade-7");

            // Paused on a slow link, the page closed: chosen again after a reload, the file goes on where it stopped.
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setUploadThroughput(20 * 1024);
            browser.driver().setNetworkConditions(slow);
            browser.click("#library-item-form button[type=submit]");
            browser.until(d -> percent(browser) >= 10 ? true : null);
            browser.click("#library-pause");
            browser.until(d -> "paused".equals(browser.find("#library-upload").getAttribute("data-state")) ? true : null);
            String upload = browser.find("#library-upload").getAttribute("data-upload");
            browser.driver().navigate().refresh();
            browser.find("#library-file").sendKeys(mp4.toAbsolutePath().toString());
            assertThat(browser.find("#library-previous").getText()).contains("Tệp này đã được gửi dở");
            browser.screenshot("upload-continue-after-reload");
            browser.driver().deleteNetworkConditions();
            browser.click("#library-continue");
            WebElement done = uploadDone(browser);
            assertThat(browser.find("#library-upload").getAttribute("data-upload")).isEqualTo(upload);
            done.click();
            // The item made before the reload, with the title typed then.
            assertThat(browser.find("main h1").getText()).isEqualTo(title);

            WebElement video = browser.find("#library-video");
            browser.until(d -> "hls.js".equals(video.getAttribute("data-player")) ? true : null);
            assertThat(video.getAttribute("data-hls")).endsWith("/versions/1/hls/master.m3u8");
            assertThat((String) browser.script("return arguments[0].currentSrc;", video)).startsWith("blob:");
            browser.script("arguments[0].muted = true; arguments[0].play();", video);
            browser.until(d -> ((Number) browser.script("return arguments[0].currentTime;", video)).doubleValue() > 0.5 ? true : null);
            // hls.js chose a rendition by itself (automatic), and says which.
            assertThat(video.getAttribute("data-level")).isNotBlank();
            assertThat(browser.find("#library-playing").getText()).matches("Đang phát: \\d+p");
            assertThat(new Select(browser.find("#library-quality")).getOptions()).hasSizeGreaterThan(1);
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on a video's page").isEmpty();
            browser.screenshot("item-video-playing");
        }
    }

    @Test
    void aReviewerApprovesAnItemFromTheAppraisalQueue() throws Exception {
        String reviewer = "tt-" + school.tag;
        accounts.create(reviewer, "Trần Văn Bình", List.of(new Grant(Role.REVIEWER, school.schoolId, "toan")), JourneySchool.PASSWORD, false)
            .block(WAIT);
        LibraryCaller owner = new LibraryCaller(school.teacher.id(), Set.of(school.schoolId), Set.of(), Set.of(school.schoolId), Set.of(),
            false, Set.of());
        String title = "Đề kiểm tra giữa kỳ I " + school.tag;
        Metadata metadata = new Metadata(title, "Trần Thị Hoa", null, "Đề 45 phút", null, null, "vi", null, "toan", List.of(6), null,
            ResourceKind.TEST_PAPER, List.of(), Licence.CC_BY_4_0);
        // Shared with the district: it goes to the subject's reviewer once its file is in, not before.
        String itemId = items.create(owner, new LibraryItems.Draft(metadata, school.schoolId, Scope.DISTRICT, List.of())).block(WAIT).id();
        assertThat(items.item(itemId).block(WAIT).appraisal().status()).isEqualTo(Appraisal.Status.NONE);
        try (Browser browser = new Browser("http://localhost:" + port, "04-library-appraisal-owner")) {
            browser.signIn(school.teacher.username(), JourneySchool.PASSWORD);
            browser.open("/library/items/" + itemId);
            assertThat(browser.find("#appraisal-heading + p .tag").getText()).isEqualTo("Chưa gửi thẩm định");
            assertThat(browser.find("#appraisal-heading ~ p.hint").getText()).contains("khi tệp của nó được tải lên");
            assertThat(browser.all("#library-submit")).isEmpty();
        }
        byte[] paper = "Đề kiểm tra giữa kỳ I, Toán 6 (45 phút). Câu 1. Tính 3/4 + 1/2.".getBytes(StandardCharsets.UTF_8);
        Upload upload = uploads.create(owner, paper.length, itemId, "de-giua-ky-1.txt").block(WAIT);
        uploads.receive(owner, upload.id(), 0, Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(paper))).block(WAIT);
        assertThat(items.item(itemId).block(WAIT).appraisal().status()).isEqualTo(Appraisal.Status.SUBMITTED);

        try (Browser browser = new Browser("http://localhost:" + port, "04-library-appraisal")) {
            browser.signIn(reviewer, JourneySchool.PASSWORD);
            browser.click("nav a[href='/library/appraisal']");
            browser.find(".appraisal-queue");
            assertThat(browser.find("main").getText()).contains(title, "Trần Thị Hoa", "Môn bạn thẩm định: Toán");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on the appraisal queue").isEmpty();
            browser.screenshot("appraisal-queue");
            browser.click(".appraisal-queue a[href='/library/items/" + itemId + "']");
            browser.click("#decision-approve");
            browser.type("#appraise-comment", "Đề bám sát chuẩn kiến thức, dùng được cho toàn phòng.");
            assertThat(browser.wcagViolations()).as("WCAG 2.1 AA on an item with the appraisal form").isEmpty();
            browser.screenshot("appraisal-decision");
            browser.click("#library-appraise button[type=submit]");
            reloadedWith(browser, "#appraisal-heading + p .tag", "Đã được duyệt");
            assertThat(browser.find(".history").getText()).contains("Trần Văn Bình", "Chờ thẩm định → Đã được duyệt",
                "Đề bám sát chuẩn kiến thức");
            assertThat(browser.all("#library-appraise")).isEmpty();
            browser.screenshot("appraisal-approved");

            // The same page in English, through the header's switch.
            browser.click(".language button");
            reloadedWith(browser, "#appraisal-heading + p .tag", "Approved");
            assertThat(browser.find("#appraisal-heading").getText()).isEqualTo("Appraisal");
            assertThat(browser.find("main").getText()).contains("Test paper", "Mathematics", "Grade 6", "Shared with");
            browser.screenshot("appraisal-approved-english");
        }
    }

    /** Waits for the page that reloads (after a form or a switch) to show {@code text} in {@code css}. */
    private static void reloadedWith(Browser browser, String css, String text) {
        browser.until(d -> {
            try {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).getText().contains(text) ? true : null;
            } catch (StaleElementReferenceException reloading) {
                return null;
            }
        });
    }

    /** The link to the item, shown once the uploaded version is processed (or failed). */
    private static WebElement uploadDone(Browser browser) {
        return browser.until(PROCESSING, d -> {
            List<WebElement> link = d.findElements(By.cssSelector("#library-upload-done"));
            return !link.isEmpty() && link.get(0).isDisplayed() ? link.get(0) : null;
        });
    }

    /** Nothing when the page is no wider than the window; else what sticks out on the right, to say why it scrolls sideways. */
    @SuppressWarnings("unchecked")
    private static List<String> sticksOut(Browser browser) {
        return (List<String>) browser.script("var width = document.documentElement.clientWidth; var out = [];"
            + "if (document.documentElement.scrollWidth <= width) { return out; }"
            + "document.querySelectorAll('body *').forEach(function (e) { var box = e.getBoundingClientRect();"
            + " if (box.right > width + 1) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(box.right)); } });"
            + "return out;");
    }

    private static long percent(Browser browser) {
        String value = browser.find("#library-upload-progress").getAttribute("value");
        return value == null ? 0 : (long) Double.parseDouble(value);
    }

    /** Whether the canvas holds anything but white: PDF.js drew the page. */
    private static boolean drawn(Browser browser, String css) {
        return (Boolean) browser.script("var c = document.querySelector(arguments[0]); var d = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data; for (var i = 0; i < d.length; i += 4) {"
            + " if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) { return true; } } return false;", css);
    }

    /**
     * A two-page PDF: the Vietnamese sentence on the first page (a real font, embedded), a photograph
     * of noise on the second, which makes the file about 2 MB, long enough to watch on a slow link.
     */
    private static Path pdf(Path file) throws IOException {
        Fixtures.pdf(file, SENTENCE);
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(file))) {
            PDPage second = new PDPage(PDRectangle.A4);
            document.addPage(second);
            BufferedImage noise = new BufferedImage(820, 820, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(6);
            for (int y = 0; y < noise.getHeight(); y++) {
                for (int x = 0; x < noise.getWidth(); x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            try (PDPageContentStream content = new PDPageContentStream(document, second)) {
                content.drawImage(LosslessFactory.createFromImage(document, noise), 60, 200, 470, 470);
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
