package vn.edu.lms.api.questionbank.importing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.Question;
import vn.edu.lms.api.questionbank.QuestionAccess;
import vn.edu.lms.api.questionbank.QuestionAssets;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.importing.qti.QtiExport;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.BlockingSchedulers;

/**
 * The questions a teacher may see, chosen as in the bank's list, as a QTI content package:
 * {@code GET /api/v1/question-exports?version=QTI_3_0&subjectCode=toan&grade=7}.
 */
@RestController
class QuestionExportController {

    /** Most questions in one package. */
    static final int MAX_QUESTIONS = 1_000;

    private final QuestionBank bank;
    private final QuestionAssets assets;
    private final Scheduler files;

    QuestionExportController(QuestionBank bank, QuestionAssets assets, BlockingSchedulers schedulers) {
        this.bank = bank;
        this.assets = assets;
        this.files = schedulers.files();
    }

    @GetMapping("/api/v1/question-exports")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "QTI_3_0") QtiExport.Version version,
            @RequestParam(required = false) @Nullable String subjectCode, @RequestParam(required = false) @Nullable Integer grade,
            @RequestParam(required = false) @Nullable String topic, @RequestParam(required = false) @Nullable CognitiveLevel level,
            @RequestParam(required = false) @Nullable QuestionType type, @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) QuestionBank.@Nullable Scope scope, @RequestParam(required = false) @Nullable String schoolId) {
        QuestionBank.Filter filter = new QuestionBank.Filter(subjectCode, grade, topic, level, type, tag, scope, schoolId);
        return Access.require(QuestionAccess::usesTheBank)
            .flatMap(user -> bank.list(user, filter, 0, MAX_QUESTIONS))
            .flatMap(page -> images(page.questions()).map(images -> page.questions().stream()
                .map(q -> new QtiExport.Item(q.id(), q.topic(), q.content(), imagesOf(q, images))).toList()))
            .flatMap(items -> Mono.fromCallable(() -> new QtiExport().packageOf(items, version)).subscribeOn(files))
            .map(zip -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", ContentDisposition.attachment().filename("cau-hoi-" + version.name().toLowerCase() + ".zip")
                    .build().toString())
                .body(zip));
    }

    private Mono<Map<String, byte[]>> images(List<Question> questions) {
        Set<String> ids = new LinkedHashSet<>();
        questions.forEach(question -> ids.addAll(QuestionAssets.idsIn(question.content())));
        return assets.readAll(ids);
    }

    private static Map<String, byte[]> imagesOf(Question question, Map<String, byte[]> images) {
        Map<String, byte[]> own = new HashMap<>();
        QuestionAssets.idsIn(question.content()).stream().filter(images::containsKey).forEach(id -> own.put(id, images.get(id)));
        return own;
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/question-exports")
                .hasAnyRole(Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
