package vn.edu.lms.api.classlist;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.classlist.file.ClassListCsv;
import vn.edu.lms.api.classlist.file.ClassListExportRow;
import vn.edu.lms.api.classlist.file.CredentialSheet;
import vn.edu.lms.api.classlist.file.CredentialSheets;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/** Class lists in (import with preview, apply, undo) and out (CSV, credential sheets). */
@RestController
class ClassListController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ClassListImports imports;
    private final Schools schools;
    private final SchoolAccess schoolAccess;
    private final Rosters rosters;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Scheduler files;

    ClassListController(ClassListImports imports, Schools schools, SchoolAccess schoolAccess, Rosters rosters, AccountDirectory accounts,
            AuditTrail audit, MessageSource messages, BlockingSchedulers schedulers) {
        this.schoolAccess = schoolAccess;
        this.imports = imports;
        this.schools = schools;
        this.rosters = rosters;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
        this.files = schedulers.files();
    }

    record ProblemView(int row, String column, String reason) {
    }

    record RowView(int row, String fullName, String className, ClassListImport.Action action, @Nullable String username) {
        @Override
        public String toString() {
            return "RowView[" + row + "]";
        }
    }

    record ClassCounts(int create, int enrol, int unchanged) {
    }

    record ImportView(String id, String schoolId, String yearId, @Nullable String classId, ClassListImport.State state,
            Instant createdAt, int rowCount, Map<String, ClassCounts> classes, List<ProblemView> problems, List<RowView> rows,
            @Nullable String failure) {
    }

    /**
     * Reads a class list (CSV in UTF-8 with or without BOM, or XLSX) and checks every row: nothing
     * is written. A school admin imports for the whole school (the file's "Lớp" column names each
     * row's class); a homeroom teacher imports into their own class ({@code classId}).
     */
    @PostMapping(path = "/api/v1/schools/{schoolId}/years/{startYear}/class-list-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ImportView>> preview(@PathVariable String schoolId, @PathVariable int startYear,
            @RequestParam(required = false) @Nullable String classId, @RequestPart("file") FilePart file, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> mayImport(user, schoolId, classId)
            .flatMap(onlyClass -> imports.preview(user.accountId(), schoolId, startYear, onlyClass.orElse(null), file.content()))
            .flatMap(preview -> audit.record(user.accountId(), "PREVIEW", "class-list-import", preview.id(), schoolId, exchange)
                .thenReturn(preview)))
            .map(preview -> ResponseEntity.created(URI.create("/api/v1/class-list-imports/" + preview.id()))
                .body(view(preview, locale(exchange))));
    }

    @GetMapping("/api/v1/class-list-imports/{importId}")
    Mono<ImportView> get(@PathVariable String importId, ServerWebExchange exchange) {
        return permitted(importId).map(found -> view(found, locale(exchange)));
    }

    /**
     * Applies a previewed import: every row or none. The request may be cut off; the import goes on,
     * and its state says how it ended.
     */
    @PostMapping("/api/v1/class-list-imports/{importId}/commit")
    Mono<ImportView> apply(@PathVariable String importId, ServerWebExchange exchange) {
        return permitted(importId)
            .flatMap(found -> Mono.fromFuture(imports.apply(found.id()).toFuture(), true))
            .flatMap(applied -> Access.currentUser()
                .flatMap(user -> audit.record(user.accountId(), "CREATE", "class-list-import", applied.id(), applied.schoolId(), exchange))
                .thenReturn(view(applied, locale(exchange))));
    }

    /** Undoes an applied import (refused once one of its students has set their own password), or drops a preview. */
    @DeleteMapping("/api/v1/class-list-imports/{importId}")
    Mono<ImportView> undo(@PathVariable String importId, ServerWebExchange exchange) {
        return permitted(importId)
            .flatMap(found -> imports.undo(found.id()))
            .flatMap(undone -> Access.currentUser()
                .flatMap(user -> audit.record(user.accountId(), "DELETE", "class-list-import", undone.id(), undone.schoolId(), exchange))
                .thenReturn(view(undone, locale(exchange))));
    }

    /** The class list as CSV (UTF-8 with BOM, opens in Excel), cells that a spreadsheet would run neutralised. */
    @GetMapping("/api/v1/classes/{classId}/students.csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String classId, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> schoolAccess.taughtOrAdministered(classId)
            .flatMap(c -> audit.record(user.accountId(), "EXPORT", "class-list", c.id(), c.schoolId(), exchange)
                .then(rosters.of(c.id()))
                .flatMap(entries -> Mono.fromCallable(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                        ClassListCsv.write(entries.stream().map(e -> new ClassListExportRow(e.number(), e.fullName(), e.dateOfBirth(),
                            e.gender() == vn.edu.lms.api.student.Student.Gender.MALE ? "Nam" : "Nữ", e.identifier(), e.username())).toList(),
                            writer);
                    }
                    return out.toByteArray();
                }).subscribeOn(files))
                .map(bytes -> attachment(bytes, CSV, "danh-sach-lop-" + c.name() + ".csv"))));
    }

    /**
     * The printable sheet of the class's usernames and first passwords. Printing it draws a new
     * one-time password for every student who has not yet chosen their own (no password is ever
     * stored readable), so an earlier sheet stops working for them.
     */
    @PostMapping("/api/v1/classes/{classId}/credential-sheet")
    Mono<ResponseEntity<byte[]>> credentialSheet(@PathVariable String classId, @RequestParam(defaultValue = "pdf") String format,
            ServerWebExchange exchange) {
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "unknown-format", format));
        }
        return Access.currentUser().flatMap(user -> schools.schoolClass(classId)
            .flatMap(c -> user.administers(c.schoolId()) || c.hasHomeroomTeacher(user.accountId())
                ? Mono.just(c) : Mono.error(Access.forbidden()))
            .flatMap(c -> rosters.of(c.id()).flatMap(entries -> accounts.issueOneTimePasswords(
                    entries.stream().map(Rosters.Entry::studentId).toList())
                .flatMap(passwords -> Mono.zip(schools.school(c.schoolId()), schools.year(c.yearId()))
                    .map(both -> new CredentialSheet(both.getT1().name(), c.name(), both.getT2().label(), entries.stream()
                        .map(e -> new CredentialSheet.Entry(e.fullName(), e.dateOfBirth(), e.username(), passwords.get(e.studentId())))
                        .toList()))))
                .flatMap(sheet -> audit.record(user.accountId(), "ISSUE_CREDENTIALS", "class-list", c.id(), c.schoolId(), exchange)
                    .then(render(sheet, format)))
                .map(bytes -> attachment(bytes, format.equals("pdf") ? MediaType.APPLICATION_PDF : XLSX,
                    "tai-khoan-lop-" + c.name() + "." + format))));
    }

    private Mono<byte[]> render(CredentialSheet sheet, String format) {
        return Mono.fromCallable(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format.equals("pdf")) {
                CredentialSheets.writePdf(sheet, out);
            } else {
                CredentialSheets.writeXlsx(sheet, out);
            }
            return out.toByteArray();
        }).subscribeOn(files);
    }

    private static ResponseEntity<byte[]> attachment(byte[] bytes, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(bytes);
    }

    /** A school admin imports for the school; a homeroom teacher only into their own class. */
    private Mono<java.util.Optional<SchoolClass>> mayImport(CurrentUser user, String schoolId, @Nullable String classId) {
        if (classId == null) {
            return user.administers(schoolId) ? Mono.just(java.util.Optional.empty()) : Mono.error(Access.forbidden());
        }
        return schools.schoolClass(classId).flatMap(c -> c.schoolId().equals(schoolId)
            && (user.administers(schoolId) || c.hasHomeroomTeacher(user.accountId()))
                ? Mono.just(java.util.Optional.of(c)) : Mono.error(Access.forbidden()));
    }

    /** The import, for the one who uploaded it while they may still import there, and for the school's admins. */
    private Mono<ClassListImport> permitted(String importId) {
        return Access.currentUser().flatMap(user -> imports.get(importId).flatMap(found -> user.administers(found.schoolId())
            ? Mono.just(found)
            : user.accountId().equals(found.uploadedBy()) && found.classId() != null
                ? schools.schoolClass(found.classId()).filter(c -> c.hasHomeroomTeacher(user.accountId()))
                    .map(c -> found).switchIfEmpty(Mono.error(Access.forbidden()))
                : Mono.error(Access.forbidden())));
    }

    private ImportView view(ClassListImport found, Locale locale) {
        Map<String, int[]> counts = new TreeMap<>();
        found.rows().forEach(row -> counts.computeIfAbsent(row.className(), name -> new int[3])[row.action().ordinal()]++);
        Map<String, ClassCounts> classes = new TreeMap<>();
        counts.forEach((name, c) -> classes.put(name, new ClassCounts(c[0], c[1], c[2])));
        return new ImportView(found.id(), found.schoolId(), found.yearId(), found.classId(), found.state(), found.createdAt(),
            found.rows().size(), classes,
            found.problems().stream().map(p -> new ProblemView(p.row(), p.column(),
                messages.getMessage("class-list.row." + p.code(), p.arguments().toArray(), p.code(), locale))).toList(),
            found.rows().stream().map(r -> new RowView(r.rowNumber(), r.fullName(), r.className(), r.action(), r.username())).toList(),
            found.failure() == null ? null : messages.getMessage("class-list.failure." + found.failure(), null, found.failure(), locale));
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.forLanguageTag("vi") : locale;
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] staff = { Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/schools/*/years/*/class-list-imports", "/api/v1/class-list-imports/*/commit",
                    "/api/v1/classes/*/credential-sheet").hasAnyRole(staff)
                .pathMatchers(HttpMethod.GET, "/api/v1/class-list-imports/*", "/api/v1/classes/*/students.csv").hasAnyRole(staff)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/class-list-imports/*").hasAnyRole(staff);
        }
    }
}
