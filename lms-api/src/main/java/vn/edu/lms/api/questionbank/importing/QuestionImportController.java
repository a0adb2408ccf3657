package vn.edu.lms.api.questionbank.importing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionAccess;
import vn.edu.lms.api.questionbank.QuestionAssets;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Importing question files: {@code POST /api/v1/question-imports/preview} reads a file and reports
 * each question (nothing is stored); {@code POST /api/v1/question-imports} with the same file adds
 * every question, or nothing when any has a problem. And the images of questions.
 */
@RestController
class QuestionImportController {

    private final QuestionImports imports;
    private final QuestionAssets assets;
    private final MessageSource messages;

    QuestionImportController(QuestionImports imports, QuestionAssets assets, MessageSource messages) {
        this.imports = imports;
        this.assets = assets;
        this.messages = messages;
    }

    record WordedProblem(String code, String message) {
    }

    /** One question of the file, with its content as it would be stored (sanitized), for the per-question preview. */
    record RowView(int number, String label, @Nullable String type, @Nullable String topic, @Nullable String level, boolean alreadyThere,
            List<WordedProblem> problems, @Nullable String questionId, @Nullable QuestionContent content) {
    }

    record ReportView(boolean clean, int questions, int added, int alreadyThere, List<WordedProblem> fileProblems, List<RowView> rows) {
    }

    @PostMapping(path = "/api/v1/question-imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ReportView> preview(@RequestParam String format, @RequestParam(required = false) @Nullable String schoolId,
            @RequestParam String subjectCode, @RequestParam @Min(1) @Max(9) int grade, @RequestParam String topic,
            @RequestParam(defaultValue = "BIET") CognitiveLevel level, @RequestPart("file") FilePart file, ServerWebExchange exchange) {
        ImportDefaults defaults = new ImportDefaults(subjectCode, grade, topic, level);
        return Access.currentUser().flatMap(user -> bytes(file).flatMap(bytes -> imports.preview(user, school(user, schoolId), format, bytes,
            defaults))).map(report -> view(report, Wording.locale(exchange)));
    }

    @PostMapping(path = "/api/v1/question-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ReportView>> importAll(@RequestParam String format, @RequestParam(required = false) @Nullable String schoolId,
            @RequestParam String subjectCode, @RequestParam @Min(1) @Max(9) int grade, @RequestParam String topic,
            @RequestParam(defaultValue = "BIET") CognitiveLevel level, @RequestPart("file") FilePart file, ServerWebExchange exchange) {
        ImportDefaults defaults = new ImportDefaults(subjectCode, grade, topic, level);
        return Access.currentUser().flatMap(user -> bytes(file).flatMap(bytes -> imports.importAll(user, school(user, schoolId), format,
                bytes, defaults)))
            .map(report -> ResponseEntity.status(HttpStatus.CREATED).body(view(report, Wording.locale(exchange))))
            .onErrorMap(QuestionImports.ImportRefused.class, refused -> {
                refused.getBody().setProperty("report", view(refused.report(), Wording.locale(exchange)));
                return refused;
            });
    }

    record StoredAsset(String id, String src) {
    }

    /**
     * An image for the question editor (PNG, JPEG, GIF or WebP, by its bytes, at most 5 MB): its id,
     * and the {@code src} to write in the question's rich text.
     */
    @PostMapping(path = "/api/v1/question-assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<StoredAsset>> storeAsset(@RequestPart("file") FilePart file) {
        return Access.require(user -> user.has(Role.TEACHER) || user.has(Role.SCHOOL_ADMIN))
            .then(DataBufferUtils.join(file.content(), QuestionAssets.MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new LmsProblem(HttpStatus.PAYLOAD_TOO_LARGE, "question-asset-too-large",
                    QuestionAssets.MAX_BYTES / (1024 * 1024))))
            .map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            })
            .flatMap(bytes -> {
                String mediaType = QuestionAssets.mediaTypeOf(bytes);
                return mediaType == null ? Mono.error(new LmsProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "question-asset-type"))
                    : assets.store(bytes, mediaType);
            })
            .map(id -> ResponseEntity.status(HttpStatus.CREATED).body(new StoredAsset(id, "asset:" + id)));
    }

    /** An image of a question, by its content-store id. */
    @GetMapping("/api/v1/question-assets/{id}")
    Mono<ResponseEntity<byte[]>> asset(@PathVariable String id) {
        return Access.require(QuestionAccess::usesTheBank).then(assets.read(id)).map(asset -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(asset.mediaType()))
            // Named by its content, an image never changes.
            .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; sandbox")
            .body(asset.bytes()));
    }

    private static Mono<byte[]> bytes(FilePart file) {
        return DataBufferUtils.join(file.content(), QuestionImports.MAX_BYTES).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).onErrorMap(DataBufferLimitException.class,
            tooLarge -> new LmsProblem(HttpStatus.PAYLOAD_TOO_LARGE, "question-import-too-large", QuestionImports.MAX_BYTES / (1024 * 1024)));
    }

    private static String school(vn.edu.lms.api.security.CurrentUser user, @Nullable String schoolId) {
        return schoolId != null ? schoolId : QuestionAccess.onlySchool(user);
    }

    private ReportView view(QuestionImports.Report report, Locale locale) {
        List<RowView> rows = report.questions().stream().map(row -> new RowView(row.number(), row.label(), row.type(), row.topic(), row.level(),
            row.alreadyThere(), worded(row.problems(), locale), row.questionId(), row.content())).toList();
        return new ReportView(report.clean(), rows.size(), report.added(), report.alreadyThere(), worded(report.fileProblems(), locale), rows);
    }

    private List<WordedProblem> worded(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(problem -> new WordedProblem(problem.code(),
            Wording.message(messages, problem.code(), problem.args(), locale))).toList();
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/question-imports/preview", "/api/v1/question-imports")
                .hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/v1/question-assets").hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/api/v1/question-assets/*")
                .hasAnyRole(Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
