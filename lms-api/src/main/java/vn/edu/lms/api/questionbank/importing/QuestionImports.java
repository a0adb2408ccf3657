package vn.edu.lms.api.questionbank.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.questionbank.ContentProblem;
import vn.edu.lms.api.questionbank.Question;
import vn.edu.lms.api.questionbank.QuestionAccess;
import vn.edu.lms.api.questionbank.QuestionAssets;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Importing a question file: read it (on the file scheduler: the formats parse XML, zips and Word
 * documents), check every question as the editor would, and either report (preview) or add all of
 * it. A file with any problem adds nothing. Adding is question by question (no transaction across
 * documents), but each question and image is keyed by its content, so importing the same file again,
 * after an interruption or by mistake, adds only what is missing.
 */
@Service
public class QuestionImports {

    /** Largest file taken. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    /** Most questions in one file. */
    public static final int MAX_QUESTIONS = 2_000;

    private final Map<String, QuestionFormat> formats;
    private final QuestionBank bank;
    private final QuestionAssets assets;
    private final Scheduler files;

    QuestionImports(ObjectProvider<QuestionFormat> formats, QuestionBank bank, QuestionAssets assets, BlockingSchedulers schedulers) {
        this.formats = formats.orderedStream().collect(Collectors.toMap(QuestionFormat::name, format -> format, (a, b) -> a, LinkedHashMap::new));
        this.bank = bank;
        this.assets = assets;
        this.files = schedulers.files();
    }

    public Set<String> formats() {
        return formats.keySet();
    }

    /** What the teacher sees before importing: each question with its type and problems, and whether it is already in the bank. */
    public record Report(List<Row> questions, List<ImportProblem> fileProblems, int added, int alreadyThere) {

        public boolean clean() {
            return fileProblems.isEmpty() && questions.stream().allMatch(row -> row.problems().isEmpty());
        }
    }

    /**
     * One question of the file; {@code questionId} once imported; {@code content} as it would be
     * stored (rich text sanitized), for the page's per-question preview.
     */
    public record Row(int number, String label, @Nullable String type, @Nullable String topic, @Nullable String level, boolean alreadyThere,
            List<ImportProblem> problems, @Nullable String questionId, @Nullable QuestionContent content) {
    }

    public Mono<Report> preview(CurrentUser user, String schoolId, String format, byte[] file, ImportDefaults defaults) {
        return read(user, schoolId, format, file, defaults).flatMap(parsed -> check(schoolId, parsed));
    }

    /** Adds every question of the file, or nothing when any has a problem (answered as a 400 with the report). */
    public Mono<Report> importAll(CurrentUser user, String schoolId, String format, byte[] file, ImportDefaults defaults) {
        return read(user, schoolId, format, file, defaults).flatMap(parsed -> check(schoolId, parsed).flatMap(report -> {
            if (!report.clean()) {
                return Mono.error(new ImportRefused(report));
            }
            return storeImages(parsed).flatMap(ids -> Flux.fromIterable(parsed.questions())
                .concatMap(question -> bank.importChecked(user.accountId(), schoolId, withAssets(question.draft(), ids))
                    .map(added -> Map.entry(question.number(), added)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .map(added -> new Report(report.questions().stream().map(row -> new Row(row.number(), row.label(), row.type(), row.topic(),
                    row.level(), row.alreadyThere(), row.problems(), added.get(row.number()).id(), row.content())).toList(), List.of(),
                    (int) report.questions().stream().filter(row -> !row.alreadyThere()).count(), report.alreadyThere()));
        }));
    }

    private Mono<ParsedFile> read(CurrentUser user, String schoolId, String formatName, byte[] file, ImportDefaults defaults) {
        if (!QuestionAccess.mayWriteAt(user, schoolId)) {
            return Mono.error(Access.forbidden());
        }
        QuestionFormat format = formats.get(formatName);
        if (format == null) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "question-import-format", String.join(", ", formats.keySet())));
        }
        return Mono.fromCallable(() -> format.read(file, defaults)).subscribeOn(files).map(parsed -> parsed.questions().size() > MAX_QUESTIONS
            ? new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.too-many-questions", MAX_QUESTIONS))) : parsed);
    }

    /** Each question checked as the editor checks it; its images looked for; duplicates in the bank noted. */
    private Mono<Report> check(String schoolId, ParsedFile parsed) {
        List<ImportProblem> fileProblems = new ArrayList<>(parsed.fileProblems());
        if (parsed.questions().isEmpty() && fileProblems.isEmpty()) {
            fileProblems.add(new ImportProblem("import.empty-file"));
        }
        List<Row> rows = new ArrayList<>();
        Map<Integer, String> fingerprints = new LinkedHashMap<>();
        for (ParsedQuestion question : parsed.questions()) {
            List<ImportProblem> problems = new ArrayList<>(question.problems());
            QuestionDraft draft = question.draft();
            QuestionContent shown = null;
            if (draft != null) {
                problems.addAll(imageProblems(draft, parsed.images()));
                QuestionBank.Checked checked = bank.check(withAssets(draft, placeholderIds(parsed.images())));
                for (ContentProblem problem : checked.problems()) {
                    problems.add(new ImportProblem(problem.code(), problem.args()));
                }
                fingerprints.put(question.number(), bank.fingerprint(checked.draft()));
                shown = checked.draft().content();
            }
            rows.add(new Row(question.number(), question.label(), draft == null ? null : draft.content().type().name(),
                draft == null ? null : draft.topic(), draft == null ? null : draft.level().name(), false, problems, null, shown));
        }
        return bank.existingFingerprints(schoolId, fingerprints.values()).map(existing -> {
            List<Row> marked = rows.stream().map(row -> existing.contains(fingerprints.get(row.number()))
                ? new Row(row.number(), row.label(), row.type(), row.topic(), row.level(), true, row.problems(), null, row.content()) : row).toList();
            int already = (int) marked.stream().filter(Row::alreadyThere).count();
            return new Report(marked, fileProblems, 0, already);
        });
    }

    private static List<ImportProblem> imageProblems(QuestionDraft draft, Map<String, ImportedImage> images) {
        List<ImportProblem> problems = new ArrayList<>();
        for (String name : ImageReferences.in(draft.content())) {
            ImportedImage image = images.get(name);
            if (image == null) {
                problems.add(new ImportProblem("import.image-missing", name));
            } else if (!QuestionAssets.supported(image.mediaType())) {
                problems.add(new ImportProblem("import.unsupported-image", name));
            } else if (image.bytes().length > QuestionAssets.MAX_BYTES) {
                problems.add(new ImportProblem("import.image-too-large", name, QuestionAssets.MAX_BYTES / (1024 * 1024)));
            }
        }
        return problems;
    }

    /** The ids images will have once stored (their content's hash), so that a preview fingerprints as the import will. */
    private static Map<String, String> placeholderIds(Map<String, ImportedImage> images) {
        Map<String, String> ids = new LinkedHashMap<>();
        images.values().stream().filter(image -> QuestionAssets.supported(image.mediaType()))
            .forEach(image -> ids.put(image.name(), QuestionAssets.idOf(image.bytes(), image.mediaType())));
        return ids;
    }

    private Mono<Map<String, String>> storeImages(ParsedFile parsed) {
        return Flux.fromIterable(parsed.images().values())
            .concatMap(image -> assets.store(image.bytes(), image.mediaType()).map(id -> Map.entry(image.name(), id)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static QuestionDraft withAssets(@Nullable QuestionDraft draft, Map<String, String> ids) {
        if (draft == null) {
            throw new IllegalStateException("a clean file has a draft for every question");
        }
        return new QuestionDraft(draft.subjectCode(), draft.grade(), draft.topic(), draft.level(), draft.tags(),
            draft.content().withText(text -> ImageReferences.replace(text, ids)));
    }

    /** A refused import: a 400 whose body carries the report. */
    public static class ImportRefused extends LmsProblem {

        private static final long serialVersionUID = 1L;

        private final transient Report report;

        ImportRefused(Report report) {
            super(HttpStatus.BAD_REQUEST, "question-import-has-problems");
            this.report = report;
        }

        public Report report() {
            return report;
        }
    }
}
