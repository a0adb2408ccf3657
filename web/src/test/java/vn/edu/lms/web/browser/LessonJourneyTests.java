package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.library.extraction.Fixtures;

/**
 * Journey 2: a teacher uploads a video and a PDF on the library's page, builds a lesson around them
 * in the browser and publishes it; a student watches part of the video and opens the PDF; the participation record shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
class LessonJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    @Autowired
    AccountService accounts;

    @Test
    void aStudentWatchesPartOfTheLessonsVideoAndTheParticipationRecordShowsIt(@TempDir Path dir) throws Exception {
        JourneySchool school = new JourneySchool(schools, students, accounts, "6A", List.of("Nguyễn Minh An"));
        String base = "http://localhost:" + port;
        Path mp4 = dir.resolve("bai-giang.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440", "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            mp4.toString()).redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor()).isZero();
        Path pdf = Fixtures.pdf(dir.resolve("phieu-hoc-tap.pdf"));

        try (Browser teacher = new Browser(base, "02-lesson")) {
            teacher.signIn(school.teacher.username(), JourneySchool.PASSWORD);
            String video = upload(teacher, mp4, "Video bài giảng phân số", "VIDEO_LECTURE");
            String document = upload(teacher, pdf, "Phiếu học tập phân số", "REFERENCE");

            // The lesson: a text with a formula, the video and the PDF found by searching the library.
            teacher.open("/classes/" + school.schoolClass.id());
            teacher.screenshot("class");
            teacher.click("a[href^='/lessons/new'][href*='subject=toan']");
            teacher.type("#l-topic", "Phân số").type("#l-title", "Bài 1. Ôn tập phân số");
            teacher.type("#blocks li[data-type=TEXT] textarea", "<p>Phân số \\(\\frac{a}{b}\\) có tử số a và mẫu số b khác 0.</p>");
            pick(teacher, "bai giang phan so", video);
            pick(teacher, "phieu hoc tap", document);
            teacher.screenshot("builder");
            teacher.click("#lesson-builder button[type=submit]");
            teacher.find("#lesson-builder .form-ok");
            teacher.click("#publish-form button[type=submit]");
            teacher.until(d -> d.getCurrentUrl().matches(".*/lessons/[0-9a-f-]{36}$") ? true : null);
            String lessonPath = teacher.path();
            teacher.find(".lesson-text .katex");
            teacher.screenshot("lesson-as-teacher");

            // The student watches about ten seconds of the 20-second video and opens the PDF.
            try (Browser student = new Browser(base, "02-lesson/student")) {
                student.signIn(school.students.get(0).username(), JourneySchool.PASSWORD);
                student.click("a[href='" + lessonPath + "']");
                student.find("video.player");
                student.until(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(student.script(
                    "const v = document.querySelector('video.player'); return v.readyState >= 2")) ? true : null);
                student.script("const v = document.querySelector('video.player'); v.muted = true; return v.play().then(() => true)");
                student.until(Duration.ofSeconds(40), d -> ((Number) student.script("return document.querySelector('video.player').currentTime"))
                    .doubleValue() >= 10.5 ? true : null);
                student.script("document.querySelector('video.player').pause()");
                student.screenshot("watching");
                student.click("[data-type=LIBRARY_ITEM] a[data-document][href^='/api/']");
                Thread.sleep(1000);
            }

            teacher.open(lessonPath + "/participation");
            String row = teacher.until(d -> {
                d.navigate().refresh();
                String text = teacher.find("#participation tbody tr").getText();
                return text.contains("Đã xem") && !text.contains(" 0 %") ? text : null;
            });
            assertThat(row).contains("Nguyễn Minh An");
            int watched = Integer.parseInt(row.replaceAll("(?s).*?(\\d+) %.*", "$1"));
            assertThat(watched).as("share of the 20-second video watched").isBetween(45, 60);
            teacher.screenshot("participation");
        }
    }

    /** The teacher uploads the file on the library's upload page, shared with the school, and waits until it is processed; its item id. */
    private static String upload(Browser teacher, Path file, String title, String kind) throws Exception {
        teacher.open("/library/upload");
        teacher.find("#library-file").sendKeys(file.toAbsolutePath().toString());
        teacher.type("#f-title", title);
        new Select(teacher.find("#f-subject-code")).selectByValue("toan");
        new Select(teacher.find("#f-kind")).selectByValue(kind);
        teacher.click("#f-grade-6");
        new Select(teacher.find("#f-scope")).selectByValue("SCHOOL");
        teacher.click("#library-item-form button[type=submit]");
        WebElement done = teacher.until(Duration.ofSeconds(180), d -> {
            List<WebElement> link = d.findElements(By.cssSelector("#library-upload-done"));
            return !link.isEmpty() && link.get(0).isDisplayed() ? link.get(0) : null;
        });
        teacher.screenshot("uploaded-" + file.getFileName().toString().replaceAll("\\..*", ""));
        String href = done.getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /** Adds a library block and picks the item found by {@code query} (typed without diacritics). */
    private static void pick(Browser teacher, String query, String itemId) {
        teacher.click("[data-add=LIBRARY_ITEM]");
        String block = "#blocks li[data-type=LIBRARY_ITEM]:last-child";
        teacher.type(block + " .item-query", query).click(block + " .find-items");
        // The search index may take a moment to have the new item: search again until it is found, then pick it.
        long[] asked = {System.nanoTime()};
        teacher.until(Duration.ofSeconds(60), d -> {
            try {
                if (!teacher.all(block + " input[value='" + itemId + "']").isEmpty()) {
                    teacher.all(block + " input[value='" + itemId + "']").get(0).findElement(org.openqa.selenium.By.xpath("..")).click();
                    return itemId.equals(teacher.all(block + " [data-field=itemId]").get(0).getAttribute("value")) ? true : null;
                }
                if (System.nanoTime() - asked[0] > 2_000_000_000L) {
                    asked[0] = System.nanoTime();
                    teacher.click(block + " .find-items");
                }
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // the results were drawn again: look again
            }
            return null;
        });
    }

}
