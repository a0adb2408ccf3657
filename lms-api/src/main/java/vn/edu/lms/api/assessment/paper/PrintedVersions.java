package vn.edu.lms.api.assessment.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.Response;

/**
 * The lettered versions (mã đề) of a test printed as one PDF, for a test taken on paper: each version
 * from a new page with its heading, then its questions in the parts of the 2025 format; after all
 * versions, the answer key (ĐÁP ÁN), a table per version.
 *
 * <p>The parts come in a fixed order and are numbered I, II, … among those the paper has: single
 * choice, true/false groups, short answers (number or text), the types the 2025 format has no part
 * for (multiple response, matching, ordering, cloze), essays last. Within a part the questions keep
 * the paper's order; "Câu 1." numbers them through the version as printed, which is the paper's own
 * numbering when the paper lists its questions part by part.
 *
 * <p>Options, ordering items and matching responses are printed in the order the paper shows them,
 * lettered by their place (A., B., C., D.), so the same question has different letters in different
 * versions; the answer key speaks of the printed letters. Rich text is printed as plain text
 * ({@link PrintText}: LaTeX as its source); an image is drawn when its bytes are in {@code images},
 * else "[hình]" stands in its place. Nothing a student should not see (keys, accepted answers,
 * grading guidance) is printed before the answer key, which holds no essay guidance either.
 */
public final class PrintedVersions {

    private static final float SIZE = 12;
    private static final float KEY_SIZE = 11;
    private static final float INDENT = 18;
    private static final String PICTURE_MISSING = "[hình]";
    private static final String GAP_LINE = "……………";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** One version of the test: its code ("101", "102", …) and its paper. */
    public record Version(String code, Paper paper) {
    }

    /**
     * What heads every version.
     *
     * @param title  as the school names the test: "Kiểm tra giữa kỳ I – Toán 7"
     */
    public record Heading(String schoolName, String title, String subjectName, int grade, int durationMinutes) {
    }

    /** The parts of a printed paper, in the order printed. */
    enum Part {
        CHOICE("Câu trắc nghiệm nhiều phương án lựa chọn", "Mỗi câu hỏi thí sinh chỉ chọn một phương án."),
        TRUE_FALSE("Câu trắc nghiệm đúng sai", "Trong mỗi ý a), b), c), d) ở mỗi câu, thí sinh chọn đúng hoặc sai."),
        SHORT_ANSWER("Câu trắc nghiệm trả lời ngắn", ""),
        OTHER("Các câu hỏi khác", ""),
        ESSAY("Tự luận", "");

        private static final String[] NUMERALS = {"I", "II", "III", "IV", "V"};

        final String title;
        final String instruction;

        Part(String title, String instruction) {
            this.title = title;
            this.instruction = instruction;
        }

        static Part of(QuestionType type) {
            return switch (type) {
                case SINGLE_CHOICE -> CHOICE;
                case TRUE_FALSE_GROUP -> TRUE_FALSE;
                case SHORT_NUMBER, SHORT_TEXT -> SHORT_ANSWER;
                case ESSAY -> ESSAY;
                case MULTIPLE_RESPONSE, MATCHING, ORDERING, CLOZE -> OTHER;
            };
        }

        static String numeral(int index) {
            return NUMERALS[index];
        }
    }

    /** A question as printed in one version: its printed number, what is shown, and its paper item (for the key). */
    record Printed(int number, Part part, ShownItem shown, Paper.Item item) {
    }

    private final Heading heading;
    private final Map<String, byte[]> images;
    private final PrintLayout layout;
    private final PDDocument document;
    /** One image object per asset, however many versions show it. */
    private final Map<String, @Nullable PDImageXObject> pictures = new HashMap<>();

    private PrintedVersions(Heading heading, Map<String, byte[]> images, PDDocument document) throws IOException {
        this.heading = heading;
        this.images = images;
        this.document = document;
        this.layout = new PrintLayout(document);
    }

    /**
     * Writes the versions, then their answer keys, as one PDF.
     *
     * @param images  the bytes (PNG or JPEG) of the images the questions show, by asset id
     */
    public static void write(Heading heading, List<Version> versions, Map<String, byte[]> images, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(heading.title());
            info.setSubject(heading.subjectName() + " – Lớp " + heading.grade());
            PrintedVersions printed = new PrintedVersions(heading, images, document);
            List<List<Printed>> papers = versions.stream().map(version -> printed(version.paper())).toList();
            for (int i = 0; i < versions.size(); i++) {
                printed.version(versions.get(i).code(), papers.get(i));
            }
            printed.answerKeys(versions, papers);
            printed.layout.finish();
            document.save(out);
        }
    }

    /** The paper's questions in the order printed, part by part, numbered as printed. */
    static List<Printed> printed(Paper paper) {
        List<Paper.Item> ordered = paper.items().stream().sorted(Comparator.comparing((Paper.Item item) -> Part.of(item.content().type()))
            .thenComparing(Paper.Item::number)).toList();
        List<Printed> printed = new ArrayList<>();
        for (Paper.Item item : ordered) {
            printed.add(new Printed(printed.size() + 1, Part.of(item.content().type()), ShownItem.of(item), item));
        }
        return printed;
    }

    private void version(String code, List<Printed> questions) throws IOException {
        String versionLabel = "Mã đề " + code;
        layout.newPage(versionLabel);
        layout.centred(heading.schoolName().toUpperCase(VIETNAMESE), layout.bold, SIZE);
        layout.space(4);
        layout.centred(heading.title(), layout.bold, 14);
        layout.centred("Môn: " + heading.subjectName() + " – Lớp " + heading.grade(), layout.regular, SIZE);
        layout.centred("Thời gian làm bài: " + heading.durationMinutes() + " phút (không kể thời gian phát đề)", layout.italic, SIZE);
        layout.space(6);
        layout.sides(new PrintLayout.Run("", layout.regular), new PrintLayout.Run(versionLabel, layout.bold), 13);
        layout.space(4);
        layout.sides(new PrintLayout.Run("Họ và tên: ………………………………………………………", layout.regular),
            new PrintLayout.Run("Số báo danh: ……………………", layout.regular), SIZE);
        layout.rule();

        Map<Part, List<Printed>> parts = new EnumMap<>(Part.class);
        questions.forEach(question -> parts.computeIfAbsent(question.part(), part -> new ArrayList<>()).add(question));
        int numeral = 0;
        for (Map.Entry<Part, List<Printed>> part : parts.entrySet()) {
            partHeading(Part.numeral(numeral++), part.getKey(), part.getValue());
            for (Printed question : part.getValue()) {
                question(question);
            }
        }
        layout.space(SIZE);
        layout.centred("------ HẾT ------", layout.bold, SIZE);
    }

    private void partHeading(String numeral, Part part, List<Printed> questions) throws IOException {
        int first = questions.get(0).number();
        int last = questions.get(questions.size() - 1).number();
        String range = first == last ? "Thí sinh trả lời câu " + first + "." : "Thí sinh trả lời từ câu " + first + " đến câu " + last + ".";
        layout.keep(5 * PrintLayout.leading(SIZE));
        layout.space(6);
        layout.paragraph(SIZE, PrintLayout.LEFT, PrintLayout.LEFT, new PrintLayout.Run("PHẦN " + numeral + ". " + part.title + ".", layout.bold),
            new PrintLayout.Run(range + (part.instruction.isEmpty() ? "" : " " + part.instruction), layout.regular));
    }

    private void question(Printed question) throws IOException {
        ShownItem shown = question.shown();
        layout.keep(3 * PrintLayout.leading(SIZE));
        layout.space(3);
        String label = "Câu " + question.number() + (question.part() == Part.ESSAY ? " (" + points(shown.points()) + " điểm)." : ".");
        richText(label, shown.stem(), PrintLayout.LEFT, false);
        switch (shown.type()) {
            case SINGLE_CHOICE, MULTIPLE_RESPONSE, ORDERING -> {
                if (shown.multiple()) {
                    layout.paragraph(SIZE, PrintLayout.LEFT, PrintLayout.LEFT, new PrintLayout.Run("(Chọn tất cả các phương án đúng.)", layout.italic));
                }
                List<Choice> options = shown.options();
                for (int i = 0; i < options.size(); i++) {
                    richText(letter(i) + ".", options.get(i).content(), PrintLayout.LEFT + INDENT, true);
                }
            }
            case TRUE_FALSE_GROUP -> {
                List<Choice> statements = shown.statements();
                for (int i = 0; i < statements.size(); i++) {
                    richText(Character.toString('a' + i) + ")", statements.get(i).content(), PrintLayout.LEFT + INDENT, true);
                }
            }
            case MATCHING -> {
                layout.paragraph(SIZE, PrintLayout.LEFT, PrintLayout.LEFT, new PrintLayout.Run("Cột A:", layout.italic));
                for (int i = 0; i < shown.premises().size(); i++) {
                    richText((i + 1) + ".", shown.premises().get(i).content(), PrintLayout.LEFT + INDENT, true);
                }
                layout.paragraph(SIZE, PrintLayout.LEFT, PrintLayout.LEFT, new PrintLayout.Run("Cột B:", layout.italic));
                for (int i = 0; i < shown.responses().size(); i++) {
                    richText(Character.toString('a' + i) + ")", shown.responses().get(i).content(), PrintLayout.LEFT + INDENT, true);
                }
            }
            case CLOZE -> clozeText(shown.clozeText() == null ? "" : shown.clozeText());
            case SHORT_NUMBER, SHORT_TEXT, ESSAY -> {
            }
        }
    }

    /**
     * Rich text after a bold {@code label} starting at {@code x}: with {@code hanging}, its other lines
     * and images stand under the text, past the label, as options do; else they go back to {@code x}.
     */
    private void richText(String label, String html, float x, boolean hanging) throws IOException {
        PrintLayout.Run labelRun = new PrintLayout.Run(label, layout.bold);
        float wrapX = hanging ? x + layout.width(new PrintLayout.Run(label + " ", layout.bold), SIZE) : x;
        boolean labelled = false;
        for (PrintText.Piece piece : PrintText.of(html, layout::drawable)) {
            if (piece instanceof PrintText.Words words) {
                if (labelled) {
                    layout.paragraph(SIZE, wrapX, wrapX, new PrintLayout.Run(words.text(), layout.regular));
                } else {
                    layout.paragraph(SIZE, x, wrapX, labelRun, new PrintLayout.Run(words.text(), layout.regular));
                }
            } else if (piece instanceof PrintText.Picture picture) {
                if (!labelled) {
                    layout.paragraph(SIZE, x, wrapX, labelRun);
                }
                picture(picture.assetId(), wrapX);
            }
            labelled = true;
        }
        if (!labelled) {
            layout.paragraph(SIZE, x, wrapX, labelRun);
        }
    }

    /** A cloze text with each gap as its key and a line to write on: "(1) ……………". */
    private void clozeText(String html) throws IOException {
        for (PrintText.Piece piece : PrintText.of(html, layout::drawable)) {
            if (piece instanceof PrintText.Words words) {
                StringBuilder text = new StringBuilder();
                int written = 0;
                for (MatchResult gap : QuestionContent.Cloze.gapsIn(words.text())) {
                    text.append(words.text(), written, gap.start()).append('(').append(gap.group(1)).append(") ").append(GAP_LINE);
                    written = gap.end();
                }
                text.append(words.text().substring(written));
                layout.paragraph(SIZE, PrintLayout.LEFT + INDENT, PrintLayout.LEFT + INDENT, new PrintLayout.Run(text.toString(), layout.regular));
            } else if (piece instanceof PrintText.Picture picture) {
                picture(picture.assetId(), PrintLayout.LEFT + INDENT);
            }
        }
    }

    private void picture(@Nullable String assetId, float x) throws IOException {
        PDImageXObject image = assetId == null ? null : pictures.computeIfAbsent(assetId, this::imageOf);
        if (image == null) {
            layout.paragraph(SIZE, x, x, new PrintLayout.Run(PICTURE_MISSING, layout.italic));
        } else {
            layout.image(image, x);
        }
    }

    /** The asset's image, or null when its bytes were not given or are no image PDFBox reads. */
    private @Nullable PDImageXObject imageOf(String assetId) {
        byte[] bytes = images.get(assetId);
        if (bytes == null) {
            return null;
        }
        try {
            return PDImageXObject.createFromByteArray(document, bytes, assetId);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private void answerKeys(List<Version> versions, List<List<Printed>> papers) throws IOException {
        layout.newPage("Đáp án");
        layout.centred("ĐÁP ÁN", layout.bold, 14);
        layout.centred(heading.title(), layout.regular, SIZE);
        for (int i = 0; i < versions.size(); i++) {
            layout.keep(4 * PrintLayout.leading(KEY_SIZE) + 20);
            layout.space(10);
            layout.paragraph(SIZE, PrintLayout.LEFT, PrintLayout.LEFT, new PrintLayout.Run("Mã đề " + versions.get(i).code(), layout.bold));
            layout.space(2);
            layout.row("Câu", "Đáp án", 60, KEY_SIZE, true);
            for (Printed question : papers.get(i)) {
                layout.row(Integer.toString(question.number()), answer(question), 60, KEY_SIZE, false);
            }
        }
    }

    /** The answer to a printed question as the version prints it: options by their printed letters. */
    static String answer(Printed question) {
        QuestionContent content = question.item().content();
        ShownItem shown = question.shown();
        // In the labels shown, which are the printed letters: A, B, C by place.
        Response key = ShownKeys.toShown(question.item(), AnswerKey.of(content));
        if (content instanceof QuestionContent.SingleChoice || content instanceof QuestionContent.MultipleResponse
            || content instanceof QuestionContent.Ordering) {
            // Ordering: the printed letters in the right order; choices: the right letters, as printed.
            List<String> letters = key.selected().stream().map(selected -> letter(indexOf(shown.options(), selected))).toList();
            return String.join(", ", content instanceof QuestionContent.Ordering ? letters : letters.stream().sorted().toList());
        }
        if (content instanceof QuestionContent.TrueFalseGroup) {
            return String.join(" ", shown.statements().stream().map(statement -> "true".equals(key.entries().get(statement.key())) ? "Đ" : "S")
                .toList());
        }
        if (content instanceof QuestionContent.ShortNumber number) {
            return AnswerKey.written(number.value());
        }
        if (content instanceof QuestionContent.ShortText text) {
            return String.join(" / ", text.accepted());
        }
        if (content instanceof QuestionContent.Matching) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < shown.premises().size(); i++) {
                String response = key.entries().get(shown.premises().get(i).key());
                pairs.add((i + 1) + "–" + (response == null ? "?" : Character.toString('a' + indexOf(shown.responses(), response))));
            }
            return String.join("; ", pairs);
        }
        if (content instanceof QuestionContent.Cloze cloze) {
            return String.join("; ", cloze.gaps().stream().map(gap -> "(" + gap.key() + ") " + String.join(" / ", gap.accepted())).toList());
        }
        return "tự luận";
    }

    private static int indexOf(List<Choice> choices, String key) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No choice " + key);
    }

    /** A, B, C, … by place. */
    static String letter(int index) {
        return Character.toString('A' + index);
    }

    /** Points as Vietnamese write them: "0,5", "1". */
    private static String points(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
