package vn.edu.lms.web.drill;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A school ready for a computer-based test, made through the public API of a running application the
 * way a school makes it: the district admin creates the school, its year and its grade-7 classes and
 * a teacher; the class lists are imported (one file per group of classes, as a school exports them)
 * and the credential sheets printed as XLSX, which give each student a username and one-time
 * password; each student then signs in once and chooses their own password (a session cookie and the
 * CSRF token, as the browser does). The teacher writes a Toán 7 bank in the 2025 format (single
 * choices, true/false groups, short numeric answers), a 10-point blueprint and schedules sessions.
 * Blocking calls over the JDK client: this is setup, not what is measured.
 */
final class ExamSetup {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOPIC = "Số hữu tỉ";
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");
    private static final String[] FAMILIES = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ" };
    private static final String[] MIDDLES = { "Văn", "Thị", "Minh", "Ngọc", "Gia", "Quốc", "Thu", "Đức", "Bảo", "Khánh" };
    private static final String[] GIVENS = { "An", "Bình", "Châu", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng",
        "Khánh", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh", "My", "Nam", "Ngân", "Ngọc", "Nhi", "Phúc", "Phương", "Quân", "Quang",
        "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tú", "Tuấn", "Uyên", "Việt", "Vy", "Xuân", "Yến" };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** A student as the load sees them: the username and the password they chose at their first sign-in. */
    static final class Student {
        final int index;
        final String username;
        final String password;
        final String classId;
        volatile String token;

        Student(int index, String username, String password, String classId) {
            this.index = index;
            this.username = username;
            this.password = password;
            this.classId = classId;
        }
    }

    /** The school the setup made: its id, the school year's start, the teacher's token and the blueprint. */
    record School(String id, int startYear, String teacherToken, String blueprintId) {
    }

    ExamSetup(URI base) {
        this.base = base;
    }

    /** The first district admin's API token. */
    String adminToken(String password) {
        return tokenFor("admin", password, "thiet-lap");
    }

    /** An API token for an account that has chosen its password (what the load's sign-in phase does, one at a time here). */
    String tokenFor(String username, String password, String name) {
        return call("POST", "/api/v1/auth/tokens", null, json(Map.of("username", username, "password", password, "name", name)), 201)
            .path("token").asString();
    }

    /**
     * A lower-secondary school with the current school year, a teacher who has chosen a password,
     * the bank and the blueprint. {@code tag} makes the school, usernames and identifiers this run's
     * own, so a setup against an application that ran before does not collide with older data.
     */
    School school(String adminToken, String tag) {
        String schoolId = "thcs-do-tai-" + tag;
        call("POST", "/api/v1/schools", adminToken,
            json(Map.of("id", schoolId, "name", "Trường THCS Đo Tải " + tag.toUpperCase(Locale.ROOT), "level", "LOWER_SECONDARY")), 201);
        int startYear = currentSchoolYear();
        call("POST", "/api/v1/schools/" + schoolId + "/years", adminToken, json(Map.of("startYear", startYear)), 201);
        String teacherName = "gv.toan." + tag;
        JsonNode teacher = call("POST", "/api/v1/accounts", adminToken, json(Map.of("username", teacherName, "fullName", "Trần Thị Coi Thi",
            "grants", List.of(Map.of("role", "TEACHER", "schoolId", schoolId)))), 201);
        String teacherPassword = "giao-vien-" + UUID.randomUUID();
        firstPassword(teacherName, teacher.path("oneTimePassword").asString(), teacherPassword);
        String teacherToken = tokenFor(teacherName, teacherPassword, "ra-de");
        bank(teacherToken);
        return new School(schoolId, startYear, teacherToken, blueprint(teacherToken, schoolId));
    }

    /** The school year that holds today (it starts in September). */
    static int currentSchoolYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }

    /**
     * {@code classCount} more grade-7 classes of {@code perClass} students, numbered on from
     * {@code firstClass}: class lists imported (up to {@code classesPerFile} classes a file),
     * credential sheets printed, and every student's first sign-in with their own new password,
     * {@code parallel} students at a time.
     */
    List<Student> addClasses(String adminToken, School school, String tag, int firstClass, int classCount, int perClass, int classesPerFile,
            int firstStudent, int parallel) {
        Map<String, String> classIds = new LinkedHashMap<>();
        for (int c = firstClass; c < firstClass + classCount; c++) {
            String name = String.format(Locale.ROOT, "7A%02d", c);
            classIds.put(name, call("POST", "/api/v1/schools/" + school.id() + "/years/" + school.startYear() + "/classes", adminToken,
                json(Map.of("name", name)), 201).path("id").asString());
        }
        List<String> names = new ArrayList<>(classIds.keySet());
        int student = firstStudent;
        for (int from = 0; from < names.size(); from += classesPerFile) {
            StringBuilder csv = new StringBuilder("STT,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\n");
            int row = 1;
            for (String name : names.subList(from, Math.min(names.size(), from + classesPerFile))) {
                for (int i = 0; i < perClass; i++, student++, row++) {
                    csv.append(row).append(',').append(fullName(student)).append(',')
                        .append(String.format(Locale.ROOT, "%02d/%02d/%d", 1 + student % 28, 1 + student % 12, school.startYear() - 12))
                        .append(',').append(student % 2 == 0 ? "Nam" : "Nữ").append(',').append(name).append(',')
                        .append(identifier(tag, student)).append('\n');
                }
            }
            JsonNode preview = upload(adminToken, "/api/v1/schools/" + school.id() + "/years/" + school.startYear() + "/class-list-imports",
                csv.toString().getBytes(StandardCharsets.UTF_8));
            if (!"PREVIEWED".equals(preview.path("state").asString())) {
                throw new IllegalStateException("the class list was not accepted: " + preview);
            }
            JsonNode applied = call("POST", "/api/v1/class-list-imports/" + preview.path("id").asString() + "/commit", adminToken, null, 200);
            if (!"APPLIED".equals(applied.path("state").asString())) {
                throw new IllegalStateException("the class list was not applied: " + applied);
            }
        }
        List<Student> students = new ArrayList<>();
        List<String[]> firstSignIns = new ArrayList<>();
        int index = firstStudent;
        for (Map.Entry<String, String> schoolClass : classIds.entrySet()) {
            for (String[] credential : credentialSheet(adminToken, schoolClass.getValue())) {
                String password = "hs-" + credential[0] + "-" + Integer.toHexString(credential[0].hashCode() ^ tag.hashCode());
                students.add(new Student(index++, credential[0], password, schoolClass.getValue()));
                firstSignIns.add(new String[] { credential[0], credential[1], password });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String[] signIn : firstSignIns) {
                done.add(pool.submit(() -> firstPassword(signIn[0], signIn[1], signIn[2])));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a student's first sign-in failed", e);
        } finally {
            pool.shutdownNow();
        }
        return students;
    }

    /**
     * A session of the blueprint for the classes, open from {@code opensAt} for three hours, each
     * attempt {@code durationMinutes} long, one paper drawn per student.
     */
    String session(School school, List<String> classIds, Instant opensAt, int durationMinutes) {
        Map<String, Object> request = new HashMap<>();
        request.put("title", "Kiểm tra giữa kỳ I – Toán 7");
        request.put("kind", "MID_TERM");
        request.put("term", 1);
        request.put("blueprintId", school.blueprintId());
        request.put("papers", "PER_STUDENT");
        request.put("versions", 1);
        request.put("opensAt", opensAt.toString());
        request.put("closesAt", opensAt.plus(Duration.ofHours(3)).toString());
        request.put("durationMinutes", durationMinutes);
        request.put("endsWithWindow", false);
        request.put("classIds", classIds);
        request.put("studentIds", List.of());
        request.put("rooms", List.of());
        request.put("allowedNetworks", List.of());
        return call("POST", "/api/v1/schools/" + school.id() + "/test-sessions", school.teacherToken(), json(request), 201).path("id").asString();
    }

    /**
     * The bank the blueprint draws from, with more questions than a paper takes in every cell so
     * that papers differ: 16 + 8 single choices, 8 true/false groups, 8 short numeric answers.
     */
    private void bank(String teacherToken) {
        for (int i = 1; i <= 24; i++) {
            List<Map<String, String>> options = List.of(Map.of("key", "A", "content", "\\(" + i + "/" + (i + 1) + "\\)"),
                Map.of("key", "B", "content", "\\(" + (i + 1) + "/" + i + "\\)"), Map.of("key", "C", "content", "\\(-" + i + "\\)"),
                Map.of("key", "D", "content", "\\(" + (2 * i) + "\\)"));
            question(teacherToken, i <= 16 ? "BIET" : "HIEU", Map.of("type", "SINGLE_CHOICE",
                "stem", "Câu " + i + ". Số nào sau đây là số hữu tỉ dương nhỏ hơn 1?", "options", options, "correct", "A", "fixedOrder", false));
        }
        for (int i = 1; i <= 8; i++) {
            question(teacherToken, "HIEU", Map.of("type", "TRUE_FALSE_GROUP", "stem", "Câu " + i + ". Cho \\(x = " + i + "/" + (i + 2)
                + "\\). Xét tính đúng sai của các khẳng định sau.", "statements", List.of(
                    Map.of("key", "a", "content", "\\(x\\) là số hữu tỉ", "correct", true),
                    Map.of("key", "b", "content", "\\(x > 1\\)", "correct", false),
                    Map.of("key", "c", "content", "\\(-x < 0\\)", "correct", true),
                    Map.of("key", "d", "content", "\\(x\\) là số nguyên", "correct", false))));
        }
        for (int i = 1; i <= 8; i++) {
            question(teacherToken, "VAN_DUNG", Map.of("type", "SHORT_NUMBER",
                "stem", "Câu " + i + ". Tính \\(" + i + " - " + (2 * i + 1) + "/2\\).", "value", new java.math.BigDecimal("-0.5"),
                "tolerance", 0));
        }
    }

    private void question(String teacherToken, String level, Map<String, Object> content) {
        call("POST", "/api/v1/questions", teacherToken, json(Map.of("subjectCode", "toan", "grade", 7, "topic", TOPIC, "level", level,
            "tags", List.of("giua-ky-1"), "content", content)), 201);
    }

    /** 12 single choices at 0.25, 4 true/false groups at 1 and 4 short answers at 0.75: 10 points, the 2025 layout. */
    private String blueprint(String teacherToken, String schoolId) {
        return call("POST", "/api/v1/schools/" + schoolId + "/blueprints", teacherToken, json(Map.of("title", "Kiểm tra giữa kỳ I – Toán 7",
            "subjectCode", "toan", "grade", 7, "cells", List.of(
                Map.of("topic", TOPIC, "level", "BIET", "type", "SINGLE_CHOICE", "count", 8, "points", 0.25),
                Map.of("topic", TOPIC, "level", "HIEU", "type", "SINGLE_CHOICE", "count", 4, "points", 0.25),
                Map.of("topic", TOPIC, "level", "HIEU", "type", "TRUE_FALSE_GROUP", "count", 4, "points", 1),
                Map.of("topic", TOPIC, "level", "VAN_DUNG", "type", "SHORT_NUMBER", "count", 4, "points", 0.75)))), 201)
            .path("id").asString();
    }

    /** The class's credential sheet as XLSX: {username, one-time password} per student. */
    private List<String[]> credentialSheet(String adminToken, String classId) {
        HttpResponse<byte[]> response = send(request("POST", "/api/v1/classes/" + classId + "/credential-sheet?format=xlsx", adminToken, null),
            HttpResponse.BodyHandlers.ofByteArray());
        expect(response.statusCode(), 200, "POST credential-sheet", new String(response.body(), StandardCharsets.UTF_8));
        List<String[]> credentials = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            boolean inTable = false;
            for (Row row : sheet) {
                String username = text(row.getCell(3));
                if (!inTable) {
                    // The header row: the table starts below it.
                    inTable = text(row.getCell(0)).equalsIgnoreCase("STT");
                    continue;
                }
                if (username.isBlank()) {
                    break;
                }
                credentials.add(new String[] { username, text(row.getCell(4)) });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (credentials.isEmpty()) {
            throw new IllegalStateException("no student on the credential sheet of class " + classId);
        }
        return credentials;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.toString().strip();
    }

    /**
     * A first sign-in as the browser makes it: the one-time password opens a session (cookie), and the
     * new password is set with that cookie and the CSRF token echoed from its cookie.
     */
    void firstPassword(String username, String oneTimePassword, String newPassword) {
        HttpResponse<String> session = send(request("POST", "/api/v1/auth/session", null,
            json(Map.of("username", username, "password", oneTimePassword))), HttpResponse.BodyHandlers.ofString());
        expect(session.statusCode(), 200, "POST /api/v1/auth/session for " + username, session.body());
        Map<String, String> cookies = new HashMap<>();
        for (String header : session.headers().allValues("Set-Cookie")) {
            Matcher matcher = SET_COOKIE.matcher(header);
            if (matcher.find()) {
                cookies.put(matcher.group(1).strip(), matcher.group(2));
            }
        }
        // The XSRF-TOKEN cookie comes with every response; should it not, a token of our own is echoed the same way.
        String csrf = cookies.computeIfAbsent("XSRF-TOKEN", missing -> UUID.randomUUID().toString());
        HttpRequest change = HttpRequest.newBuilder(base.resolve("/api/v1/auth/password")).timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
            .header("Cookie", "LMS_SESSION=" + cookies.get("LMS_SESSION") + "; XSRF-TOKEN=" + csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("currentPassword", oneTimePassword, "newPassword", newPassword)))).build();
        HttpResponse<String> changed = send(change, HttpResponse.BodyHandlers.ofString());
        expect(changed.statusCode(), 204, "POST /api/v1/auth/password for " + username, changed.body());
    }

    private JsonNode upload(String token, String path, byte[] file) {
        String boundary = "do-tai-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach-khoi-7.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        expect(response.statusCode(), 201, "POST " + path, response.body());
        return JSON.readTree(response.body());
    }

    /** A JSON call that must answer {@code expected}; its body as a tree. */
    JsonNode call(String method, String path, String token, String json, int expected) {
        HttpResponse<String> response = send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
        expect(response.statusCode(), expected, method + " " + path, response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, String token, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(int status, int expected, String what, String body) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status + " instead of " + expected + ": " + body);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Distinct, plausible Vietnamese names: family, middle and given name drawn from the student's number. */
    private static String fullName(int student) {
        return FAMILIES[student % FAMILIES.length] + " " + MIDDLES[(student / FAMILIES.length) % MIDDLES.length] + " "
            + GIVENS[(student / 7) % GIVENS.length];
    }

    private static String identifier(String tag, int student) {
        return String.format(Locale.ROOT, "DT%s%06d", tag.toUpperCase(Locale.ROOT), student);
    }
}
