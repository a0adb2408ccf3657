package vn.edu.lms.web.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Assignments over the public API of a running application, as the submission drill and benchmark
 * use them: the teacher sets work for a class, a student sends a file over tus ({@code purpose
 * private}) and hands it in. Blocking calls over the JDK client, HTTP/1.1 as browsers' tus clients send.
 */
final class AssignmentHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final ExamSetup setup;

    AssignmentHttp(URI base) {
        this.base = base;
        this.setup = new ExamSetup(base);
    }

    /**
     * An assignment of the class due at {@code dueAt}, taking one file of any type up to
     * {@code maxFileMegabytes}; the school's teacher is made the class's Toán teacher first. Its id.
     */
    String assignment(ExamSetup.School school, String adminToken, String classId, Instant dueAt, int maxFileMegabytes) {
        String teacherId = setup.call("GET", "/api/v1/auth/me", school.teacherToken(), null, 200).path("accountId").asString();
        setup.call("PUT", "/api/v1/classes/" + classId + "/subject-teachers/toan", adminToken, ExamSetup.json(Map.of("teacherId", teacherId)), 200);
        String id = setup.call("POST", "/api/v1/classes/" + classId + "/assignments", school.teacherToken(), ExamSetup.json(Map.of(
            "subjectCode", "toan", "title", "Bài tập lớn: thống kê số liệu", "instructions", "<p>Nộp bài làm dạng tệp.</p>",
            "opensAt", Instant.now().minus(Duration.ofHours(1)).toString(), "dueAt", dueAt.toString(), "maxFiles", 1,
            "maxFileMegabytes", maxFileMegabytes, "acceptedTypes", List.of("application/octet-stream", "application/pdf"))), 201)
            .path("id").asString();
        setup.call("POST", "/api/v1/assignments/" + id + "/publish", school.teacherToken(), null, 200);
        return id;
    }

    /** A private file sent in one tus PATCH; the upload's id. */
    String upload(String token, byte[] file, String fileName) throws IOException, InterruptedException {
        HttpRequest create = HttpRequest.newBuilder(base.resolve("/api/v1/library/uploads")).timeout(Duration.ofMinutes(1))
            .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(file.length))
            .header("Upload-Metadata", "purpose " + base64("private") + ",filename " + base64(fileName))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> created = expect(http.send(create, HttpResponse.BodyHandlers.ofString()), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        // The server takes a few uploads at a time and answers 503 to the rest: a tus client waits and sends again.
        for (int attempt = 0;; attempt++) {
            HttpRequest patch = HttpRequest.newBuilder(base.resolve("/api/v1/library/uploads/" + id)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(file)).build();
            HttpResponse<String> patched = http.send(patch, HttpResponse.BodyHandlers.ofString());
            if (patched.statusCode() != 503 || attempt > 600) {
                expect(patched, 204);
                return id;
            }
            Thread.sleep(100);
        }
    }

    /** Hands in {@code text} and the uploads; the reply, whatever it is. */
    HttpResponse<String> handIn(String token, String assignmentId, String text, List<String> uploadIds) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/assignments/" + assignmentId + "/submissions"))
            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ExamSetup.json(Map.of("text", text, "uploadIds", uploadIds)))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a path as the caller: its bytes on 200, null on 404. */
    byte[] bytesOrNull(String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
            .GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** GET of a path as the caller, its bytes; the status must be 200. */
    byte[] bytes(String token, String path) throws IOException, InterruptedException {
        byte[] body = bytesOrNull(token, path);
        if (body == null) {
            throw new IllegalStateException("GET " + path + " answered 404");
        }
        return body;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                + ": " + response.body());
        }
        return response;
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
