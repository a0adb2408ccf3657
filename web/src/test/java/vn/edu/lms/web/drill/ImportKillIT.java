package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.testing.TestServices;

/**
 * The all-or-nothing promise of class-list imports, tested the hard way: a large list is being
 * applied (one row per write, so it takes a while) when the application is killed with
 * {@code kill -9}. After the restart the import must have left nothing behind, say why, and apply
 * whole when asked again.
 */
class ImportKillIT {

    private static final Logger log = LoggerFactory.getLogger(ImportKillIT.class);
    private static final int ROWS = 1500;
    private static final String PASSWORD = "mat-khau-dien-tap-nhap";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path root = TestServices.newRoot("import-kill");
    private final ApplicationProcess application = new ApplicationProcess(root.resolve("data"));
    private final Map<String, String> environment = Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD,
        "LMS_CLASSLIST_BATCHSIZE", "1", "LMS_CLASSLIST_LEASE", "6s", "LMS_CLASSLIST_RECOVERYEVERY", "2s");

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
        application.children().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aClassListImportKilledMidwayLeavesNothingAfterRestartAndAppliesWholeAfterwards() throws Exception {
        application.startAndAwaitReady("import-first-start.log", environment);
        String token = signIn();
        call("POST", "/api/v1/schools", token, "{\"id\":\"th-dien-tap\",\"name\":\"Trường Tiểu học Diễn Tập\",\"level\":\"PRIMARY\"}", 201);
        call("POST", "/api/v1/schools/th-dien-tap/years", token, "{\"startYear\":2026}", 201);
        String classId = field(call("POST", "/api/v1/schools/th-dien-tap/years/2026/classes", token, "{\"name\":\"5A\"}", 201), "id");
        String importId = field(upload(token, bigClassList()), "id");

        long writtenAtKill;
        try (MongoClient mongo = MongoClients.create(application.mongoUri())) {
            MongoDatabase lms = mongo.getDatabase("lms");
            HTTP.sendAsync(request("POST", "/api/v1/class-list-imports/" + importId + "/commit", token, null),
                HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> tagged(lms, "accounts", importId) >= ROWS / 5);
            writtenAtKill = tagged(lms, "accounts", importId);
            application.kill();
        }
        assertThat(writtenAtKill).as("killed midway").isLessThan(ROWS);
        log.info("Killed the import with {} of {} accounts written", writtenAtKill, ROWS);

        double restart = application.startAndAwaitReady("import-restart.log", environment);
        log.info("Restarted in {} s", String.format("%.1f", restart));
        String again = signIn();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
            .until(() -> "UNDONE".equals(field(call("GET", "/api/v1/class-list-imports/" + importId, again, null, 200), "state")));
        try (MongoClient mongo = MongoClients.create(application.mongoUri())) {
            MongoDatabase lms = mongo.getDatabase("lms");
            assertThat(tagged(lms, "accounts", importId)).as("accounts left of the interrupted import").isZero();
            assertThat(tagged(lms, "students", importId)).as("student records left").isZero();
            assertThat(tagged(lms, "enrolments", importId)).as("enrolments left").isZero();
        }
        assertThat(call("GET", "/api/v1/classes/" + classId + "/students", again, null, 200)).isEqualTo("[]");
        assertThat(call("GET", "/api/v1/class-list-imports/" + importId, again, null, 200)).contains("gián đoạn");

        String applied = call("POST", "/api/v1/class-list-imports/" + importId + "/commit", again, null, 200);
        assertThat(field(applied, "state")).isEqualTo("APPLIED");
        String roster = call("GET", "/api/v1/classes/" + classId + "/students", again, null, 200);
        assertThat(roster.split("\"studentId\"", -1)).hasSize(ROWS + 1);
        log.info("Applied again after the restart: {} students in 5A", ROWS);
    }

    private static long tagged(MongoDatabase lms, String collection, String importId) {
        return Mono.from(lms.getCollection(collection).countDocuments(Filters.eq("importId", importId))).block(Duration.ofSeconds(30));
    }

    private static byte[] bigClassList() {
        StringBuilder csv = new StringBuilder("STT,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\n");
        String[] families = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi" };
        String[] givens = { "An", "Bảo", "Châu", "Dũng", "Đức", "Hà", "Khánh", "Linh", "Minh", "Ngọc", "Quân", "Thảo", "Vy", "Yến" };
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i).append(',').append(families[i % families.length]).append(" Văn ").append(givens[i % givens.length])
                .append(',').append(String.format("%02d/%02d/2015", 1 + i % 28, 1 + i % 12)).append(',').append(i % 2 == 0 ? "Nam" : "Nữ")
                .append(",5A,").append(String.format("0012150%05d", i)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String signIn() throws IOException, InterruptedException {
        return field(call("POST", "/api/v1/auth/tokens", null,
            "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"name\":\"dien-tap\"}", 201), "token");
    }

    private String upload(String token, byte[] file) throws IOException, InterruptedException {
        String boundary = "dien-tap-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lop-5a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/schools/th-dien-tap/years/2026/class-list-imports"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"state\":\"PREVIEWED\"");
        return response.body();
    }

    private String call(String method, String path, String token, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private HttpRequest request(String method, String path, String token, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(3));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + application.httpPort + path);
    }

    /** A top-level string field of a JSON answer. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
