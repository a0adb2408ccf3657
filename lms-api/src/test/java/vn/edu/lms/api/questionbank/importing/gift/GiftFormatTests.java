package vn.edu.lms.api.questionbank.importing.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class GiftFormatTests {

    private static final ImportDefaults DEFAULTS = new ImportDefaults("TOAN", 7, "Chưa phân loại", CognitiveLevel.HIEU);
    private final GiftFormat gift = new GiftFormat();

    @Test
    void itIsNamedGift() {
        assertThat(gift.name()).isEqualTo("GIFT");
    }

    @Test
    void everySupportedGiftTypeBecomesItsQuestionType() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.images()).isEmpty();
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(file.questions()).extracting(question -> question.draft().content().type()).containsExactly(
            QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_RESPONSE, QuestionType.SINGLE_CHOICE, QuestionType.SINGLE_CHOICE,
            QuestionType.SHORT_TEXT, QuestionType.SHORT_NUMBER, QuestionType.SHORT_NUMBER, QuestionType.SHORT_NUMBER,
            QuestionType.MATCHING, QuestionType.ESSAY, QuestionType.CLOZE, QuestionType.SINGLE_CHOICE);
        for (ParsedQuestion question : file.questions()) {
            assertThat(question.problems()).as(question.label()).isEmpty();
            assertThat(question.draft().content().problems()).as(question.label()).isEmpty();
            assertThat(question.draft().subjectCode()).isEqualTo("TOAN");
            assertThat(question.draft().grade()).isEqualTo(7);
        }
        assertThat(file.clean()).isTrue();
    }

    @Test
    void aSingleChoiceKeysItsOptionsInFileOrderAndTheEqualsSignIsTheKey() throws IOException {
        var choice = (QuestionContent.SingleChoice) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 1);

        assertThat(choice.stem()).isEqualTo("Số nào sau đây là số hữu tỉ âm?");
        assertThat(choice.options()).containsExactly(new Choice("A", "\\(-\\frac{2}{3}\\)"), new Choice("B", "\\(\\frac{3}{4}\\)"),
            new Choice("C", "0"), new Choice("D", "\\(\\sqrt{2}\\)"));
        assertThat(choice.correct()).isEqualTo("A");
        assertThat(choice.fixedOrder()).isFalse();
    }

    @Test
    void latexWrittenWithGiftEscapesComesOutAsLatex() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);

        assertThat(content(file, 2).stem()).isEqualTo("Những số nào sau đây bằng \\(\\frac{1}{2}\\)?");
        assertThat(content(file, 6).stem()).isEqualTo("Tính \\(\\frac{1}{2} + \\frac{1}{4}\\) (viết kết quả dạng số thập phân).");
    }

    @Test
    void severalPositiveWeightsMakeAMultipleResponseOfThoseOptions() throws IOException {
        var multiple = (QuestionContent.MultipleResponse) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 2);

        assertThat(multiple.options()).extracting(Choice::content).containsExactly("0,5", "\\(\\frac{2}{4}\\)", "\\(\\frac{1}{3}\\)", "2");
        assertThat(multiple.correct()).containsExactly("A", "B");
    }

    @Test
    void trueOrFalseBecomesASingleChoiceBetweenDungAndSai() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);
        var falseStatement = (QuestionContent.SingleChoice) content(file, 3);
        var trueStatement = (QuestionContent.SingleChoice) content(file, 4);

        assertThat(falseStatement.stem()).isEqualTo("Số 0 là số hữu tỉ dương.");
        assertThat(falseStatement.options()).containsExactly(new Choice("A", "Đúng"), new Choice("B", "Sai"));
        assertThat(falseStatement.correct()).isEqualTo("B");
        assertThat(trueStatement.stem()).isEqualTo("Mọi số tự nhiên đều là số hữu tỉ.");
        assertThat(trueStatement.correct()).isEqualTo("A");
    }

    @Test
    void aShortAnswerAcceptsEveryEqualsAnswerIgnoringCaseButNotDiacritics() throws IOException {
        var shortText = (QuestionContent.ShortText) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 5);

        assertThat(shortText.stem()).isEqualTo(
            "Phân số \\(\\frac{3}{4}\\) viết được dưới dạng số thập phân hữu hạn hay vô hạn tuần hoàn?");
        assertThat(shortText.accepted()).containsExactly("hữu hạn", "số thập phân hữu hạn");
        assertThat(shortText.caseSensitive()).isFalse();
        assertThat(shortText.diacriticsSensitive()).isTrue();
    }

    @Test
    void aNumberKeepsItsToleranceAndARangeBecomesItsMidpoint() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);
        var exact = (QuestionContent.ShortNumber) content(file, 6);
        var withTolerance = (QuestionContent.ShortNumber) content(file, 7);
        var range = (QuestionContent.ShortNumber) content(file, 8);

        assertThat(exact.value()).isEqualByComparingTo("0.75");
        assertThat(exact.tolerance()).isEqualByComparingTo("0");
        assertThat(withTolerance.value()).isEqualByComparingTo("3.14");
        assertThat(withTolerance.tolerance()).isEqualByComparingTo("0.01");
        assertThat(range.value()).isEqualByComparingTo("1.5");
        assertThat(range.tolerance()).isEqualByComparingTo("0.5");
    }

    @Test
    void matchingKeysPremisesByNumberAndResponsesByLetterInOrder() throws IOException {
        ParsedQuestion question = gift.read(sample("gift-toan-7.txt"), DEFAULTS).questions().get(8);
        var matching = (QuestionContent.Matching) question.draft().content();

        assertThat(question.label()).isEqualTo("Ghép nối");
        assertThat(matching.stem()).isEqualTo("Ghép mỗi phép tính với kết quả của nó.");
        assertThat(matching.premises()).containsExactly(new Choice("1", "\\(\\frac{1}{2} + \\frac{1}{2}\\)"),
            new Choice("2", "\\(2 \\cdot \\frac{1}{4}\\)"), new Choice("3", "\\(3 - 5\\)"));
        assertThat(matching.responses()).containsExactly(new Choice("A", "1"), new Choice("B", "\\(\\frac{1}{2}\\)"),
            new Choice("C", "\\(-2\\)"));
        assertThat(matching.pairs()).isEqualTo(Map.of("1", "A", "2", "B", "3", "C"));
    }

    @Test
    void emptyBracesMakeAnEssay() throws IOException {
        var essay = (QuestionContent.Essay) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 10);

        assertThat(essay.stem()).isEqualTo("Trình bày cách so sánh hai số hữu tỉ \\(-\\frac{3}{5}\\) và \\(-\\frac{2}{3}\\).");
        assertThat(essay.guidance()).isNull();
    }

    @Test
    void aMissingWordShortAnswerBecomesAClozeWithOneGapWhereTheBracesWere() throws IOException {
        var cloze = (QuestionContent.Cloze) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 11);

        // The LaTeX groups get an empty group each, so that the cloze does not take {2} and {5} for gaps.
        assertThat(cloze.text()).isEqualTo("Số đối của \\(\\frac{2{}}{5{}}\\) là {1} và số nghịch đảo của nó là \\(\\frac{5{}}{2{}}\\).");
        assertThat(cloze.gaps()).containsExactly(new QuestionContent.Gap("1", List.of("-2/5", "\\(-\\frac{2}{5}\\)"), false, true));
        assertThat(cloze.stem()).isEqualTo("Điền vào chỗ trống.");
    }

    @Test
    void onlyLatexGroupsThatWouldReadAsGapsAreChangedInACloze() {
        assertThat(GiftQuestionReader.withoutGapLikeBraces("{a} \\(x^{2} + \\begin{cases} \\sqrt{x + 1} \\end{cases}\\) \\[\\mathbb{R}\\]"))
            .isEqualTo("{a} \\(x^{2{}} + \\begin{cases} \\sqrt{x + 1} \\end{cases}\\) \\[\\mathbb{R{}}\\]");
    }

    @Test
    void aMissingWordChoiceMarksTheBlankInItsStem() throws IOException {
        var choice = (QuestionContent.SingleChoice) content(gift.read(sample("gift-toan-7.txt"), DEFAULTS), 12);

        assertThat(choice.stem()).isEqualTo("Tập hợp các số hữu tỉ được kí hiệu là _____ trong sách giáo khoa Toán 7.");
        assertThat(choice.options()).extracting(Choice::content).containsExactly("ℚ", "ℕ", "ℤ", "ℝ");
        assertThat(choice.correct()).isEqualTo("A");
    }

    @Test
    void aCategorySetsTheTopicOfTheQuestionsAfterIt() throws IOException {
        String text = """
            Câu trước mọi danh mục {T}

            $CATEGORY: $course$/top/Toán 7/Số thực

            Câu thứ hai {T}

            $CATEGORY: Toán 7/Góc và đường thẳng song song/

            Câu thứ ba {F}
            """;

        ParsedFile file = gift.read(utf8(text), DEFAULTS);

        assertThat(file.questions()).extracting(question -> question.draft().topic())
            .containsExactly("Chưa phân loại", "Số thực", "Góc và đường thẳng song song");
        assertThat(gift.read(sample("gift-toan-7.txt"), DEFAULTS).questions())
            .allSatisfy(question -> assertThat(question.draft().topic()).isEqualTo("Số hữu tỉ"));
    }

    @Test
    void aLevelCommentOrATitleNamingALevelSetsTheLevelAndOtherwiseTheDefault() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);

        assertThat(file.questions()).extracting(question -> question.draft().level()).containsExactly(
            CognitiveLevel.NHAN_BIET, CognitiveLevel.THONG_HIEU, CognitiveLevel.HIEU, CognitiveLevel.HIEU,
            CognitiveLevel.THONG_HIEU, CognitiveLevel.HIEU, CognitiveLevel.HIEU, CognitiveLevel.HIEU,
            CognitiveLevel.HIEU, CognitiveLevel.VAN_DUNG, CognitiveLevel.HIEU, CognitiveLevel.HIEU);
        assertThat(gift.read(utf8("::Vận dụng cao::Câu khó {T}"), DEFAULTS).questions().get(0).draft().level())
            .isEqualTo(CognitiveLevel.VAN_DUNG_CAO);
    }

    @Test
    void aLevelCommentThatNamesNoLevelIsReportedAndTheDefaultTaken() {
        ParsedQuestion question = gift.read(utf8("// level: Rất khó\nCâu hỏi {T}"), DEFAULTS).questions().get(0);

        assertThat(question.draft().level()).isEqualTo(CognitiveLevel.HIEU);
        assertThat(question.problems()).containsExactly(new ImportProblem("import.unknown-level", "Rất khó"));
    }

    @Test
    void tagCommentsTagTheQuestion() {
        QuestionDraft draft = gift.read(utf8("// [tag:HK1] [tag:Chương 1]\nCâu hỏi {T}"), DEFAULTS).questions().get(0).draft();

        assertThat(draft.tags()).containsExactly("HK1", "Chương 1");
    }

    @Test
    void aQuestionIsLabelledByItsTitleOrElseByItsNumber() throws IOException {
        ParsedFile file = gift.read(sample("gift-toan-7.txt"), DEFAULTS);

        assertThat(file.questions()).extracting(ParsedQuestion::label).startsWith("Câu 1 - Số hữu tỉ", "Câu 2 (TH)", "Câu 3", "Câu 4");
    }

    @Test
    void aBrokenQuestionIsReportedWithItsNumberAndTheOthersStillRead() throws IOException {
        ParsedFile file = gift.read(sample("gift-with-error.txt"), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.clean()).isFalse();
        assertThat(file.questions()).hasSize(3);
        ParsedQuestion broken = file.questions().get(1);
        assertThat(broken.number()).isEqualTo(2);
        assertThat(broken.label()).isEqualTo("Tỉ lệ thức 2");
        assertThat(broken.draft()).isNull();
        assertThat(broken.problems()).containsExactly(new ImportProblem("import.bad-structure", "thiếu dấu } đóng phần đáp án"));

        ParsedQuestion first = file.questions().get(0);
        ParsedQuestion third = file.questions().get(2);
        assertThat(first.draft().content().type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(third.number()).isEqualTo(3);
        assertThat(third.draft().content().type()).isEqualTo(QuestionType.SHORT_NUMBER);
        assertThat(List.of(first, third)).allSatisfy(question -> {
            assertThat(question.draft().content().problems()).isEmpty();
            assertThat(question.draft().topic()).isEqualTo("Tỉ lệ thức");
        });
    }

    @Test
    void questionsThatCannotBeUnderstoodSayWhy() {
        String text = """
            Câu không có phần đáp án.

            Câu có hai phần {=a ~b} và {=c ~d}

            Câu hai đáp án bằng {=a =b ~c}

            Câu không có đáp án đúng {~a ~b}

            Câu số sai {#mười}

            Câu ghép thiếu mũi tên {=a -> 1 =b}

            Câu đáp án lạ {abc}
            """;

        ParsedFile file = gift.read(utf8(text), DEFAULTS);

        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(file.questions()).allSatisfy(question -> assertThat(question.draft()).isNull());
        assertThat(file.questions()).extracting(question -> question.problems().get(0).code()).containsExactly(
            "import.unsupported-type", "import.bad-structure", "import.bad-structure", "import.no-key",
            "import.bad-structure", "import.bad-structure", "import.bad-structure");
    }

    @Test
    void escapedSpecialCharactersAreText() {
        var choice = (QuestionContent.SingleChoice) gift.read(utf8("Tỉ số 1\\:2 \\= 0,5 \\# \\~ \\{x\\} là? {=đúng \\= ~sai}"), DEFAULTS)
            .questions().get(0).draft().content();

        assertThat(choice.stem()).isEqualTo("Tỉ số 1:2 = 0,5 # ~ {x} là?");
        assertThat(choice.options()).extracting(Choice::content).containsExactly("đúng =", "sai");
    }

    @Test
    void plainTextIsEscapedAndHtmlKeptForTheImportToSanitize() {
        ParsedFile file = gift.read(utf8("[plain]Nếu a < b thì? {=a - b < 0 ~a > b}\n\n[html]<p>Chọn <b>đúng</b></p> {=<i>x</i> ~y}"),
            DEFAULTS);

        var plain = (QuestionContent.SingleChoice) file.questions().get(0).draft().content();
        var html = (QuestionContent.SingleChoice) file.questions().get(1).draft().content();
        assertThat(plain.stem()).isEqualTo("Nếu a &lt; b thì?");
        assertThat(plain.options()).extracting(Choice::content).containsExactly("a - b &lt; 0", "a &gt; b");
        assertThat(html.stem()).isEqualTo("<p>Chọn <b>đúng</b></p>");
        assertThat(html.options()).extracting(Choice::content).containsExactly("<i>x</i>", "y");
    }

    @Test
    void feedbackIsLeftOut() {
        var choice = (QuestionContent.SingleChoice) gift.read(utf8("2 + 2 = ? {=4#Đúng rồi ~5#Sai, vì 2 + 2 bằng 4 ####Cộng hai số}"),
            DEFAULTS).questions().get(0).draft().content();

        assertThat(choice.options()).containsExactly(new Choice("A", "4"), new Choice("B", "5"));
    }

    @Test
    void anEmptyFileOrOneOfOnlyCommentsHasNoQuestions() {
        ImportProblem empty = new ImportProblem("import.empty-file");

        assertThat(gift.read(new byte[0], DEFAULTS).fileProblems()).containsExactly(empty);
        assertThat(gift.read(utf8("// chỉ có chú thích\n\n$CATEGORY: Toán 7\n\n"), DEFAULTS).fileProblems()).containsExactly(empty);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreTolerated() {
        ParsedFile file = gift.read(utf8("\uFEFF// chú thích\r\nCâu một {T}\r\n\r\nCâu hai {F}\r\n"), DEFAULTS);

        assertThat(file.questions()).extracting(question -> question.draft().content().stem()).containsExactly("Câu một", "Câu hai");
    }

    @Test
    void aFileThatIsNotUtf8IsUnreadable() {
        byte[] windows1258 = {(byte) 0x43, (byte) 0xE2, (byte) 0x75, (byte) 0x20, (byte) 0x7B, (byte) 0x54, (byte) 0x7D};

        assertThat(gift.read(windows1258, DEFAULTS).fileProblems()).containsExactly(new ImportProblem("import.unreadable-file", "GIFT"));
    }

    private static QuestionContent content(ParsedFile file, int number) {
        return file.questions().get(number - 1).draft().content();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = GiftFormatTests.class.getResourceAsStream("/questionbank/import/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
