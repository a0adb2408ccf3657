package vn.edu.lms.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;

/** Journey 1: a school admin imports a class list in the browser, prints the sign-in sheet, and the students sign in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserJourney.PROPERTIES)
class ClassListJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Schools schools;

    @Autowired
    AccountService accounts;

    @Test
    void anAdminImportsAClassListAndItsStudentsSignInWithTheSheet() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String schoolId = "thcs-trinh-" + suffix;
        schools.create(schoolId, "Trường THCS Trưng Vương", School.Level.LOWER_SECONDARY).block();
        schools.openYear(schoolId, 2026, null).block();
        schools.openClass(schoolId, 2026, "6A").block();
        schools.openClass(schoolId, 2026, "6B").block();
        String admin = "qt-" + suffix;
        accounts.create(admin, "Phạm Thu Hà", List.of(new Grant(Role.SCHOOL_ADMIN, schoolId, null)), "mat-khau-quan-tri", false).block();
        String seed = String.valueOf(System.nanoTime()).substring(5);
        Path file = Files.createTempFile("danh-sach-lop", ".csv");
        Files.writeString(file, "STT,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\n"
            + "1,Nguyễn Minh An,03/04/2014,Nam,6A,8" + seed + "1\n"
            + "2,Trần Thị Bảo Ngọc,12/09/2014,Nữ,6A,8" + seed + "2\n"
            + "3,Lê Hoàng Phúc,21/01/2014,Nam,6B,8" + seed + "3\n", StandardCharsets.UTF_8);

        try (Browser browser = new Browser("http://localhost:" + port, "01-class-list")) {
            browser.open("/");
            browser.find("#sign-in");
            browser.screenshot("sign-in");
            browser.signIn(admin, "mat-khau-quan-tri");
            assertThat(browser.find("main h1").getText()).isEqualTo("Chào Phạm Thu Hà");
            assertThat(browser.find("main").getText()).contains("Trường THCS Trưng Vương", "Nhập danh sách lớp",
                "Học liệu gửi lên phòng đang chờ thẩm định: 0");
            browser.screenshot("admin-home");

            browser.click("a[href='/admin/schools/" + schoolId + "/class-lists']");
            browser.find("#class-list-file").sendKeys(file.toAbsolutePath().toString());
            browser.click("#class-list-upload button[type=submit]");
            browser.until(d -> "PREVIEWED".equals(browser.find("#class-list-preview .state").getAttribute("data-state")) ? true : null);
            assertThat(browser.all("#class-list-preview .rows tbody tr")).hasSize(3);
            assertThat(browser.find("#class-list-preview .classes tbody").getText()).contains("6A 2 0 0", "6B 1 0 0");
            browser.screenshot("class-list-checked");

            browser.click("#class-list-apply");
            browser.until(d -> "APPLIED".equals(browser.find("#class-list-preview .state").getAttribute("data-state")) ? true : null);
            browser.screenshot("class-list-imported");

            browser.click("#class-list-done");
            browser.find("table");
            browser.screenshot("school-classes");
            browser.click("tr:first-child form[action*='format=xlsx'] button");
            browser.driver().switchTo().alert().accept();
            Map<String, String> passwords = credentials(browser.download(".xlsx"));
            assertThat(passwords).hasSize(2);
            browser.signOut();

            // Each student of 6A signs in with the sheet, must choose a password first, then reaches their home page.
            int n = 0;
            for (Map.Entry<String, String> student : passwords.entrySet()) {
                browser.signIn(student.getKey(), student.getValue());
                browser.until(d -> d.getCurrentUrl().endsWith("/account/password") ? true : null);
                if (n == 0) {
                    browser.screenshot("student-must-change-password");
                }
                browser.type("#currentPassword", student.getValue()).type("#newPassword", "hoc-sinh-" + suffix)
                    .type("#repeatPassword", "hoc-sinh-" + suffix).click("#password-change button[type=submit]");
                browser.until(d -> d.getCurrentUrl().contains("/sign-in") ? true : null);
                browser.signIn(student.getKey(), "hoc-sinh-" + suffix);
                assertThat(browser.find("main h1").getText()).startsWith("Chào ");
                assertThat(browser.find("main").getText()).contains("Bài kiểm tra sắp tới", "Bài tập cần nộp");
                if (n++ == 0) {
                    browser.phone();
                    browser.screenshot("student-home-phone");
                    browser.desktop();
                }
                browser.signOut();
            }
        }
    }

    /** Username → first password, read from the sheet the browser downloaded. */
    private static Map<String, String> credentials(Path sheet) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        DataFormatter cells = new DataFormatter();
        try (InputStream in = Files.newInputStream(sheet); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet first = workbook.getSheetAt(0);
            int username = -1;
            int password = -1;
            for (Row row : first) {
                if (username < 0) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        String header = cells.formatCellValue(row.getCell(c));
                        username = header.equals("Tên đăng nhập") ? c : username;
                        password = header.equals("Mật khẩu lần đầu") ? c : password;
                    }
                    continue;
                }
                String name = cells.formatCellValue(row.getCell(username));
                if (!name.isBlank()) {
                    found.put(name, cells.formatCellValue(row.getCell(password)));
                }
            }
        }
        return found;
    }
}
