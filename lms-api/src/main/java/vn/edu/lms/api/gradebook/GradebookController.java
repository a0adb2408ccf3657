package vn.edu.lms.api.gradebook;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.BlockingSchedulers;

/**
 * The gradebook: a class's book per subject and term ({@code /api/v1/classes/{classId}/gradebooks/{subject}?term=}),
 * its cells, columns, sources and record of changes ({@code /api/v1/gradebooks/{id}/…}), term locks,
 * a class's learning results and a student's own grades.
 */
@RestController
class GradebookController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Gradebooks gradebooks;
    private final GradebookReports reports;
    private final Schools schools;
    private final ConductRatings conduct;
    private final Scheduler files;

    GradebookController(Gradebooks gradebooks, GradebookReports reports, Schools schools, ConductRatings conduct, BlockingSchedulers schedulers) {
        this.gradebooks = gradebooks;
        this.reports = reports;
        this.schools = schools;
        this.conduct = conduct;
        this.files = schedulers.files();
    }

    /** A value for a cell: a score, or for a comment subject {@code achieved}; neither clears it. A correction needs a reason. */
    record CellRequest(@Nullable BigDecimal score, @Nullable Boolean achieved, @Nullable @Size(max = Gradebooks.MAX_REASON) String reason) {
    }

    record SourceRequest(@NotNull Gradebook.Origin kind, @NotBlank @Size(max = 64) String refId, @Nullable @Size(max = 64) String blockId) {
    }

    record ConductRequest(vn.edu.lms.api.gradebook.rules.Tt22LearningResult.@NotNull Level level) {
    }

    record UnlockRequest(@NotBlank @Size(max = Gradebooks.MAX_REASON) String reason) {
    }

    @GetMapping("/api/v1/classes/{classId}/gradebooks/{subjectCode}")
    Mono<BookView> book(@PathVariable String classId, @PathVariable String subjectCode, @RequestParam int term) {
        return Access.currentUser().flatMap(user -> reports.book(user, classId, subjectCode, term));
    }

    /** The book as XLSX, in the layout of the ministry's tracking book. */
    @GetMapping("/api/v1/classes/{classId}/gradebooks/{subjectCode}/export")
    Mono<ResponseEntity<byte[]>> export(@PathVariable String classId, @PathVariable String subjectCode, @RequestParam int term) {
        return Access.currentUser().flatMap(user -> gradebooks.book(user, classId, subjectCode, term))
            .flatMap(book -> Mono.zip(reports.view(book), schools.school(book.schoolId()), schools.year(book.yearId())))
            .flatMap(found -> Mono.fromCallable(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                GradebookSheet.write(found.getT1(), found.getT2().name(), found.getT3().label(), out);
                return out.toByteArray();
            }).subscribeOn(files).map(bytes -> ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("so-diem-lop-" + found.getT1().className() + "-"
                    + found.getT1().subjectCode() + "-hk" + term + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes)));
    }

    /** With {@code If-Match} (the row's tag for the column), a cell someone else changed in between is a 412, not overwritten. */
    @PutMapping("/api/v1/gradebooks/{id}/cells/{studentId}/{column}")
    Mono<BookView> enter(@PathVariable String id, @PathVariable String studentId, @PathVariable String column,
            @Valid @RequestBody CellRequest request, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return Access.currentUser().flatMap(user -> gradebooks.enter(user, id, studentId, column, request.score(), request.achieved(),
            request.reason(), ifMatch)).flatMap(reports::view);
    }

    @PostMapping("/api/v1/gradebooks/{id}/columns")
    Mono<BookView> addColumn(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> gradebooks.addColumn(user, id)).flatMap(reports::view);
    }

    @PutMapping("/api/v1/gradebooks/{id}/sources/{column}")
    Mono<BookView> mapSource(@PathVariable String id, @PathVariable String column, @Valid @RequestBody SourceRequest request) {
        return Access.currentUser().flatMap(user -> gradebooks.mapSource(user, id, column, request.kind(), request.refId(), request.blockId()))
            .flatMap(reports::view);
    }

    @DeleteMapping("/api/v1/gradebooks/{id}/sources/{column}")
    Mono<BookView> unmapSource(@PathVariable String id, @PathVariable String column) {
        return Access.currentUser().flatMap(user -> gradebooks.unmapSource(user, id, column)).flatMap(reports::view);
    }

    /** Takes scores in from released tests, returned assignments and counted quizzes; a hand-entered value is kept. */
    @PostMapping("/api/v1/gradebooks/{id}/sync")
    Mono<Gradebooks.Synced> sync(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> gradebooks.sync(user, id));
    }

    /** Every change of the book, newest first: who, when, old and new value, why. */
    @GetMapping("/api/v1/gradebooks/{id}/changes")
    Mono<List<Gradebook.Change>> changes(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> gradebooks.kept(user, id))
            .map(kept -> {
                List<Gradebook.Change> newestFirst = new java.util.ArrayList<>(kept.book().changes());
                java.util.Collections.reverse(newestFirst);
                return newestFirst;
            });
    }

    @PostMapping("/api/v1/schools/{schoolId}/years/{startYear}/terms/{term}/lock")
    Mono<ResponseEntity<Void>> lock(@PathVariable String schoolId, @PathVariable int startYear, @PathVariable int term, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> gradebooks.lockTerm(user, schoolId, startYear, term, exchange))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/schools/{schoolId}/years/{startYear}/terms/{term}/unlock")
    Mono<ResponseEntity<Void>> unlock(@PathVariable String schoolId, @PathVariable int startYear, @PathVariable int term,
            @Valid @RequestBody UnlockRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> gradebooks.unlockTerm(user, schoolId, startYear, term, request.reason(), exchange))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** The homeroom teacher's conduct rating (Tốt, Khá, Đạt, Chưa đạt) of a student for a term or the year. */
    @PutMapping("/api/v1/classes/{classId}/conduct/{studentId}")
    Mono<ResponseEntity<Void>> rateConduct(@PathVariable String classId, @PathVariable String studentId, @RequestParam ClassResults.Period period,
            @Valid @RequestBody ConductRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> conduct.rate(user, classId, studentId, period, request.level(), exchange))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/classes/{classId}/results")
    Mono<ClassResults> classResults(@PathVariable String classId, @RequestParam ClassResults.Period period) {
        return Access.currentUser().flatMap(user -> reports.classResults(user, classId, period));
    }

    /** A student's own grades; a parent reads their child's. */
    @GetMapping("/api/v1/students/{studentId}/grades")
    Mono<GradebookReports.StudentGrades> studentGrades(@PathVariable String studentId, @RequestParam ClassResults.Period period) {
        return Access.currentUser().flatMap(user -> reports.studentGrades(user, studentId, period));
    }

    /** A primary student's own assessments (Thông tư 27); a parent reads their child's. */
    @GetMapping("/api/v1/students/{studentId}/primary-grades")
    Mono<GradebookReports.PrimaryGrades> primaryGrades(@PathVariable String studentId) {
        return Access.currentUser().flatMap(user -> reports.primaryGrades(user, studentId));
    }

    /** The student's report card as PDF (phiếu báo kết quả học tập): for the student, their parents and their teachers. */
    @GetMapping("/api/v1/students/{studentId}/report-card")
    Mono<ResponseEntity<byte[]>> reportCard(@PathVariable String studentId, @RequestParam ClassResults.Period period) {
        return Access.currentUser().flatMap(user -> reports.reportCard(user, studentId, period))
            .flatMap(card -> Mono.fromCallable(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ReportCardPdf.write(card, out);
                return out.toByteArray();
            }).subscribeOn(files))
            .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("phieu-bao-ket-qua-" + period.name().toLowerCase(
                    java.util.Locale.ROOT) + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes));
    }

    /** Books are kept by the class's staff, terms locked by admins; a student's grades are read per record (checked in the service). */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] staff = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
            String[] admins = {Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/classes/*/gradebooks/*", "/api/v1/classes/*/gradebooks/*/export",
                    "/api/v1/gradebooks/*/changes", "/api/v1/classes/*/results").hasAnyRole(staff)
                .pathMatchers(HttpMethod.PUT, "/api/v1/gradebooks/*/cells/*/*", "/api/v1/gradebooks/*/sources/*", "/api/v1/classes/*/conduct/*")
                .hasAnyRole(staff)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/gradebooks/*/sources/*").hasAnyRole(staff)
                .pathMatchers(HttpMethod.POST, "/api/v1/gradebooks/*/columns", "/api/v1/gradebooks/*/sync").hasAnyRole(staff)
                .pathMatchers(HttpMethod.POST, "/api/v1/schools/*/years/*/terms/*/lock", "/api/v1/schools/*/years/*/terms/*/unlock")
                .hasAnyRole(admins)
                .pathMatchers(HttpMethod.GET, "/api/v1/students/*/grades", "/api/v1/students/*/report-card", "/api/v1/students/*/primary-grades")
                .authenticated();
        }
    }
}
