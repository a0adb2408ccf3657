package vn.edu.lms.api.assignment;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.library.PrivateFiles;
import vn.edu.lms.content.library.PrivateFiles.PrivateFile;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Handing in and grading: {@code /api/v1/assignments/{id}/submissions…}. Files are first sent over
 * the library's tus uploads with {@code Upload-Metadata: purpose cHJpdmF0ZQ==} ("private"); the
 * hand-in names the finished uploads.
 */
@RestController
class SubmissionController {

    private static final int ZIP_CHUNK = 64 * 1024;

    private final Assignments assignments;
    private final Submissions submissions;
    private final PrivateFiles files;
    private final Rosters rosters;
    private final Executor archiving;

    SubmissionController(Assignments assignments, Submissions submissions, PrivateFiles files, Rosters rosters, BlockingSchedulers schedulers) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.files = files;
        this.rosters = rosters;
        this.archiving = task -> schedulers.objectStorage().schedule(task);
    }

    record HandInRequest(@Nullable @Size(max = Submissions.MAX_TEXT) String text,
            @Nullable @Size(max = Assignments.MAX_FILES) List<@NotBlank @Size(max = 64) String> uploadIds) {
    }

    record FileView(int index, String fileName, long size, String mediaType, String sha256) {
    }

    record VersionView(int number, @Nullable String text, List<FileView> files, Instant submittedAt, boolean late) {
    }

    record SubmissionView(String assignmentId, String studentId, List<VersionView> versions, Submission.@Nullable Grade grade) {

        static SubmissionView of(Submission submission) {
            List<VersionView> versions = new ArrayList<>();
            for (int i = 0; i < submission.versions().size(); i++) {
                Submission.Version version = submission.versions().get(i);
                List<FileView> fileViews = new ArrayList<>();
                for (int f = 0; f < version.files().size(); f++) {
                    PrivateFile file = version.files().get(f);
                    fileViews.add(new FileView(f + 1, file.fileName(), file.size(), file.mediaType(), file.sha256()));
                }
                versions.add(new VersionView(i + 1, version.text(), fileViews, version.submittedAt(), version.late()));
            }
            return new SubmissionView(submission.assignmentId(), submission.studentId(), versions, submission.grade());
        }
    }

    enum Standing {
        NOT_SUBMITTED, SUBMITTED, GRADED, RETURNED
    }

    /** One student's line in the teacher's list. */
    record Line(int number, String studentId, String fullName, Standing standing, int versions, @Nullable Instant lastSubmittedAt,
            boolean late, @Nullable BigDecimal score, Submission.@Nullable Rating rating, boolean gradeIsForLatest) {
    }

    record ClassSubmissions(String assignmentId, int students, long submitted, List<Line> lines) {
    }

    record GradeRequest(@Nullable BigDecimal score, Submission.@Nullable Rating rating, @Nullable @Size(max = 20) List<@NotNull BigDecimal> rubricPoints,
            @Nullable @Size(max = Submissions.MAX_TEXT) String comment) {
    }

    @PostMapping("/api/v1/assignments/{id}/submissions")
    Mono<ResponseEntity<Submissions.HandedIn>> handIn(@PathVariable String id, @Valid @RequestBody HandInRequest request) {
        return Access.currentUser().flatMap(user -> submissions.handIn(user, id, request.text(),
                request.uploadIds() == null ? List.of() : request.uploadIds()))
            .map(handedIn -> ResponseEntity.created(URI.create("/api/v1/assignments/" + id + "/submissions/mine")).body(handedIn));
    }

    @GetMapping("/api/v1/assignments/{id}/submissions/mine")
    Mono<SubmissionView> mine(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> submissions.own(user, id)).map(SubmissionView::of);
    }

    @GetMapping("/api/v1/assignments/{id}/submissions/{studentId}")
    Mono<SubmissionView> ofStudent(@PathVariable String id, @PathVariable String studentId) {
        return Access.currentUser().flatMap(user -> submissions.of(user, id, studentId)).map(SubmissionView::of);
    }

    /** Every student the assignment is for, in class-list order, with where their work stands. */
    @GetMapping("/api/v1/assignments/{id}/submissions")
    Mono<ClassSubmissions> ofClass(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> assignments.taught(user, id).flatMap(read -> Mono.zip(
                submissions.ofAssignment(user, id), rosters.of(read.assignment().classId()))
            .map(found -> {
                Map<String, Submission> byStudent = found.getT1().stream().collect(java.util.stream.Collectors.toMap(Submission::studentId,
                    Function.identity()));
                List<Line> lines = found.getT2().stream().filter(entry -> read.assignment().isFor(entry.studentId()))
                    .map(entry -> line(entry, byStudent.get(entry.studentId()))).toList();
                return new ClassSubmissions(id, lines.size(), lines.stream().filter(line -> line.versions() > 0).count(), lines);
            })));
    }

    private static Line line(Rosters.Entry entry, @Nullable Submission submission) {
        if (submission == null) {
            return new Line(entry.number(), entry.studentId(), entry.fullName(), Standing.NOT_SUBMITTED, 0, null, false, null, null, false);
        }
        Submission.Version latest = java.util.Objects.requireNonNull(submission.latest());
        Submission.Grade grade = submission.grade();
        Standing standing = grade == null ? Standing.SUBMITTED : grade.returned() ? Standing.RETURNED : Standing.GRADED;
        return new Line(entry.number(), entry.studentId(), entry.fullName(), standing, submission.versionCount(), latest.submittedAt(),
            latest.late(), grade == null ? null : grade.score(), grade == null ? null : grade.rating(),
            grade != null && grade.version() == submission.versionCount());
    }

    @GetMapping("/api/v1/assignments/{id}/submissions/{studentId}/versions/{number}/files/{index}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String id, @PathVariable String studentId, @PathVariable int number,
            @PathVariable int index) {
        return Access.currentUser().flatMap(user -> submissions.of(user, id, studentId)).map(submission -> {
            if (number < 1 || number > submission.versions().size() || index < 1
                || index > submission.versions().get(number - 1).files().size()) {
                throw new LmsProblem(HttpStatus.NOT_FOUND, "submission-file-not-found");
            }
            PrivateFile file = submission.versions().get(number - 1).files().get(index - 1);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
                    .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").header("X-Content-Type-Options", "nosniff")
                .body(files.content(file, DefaultDataBufferFactory.sharedInstance));
        });
    }

    /**
     * The latest version of every student's work as one zip, written while it is sent: one folder
     * per student ("03 Nguyễn Văn An"), the text as bai-lam.txt, the files by their names. Nothing is
     * held whole in memory; the archive is written on a blocking scheduler, at the pace the client reads.
     */
    @GetMapping("/api/v1/assignments/{id}/submissions.zip")
    Mono<ResponseEntity<Flux<DataBuffer>>> zip(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> assignments.taught(user, id).flatMap(read -> Mono.zip(
                submissions.ofAssignment(user, id), rosters.of(read.assignment().classId()))
            .map(found -> {
                Map<String, Submission> byStudent = found.getT1().stream().collect(java.util.stream.Collectors.toMap(Submission::studentId,
                    Function.identity()));
                List<Folder> folders = found.getT2().stream().filter(entry -> byStudent.containsKey(entry.studentId()))
                    .map(entry -> new Folder(String.format("%02d %s", entry.number(), safeName(entry.fullName())),
                        java.util.Objects.requireNonNull(byStudent.get(entry.studentId()).latest())))
                    .toList();
                Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> write(folders, out),
                    DefaultDataBufferFactory.sharedInstance, archiving, ZIP_CHUNK));
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bai-nop-" + safeName(read.assignment().title()) + ".zip", StandardCharsets.UTF_8).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
            })));
    }

    private record Folder(String name, Submission.Version version) {
    }

    private void write(List<Folder> folders, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Folder folder : folders) {
                Set<String> names = new HashSet<>();
                if (folder.version().text() != null) {
                    zip.putNextEntry(new ZipEntry(folder.name() + "/bai-lam.txt"));
                    zip.write(java.util.Objects.requireNonNull(folder.version().text()).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    names.add("bai-lam.txt");
                }
                for (PrivateFile file : folder.version().files()) {
                    String name = safeName(file.fileName());
                    // Two files of the same name in one hand-in: the second gets its place in front.
                    String unique = names.add(name) ? name : names.size() + "-" + name;
                    names.add(unique);
                    zip.putNextEntry(new ZipEntry(folder.name() + "/" + unique));
                    files.copyBlocking(file, zip);
                    zip.closeEntry();
                }
            }
        } catch (Exception e) {
            // The client sees a cut-off download; the log says why.
            throw new IllegalStateException("Could not write the submissions archive", e);
        }
    }

    /** A name safe as one path segment of a zip: no separators, no parent references, no control characters. */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_");
        return cleaned.isEmpty() ? "_" : cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
    }

    @PutMapping("/api/v1/assignments/{id}/submissions/{studentId}/grade")
    Mono<SubmissionView> grade(@PathVariable String id, @PathVariable String studentId, @Valid @RequestBody GradeRequest request) {
        return Access.currentUser().flatMap(user -> submissions.grade(user, id, studentId, new Submissions.Grading(request.score(), request.rating(),
            request.rubricPoints() == null ? List.of() : request.rubricPoints(), request.comment()))).map(SubmissionView::of);
    }

    @PostMapping("/api/v1/assignments/{id}/submissions/{studentId}/return")
    Mono<SubmissionView> returnGrade(@PathVariable String id, @PathVariable String studentId) {
        return Access.currentUser().flatMap(user -> submissions.returnGrade(user, id, studentId)).map(SubmissionView::of);
    }

    /** Students hand in; the assignment's staff list, grade, return and download; a student or parent reads their own (checked per record). */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] writers = AssignmentController.Rules.WRITERS;
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/assignments/*/submissions").hasRole(Role.STUDENT.name())
                .pathMatchers(HttpMethod.GET, "/api/v1/assignments/*/submissions/mine").hasRole(Role.STUDENT.name())
                .pathMatchers(HttpMethod.GET, "/api/v1/assignments/*/submissions", "/api/v1/assignments/*/submissions.zip").hasAnyRole(writers)
                .pathMatchers(HttpMethod.GET, "/api/v1/assignments/*/submissions/*", "/api/v1/assignments/*/submissions/*/versions/*/files/*")
                .authenticated()
                .pathMatchers(HttpMethod.PUT, "/api/v1/assignments/*/submissions/*/grade").hasAnyRole(writers)
                .pathMatchers(HttpMethod.POST, "/api/v1/assignments/*/submissions/*/return").hasAnyRole(writers);
        }
    }
}
