package vn.edu.lms.api.questionbank.importing.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.bold;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.fraction;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.italic;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.picture;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.red;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.superscript;
import static vn.edu.lms.api.questionbank.importing.docx.WordFile.underlined;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class DocxFormatTests {

    private static final String SAMPLE = "questionbank/import/docx-kiem-tra-giua-ky-toan-7.docx";
    private static final ImportDefaults DEFAULTS = new ImportDefaults("TOAN", 7, "Số hữu tỉ", CognitiveLevel.HIEU);

    private final DocxFormat format = new DocxFormat();

    /** A mid-term test of the 2025 format: four parts, keys marked in four ways and a key table. */
    static WordFile midTermTest() {
        return new WordFile()
            .line(bold("TRƯỜNG THCS NGUYỄN DU"))
            .line(bold("ĐỀ KIỂM TRA GIỮA HỌC KÌ I – MÔN TOÁN 7"), "\tThời gian làm bài: 90 phút")
            .line(bold("PHẦN I. Câu trắc nghiệm nhiều phương án lựa chọn."), " Thí sinh trả lời từ câu 1 đến câu 4.")
            .line(bold("Câu 1."), " (NB) Số nào sau đây là số hữu tỉ âm?")
            .line("A. 0,5")
            .line(underlined("B."), " −3/4")
            .line("C. 2")
            .line("D. 7")
            .line(bold("Câu 2."), " [Thông hiểu] Kết quả của phép tính 2", superscript("3"), " là")
            .line("A. 5")
            .line("B. 6")
            .line(bold("C."), " 8")
            .line("D. 9")
            .line(bold("Câu 3:"), " Giá trị của |−5| là")
            .line("A. −5")
            .line("B. 0")
            .line("C. 1/5")
            .line("D. ", red("5"))
            .line(bold("Câu 4 ."), " Tìm x biết x + 1 = 3. (VD)")
            .line("A. 1\t", underlined("B. 2"), "\tC. 3\tD. 4")
            .line(bold("PHẦN II. Câu trắc nghiệm đúng sai."))
            .line(bold("Câu 1."), " Cho tam giác ABC vuông tại A có ", italic("AB = 3 cm"), ", AC = 4 cm.")
            .line("a) ", underlined("Góc B và góc C là hai góc phụ nhau."))
            .line("b) Cạnh BC là cạnh ngắn nhất.")
            .line(underlined("c)"), " BC = 5 cm.")
            .line("d) Tam giác ABC là tam giác cân.")
            .line(bold("PHẦN III. Câu trắc nghiệm trả lời ngắn."))
            .line(bold("Câu 1."), " Tìm x biết 2x + 3 = 0.")
            .line(bold("Câu 2."), " Tam giác có ba cạnh bằng nhau gọi là tam giác gì?")
            .line(bold("PHẦN IV. TỰ LUẬN"))
            .line(bold("Câu 1."), " (VDC) Chứng minh rằng tổng ba góc của một tam giác bằng 180°.")
            .line("Hướng dẫn chấm: vẽ đường thẳng qua A song song với BC (0,5 điểm); dùng các góc so le trong (0,5 điểm).")
            .line(bold("ĐÁP ÁN"))
            .line("PHẦN III")
            .table(new String[] {"Câu", "Đáp án"}, new String[] {"1", "-1,5"}, new String[] {"2", "tam giác đều"});
    }

    @Test
    void aTestOfThe2025FormatIsReadPartByPart() {
        ParsedFile file = format.read(midTermTest().bytes(), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.clean()).isTrue();
        assertThat(file.questions()).extracting(ParsedQuestion::label).containsExactly("Phần I, Câu 1", "Phần I, Câu 2", "Phần I, Câu 3",
            "Phần I, Câu 4", "Phần II, Câu 1", "Phần III, Câu 1", "Phần III, Câu 2", "Phần IV, Câu 1");
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        List<QuestionDraft> drafts = drafts(file);
        assertThat(drafts).allSatisfy(draft -> {
            assertThat(draft.content().problems()).isEmpty();
            assertThat(draft.subjectCode()).isEqualTo("TOAN");
            assertThat(draft.grade()).isEqualTo(7);
        });

        QuestionContent.SingleChoice underline = (QuestionContent.SingleChoice) drafts.get(0).content();
        assertThat(underline.stem()).isEqualTo("Số nào sau đây là số hữu tỉ âm?");
        assertThat(underline.correct()).isEqualTo("B");
        assertThat(underline.options()).extracting(QuestionContent.Choice::content).containsExactly("0,5", "−3/4", "2", "7");

        QuestionContent.SingleChoice boldKey = (QuestionContent.SingleChoice) drafts.get(1).content();
        assertThat(boldKey.stem()).isEqualTo("Kết quả của phép tính 2<sup>3</sup> là");
        assertThat(boldKey.correct()).isEqualTo("C");

        QuestionContent.SingleChoice redKey = (QuestionContent.SingleChoice) drafts.get(2).content();
        assertThat(redKey.correct()).isEqualTo("D");

        QuestionContent.SingleChoice oneLine = (QuestionContent.SingleChoice) drafts.get(3).content();
        assertThat(oneLine.stem()).isEqualTo("Tìm x biết x + 1 = 3.");
        assertThat(oneLine.options()).extracting(QuestionContent.Choice::key).containsExactly("A", "B", "C", "D");
        assertThat(oneLine.options()).extracting(QuestionContent.Choice::content).containsExactly("1", "2", "3", "4");
        assertThat(oneLine.correct()).isEqualTo("B");

        QuestionContent.TrueFalseGroup group = (QuestionContent.TrueFalseGroup) drafts.get(4).content();
        assertThat(group.stem()).isEqualTo("Cho tam giác ABC vuông tại A có <i>AB = 3 cm</i>, AC = 4 cm.");
        assertThat(group.statements()).extracting(QuestionContent.Statement::key).containsExactly("a", "b", "c", "d");
        assertThat(group.statements()).extracting(QuestionContent.Statement::correct).containsExactly(true, false, true, false);
        assertThat(group.statements().get(0).content()).isEqualTo("Góc B và góc C là hai góc phụ nhau.");

        QuestionContent.ShortNumber number = (QuestionContent.ShortNumber) drafts.get(5).content();
        assertThat(number.value()).isEqualByComparingTo("-1.5");
        assertThat(number.tolerance()).isEqualByComparingTo(BigDecimal.ZERO);
        QuestionContent.ShortText text = (QuestionContent.ShortText) drafts.get(6).content();
        assertThat(text.accepted()).containsExactly("tam giác đều");

        QuestionContent.Essay essay = (QuestionContent.Essay) drafts.get(7).content();
        assertThat(essay.stem()).isEqualTo("Chứng minh rằng tổng ba góc của một tam giác bằng 180°.");
        assertThat(essay.guidance()).startsWith("vẽ đường thẳng qua A song song với BC");
    }

    @Test
    void keyMarksDoNotShowInOptionsAndStatements() {
        List<QuestionDraft> drafts = drafts(format.read(midTermTest().bytes(), DEFAULTS));

        drafts.forEach(draft -> draft.content().withText(text -> {
            if (!text.equals(draft.content().stem())) {
                assertThat(text).doesNotContain("<u>", "<b>");
            }
            return text;
        }));
    }

    @Test
    void levelMarksNameTheLevelAndOtherwiseTheDefaultHolds() {
        List<QuestionDraft> drafts = drafts(format.read(midTermTest().bytes(), DEFAULTS));

        assertThat(drafts).extracting(QuestionDraft::level).containsExactly(CognitiveLevel.NHAN_BIET, CognitiveLevel.THONG_HIEU,
            CognitiveLevel.HIEU, CognitiveLevel.VAN_DUNG, CognitiveLevel.HIEU, CognitiveLevel.HIEU, CognitiveLevel.HIEU,
            CognitiveLevel.VAN_DUNG_CAO);
    }

    @Test
    void levelMarksBeforeThePunctuationAreReadToo() {
        byte[] word = new WordFile()
            .line("Câu 1 (TH): Số đối của 2 là")
            .line("A. 2\tB. ", underlined("−2"))
            .bytes();

        QuestionDraft draft = drafts(format.read(word, DEFAULTS)).get(0);

        assertThat(draft.level()).isEqualTo(CognitiveLevel.THONG_HIEU);
        assertThat(draft.content().stem()).isEqualTo("Số đối của 2 là");
    }

    @Test
    void aKeyTableWinsOverFormatting() {
        byte[] word = new WordFile()
            .line("Câu 1. Số nào chia hết cho 3?")
            .line("A. 10")
            .line(underlined("B. 11"))
            .line("C. 12")
            .line("D. 13")
            .line("Câu 2. Số nào là số nguyên tố?")
            .line("A. 4\tB. 6\tC. 7\tD. 9")
            .line("BẢNG ĐÁP ÁN")
            .table(new String[] {"Câu", "1", "2"}, new String[] {"Đáp án", "C", "C"})
            .bytes();

        List<QuestionDraft> drafts = drafts(format.read(word, DEFAULTS));

        assertThat(drafts).extracting(draft -> ((QuestionContent.SingleChoice) draft.content()).correct()).containsExactly("C", "C");
        assertThat(drafts).allSatisfy(draft -> assertThat(draft.content().problems()).isEmpty());
    }

    @Test
    void withoutPartHeadingsAKeyTableServesEachKindByTheShapeOfItsAnswers() {
        byte[] word = new WordFile()
            .line("Câu 1. Chọn số lớn nhất.")
            .line("A. 1\tB. 2\tC. 3\tD. 4")
            .line("Câu 2. Xét tính đúng sai của các mệnh đề sau.")
            .line("a) 2 là số chẵn.")
            .line("b) 3 là số chẵn.")
            .line("c) 4 là số chẵn.")
            .line("d) 5 là số chẵn.")
            .line("Câu 3. Tính 0,5 + 0,25.")
            .line("Đáp án: 0,75")
            .line("ĐÁP ÁN")
            .table(new String[] {"1", "D"}, new String[] {"2", "Đ-S-Đ-S"})
            .bytes();

        ParsedFile file = format.read(word, DEFAULTS);
        List<QuestionDraft> drafts = drafts(file);

        assertThat(((QuestionContent.SingleChoice) drafts.get(0).content()).correct()).isEqualTo("D");
        assertThat(((QuestionContent.TrueFalseGroup) drafts.get(1).content()).statements()).extracting(QuestionContent.Statement::correct)
            .containsExactly(true, false, true, false);
        QuestionContent.ShortNumber number = (QuestionContent.ShortNumber) drafts.get(2).content();
        assertThat(number.value()).isEqualByComparingTo("0.75");
        assertThat(number.stem()).isEqualTo("Tính 0,5 + 0,25.");
        assertThat(drafts).allSatisfy(draft -> assertThat(draft.content().problems()).isEmpty());
    }

    @Test
    void boldOptionLettersAreTheTestsStyleNotItsKey() {
        byte[] word = new WordFile()
            .line("Câu 1. Chọn số chẵn.")
            .line(bold("A."), " 1\t", bold("B."), " 3\t", bold("C."), " ", underlined("4"), "\t", bold("D."), " 5")
            .bytes();

        QuestionContent.SingleChoice question = (QuestionContent.SingleChoice) drafts(format.read(word, DEFAULTS)).get(0).content();

        assertThat(question.correct()).isEqualTo("C");
        assertThat(question.problems()).isEmpty();
    }

    @Test
    void anImageInAStemBecomesAnImageOfTheFile() {
        byte[] word = new WordFile()
            .line("Câu 1. Quan sát hình vẽ:")
            .line(picture())
            .line("Hình trên có bao nhiêu tam giác?")
            .line("A. 1\tB. 2\tC. 3\t", red("D. 4"))
            .bytes();

        ParsedFile file = format.read(word, DEFAULTS);
        QuestionDraft draft = drafts(file).get(0);

        assertThat(file.images()).containsOnlyKeys("image1.png");
        assertThat(file.images().get("image1.png").mediaType()).isEqualTo("image/png");
        assertThat(file.images().get("image1.png").bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(draft.content().stem()).isEqualTo("Quan sát hình vẽ:<br><img src=\"import:image1.png\"><br>Hình trên có bao nhiêu tam giác?");
        assertThat(draft.content().problems()).isEmpty();
    }

    @Test
    void aWordFractionBecomesLatex() {
        byte[] word = new WordFile()
            .line("Câu 1. Tính ", fraction("1", "2"), " + ", fraction("1", "2"), ".")
            .line("A. 0\tB. ", fraction("1", "2"))
            .line(underlined("C. 1"), "\tD. 2")
            .bytes();

        QuestionContent.SingleChoice question = (QuestionContent.SingleChoice) drafts(format.read(word, DEFAULTS)).get(0).content();

        assertThat(question.stem()).isEqualTo("Tính \\(\\frac{1}{2}\\) + \\(\\frac{1}{2}\\).");
        assertThat(question.options().get(1).content()).isEqualTo("\\(\\frac{1}{2}\\)");
        assertThat(question.correct()).isEqualTo("C");
        assertThat(question.problems()).isEmpty();
    }

    @Test
    void textThatLooksLikeMarkupStaysText() {
        byte[] word = new WordFile()
            .line("Câu 1. So sánh: 2 < 3 và <script>alert(1)</script>")
            .line("A. <b>đúng</b>\t", underlined("B. sai"))
            .bytes();

        QuestionContent.SingleChoice question = (QuestionContent.SingleChoice) drafts(format.read(word, DEFAULTS)).get(0).content();

        assertThat(question.stem()).isEqualTo("So sánh: 2 &lt; 3 và &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(question.options().get(0).content()).isEqualTo("&lt;b&gt;đúng&lt;/b&gt;");
    }

    @Test
    void aQuestionWithoutKeyIsReportedByItsNumberAndTheOthersAreRead() {
        byte[] word = new WordFile()
            .line("Câu 1. 1 + 1 = ?")
            .line("A. 1\t", underlined("B. 2"), "\tC. 3\tD. 4")
            .line("Câu 2. 2 + 2 = ?")
            .line("A. 3\tB. 4\tC. 5\tD. 6")
            .line("Câu 3. 3 + 3 = ?")
            .line("A. 5\tB. 6\tC. 7\t", bold("D. 9"))
            .line("Câu 4.")
            .line("A. 6\t", bold("B. 8"))
            .bytes();

        ParsedFile file = format.read(word, DEFAULTS);

        assertThat(file.clean()).isFalse();
        assertThat(file.questions()).hasSize(4);
        ParsedQuestion missing = file.questions().get(1);
        assertThat(missing.label()).isEqualTo("Câu 2");
        assertThat(missing.draft()).isNull();
        assertThat(missing.problems()).containsExactly(new ImportProblem("import.no-key"));
        assertThat(file.questions().get(0).draft()).isNotNull();
        assertThat(file.questions().get(2).draft()).isNotNull();
        assertThat(file.questions().get(0).draft().content().problems()).isEmpty();
        assertThat(file.questions().get(2).draft().content().problems()).isEmpty();
        // A draft the import checks as the editor does: the blank stem is the draft's own problem.
        assertThat(file.questions().get(3).draft().content().problems()).extracting(problem -> problem.code())
            .containsExactly("question.blank-stem");
    }

    @Test
    void aQuestionBreakingTheConventionSaysWhatIsMissing() {
        byte[] word = new WordFile()
            .line("PHẦN I")
            .line("Câu 1. Câu hỏi không có phương án nào.")
            .line("PHẦN II")
            .line("Câu 1. Xét các mệnh đề.")
            .line(underlined("a) Một."))
            .line("b) Hai.")
            .line("c) Ba.")
            .line("Câu 2. Xét các mệnh đề.")
            .line("a) Một.")
            .line("b) Hai.")
            .line("c) Ba.")
            .line("d) Bốn.")
            .line("PHẦN III")
            .line("Câu 1. Không có đáp án.")
            .line("ĐÁP ÁN")
            .line("PHẦN II")
            .table(new String[] {"2", "ĐSĐ"})
            .bytes();

        ParsedFile file = format.read(word, DEFAULTS);

        assertThat(file.questions()).allSatisfy(question -> assertThat(question.draft()).isNull());
        assertThat(file.questions()).extracting(ParsedQuestion::label)
            .containsExactly("Phần I, Câu 1", "Phần II, Câu 1", "Phần II, Câu 2", "Phần III, Câu 1");
        assertThat(file.questions().get(0).problems()).containsExactly(
            new ImportProblem("import.bad-structure", "không tìm thấy các phương án A., B., C., D."));
        assertThat(file.questions().get(1).problems()).containsExactly(
            new ImportProblem("import.bad-structure", "cần 4 ý a), b), c), d), tìm thấy 3 ý"));
        assertThat(file.questions().get(2).problems()).containsExactly(
            new ImportProblem("import.bad-structure", "đáp án \"ĐSĐ\" phải cho đủ 4 ý, ví dụ Đ-S-Đ-S"));
        assertThat(file.questions().get(3).problems()).containsExactly(new ImportProblem("import.no-key"));
    }

    @Test
    void aFileThatIsNoWordDocumentIsRefused() {
        ParsedFile file = format.read("Câu 1. Đây là tệp văn bản.\nA. 1\nB. 2".getBytes(java.nio.charset.StandardCharsets.UTF_8), DEFAULTS);

        assertThat(file.questions()).isEmpty();
        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.unreadable-file", "Word (.docx)"));
    }

    @Test
    void aWordDocumentWithoutQuestionsIsAnEmptyFile() {
        ParsedFile file = format.read(new WordFile().line("Biên bản họp tổ chuyên môn").line("Nội dung: …").bytes(), DEFAULTS);

        assertThat(file.questions()).isEmpty();
        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.empty-file"));
    }

    @Test
    void truthsAreReadAsTeachersWriteThem() {
        assertThat(QuestionReader.truths("Đ-S-Đ-S")).containsExactly(true, false, true, false);
        assertThat(QuestionReader.truths("ĐSĐS")).containsExactly(true, false, true, false);
        assertThat(QuestionReader.truths("a) Đ b) S c) S d) Đ")).containsExactly(true, false, false, true);
        assertThat(QuestionReader.truths("Đúng, Sai, Sai, Sai")).containsExactly(true, false, false, false);
        assertThat(QuestionReader.truths("-1,5")).isNull();
    }

    @Test
    void theSampleForTeachersIsReadCleanly() throws IOException {
        byte[] sample;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(SAMPLE), SAMPLE)) {
            sample = in.readAllBytes();
        }

        ParsedFile file = format.read(sample, DEFAULTS);

        assertThat(file.clean()).isTrue();
        assertThat(file.questions()).hasSize(8);
        assertThat(drafts(file)).allSatisfy(draft -> assertThat(draft.content().problems()).isEmpty());
    }

    /** Writes the sample teachers are given; run once with LMS_WRITE_DOCX_SAMPLE=true, the sample is kept in the sources. */
    @Test
    @EnabledIfEnvironmentVariable(named = "LMS_WRITE_DOCX_SAMPLE", matches = "true")
    void writeTheSampleForTeachers() throws IOException {
        Files.write(Path.of("src/test/resources").resolve(SAMPLE), midTermTest().bytes());
    }

    private static List<QuestionDraft> drafts(ParsedFile file) {
        assertThat(file.questions()).allSatisfy(question -> assertThat(question.draft()).as(question.label() + " " + question.problems()).isNotNull());
        return file.questions().stream().map(ParsedQuestion::draft).map(Objects::requireNonNull).toList();
    }
}
