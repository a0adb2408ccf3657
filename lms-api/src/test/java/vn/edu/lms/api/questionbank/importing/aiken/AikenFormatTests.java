package vn.edu.lms.api.questionbank.importing.aiken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class AikenFormatTests {

    private static final ImportDefaults DEFAULTS = new ImportDefaults("LICH_SU", 8, "Lịch sử Việt Nam", CognitiveLevel.BIET);
    private final AikenFormat aiken = new AikenFormat();

    @Test
    void itIsNamedAiken() {
        assertThat(aiken.name()).isEqualTo("AIKEN");
    }

    @Test
    void everyQuestionBecomesASingleChoiceWithItsKeyAndTheImportDefaults() throws IOException {
        ParsedFile file = aiken.read(sample("aiken-lich-su.txt"), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.clean()).isTrue();
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(file.questions()).extracting(ParsedQuestion::label).containsExactly("Câu 1", "Câu 2", "Câu 3", "Câu 4", "Câu 5", "Câu 6");
        assertThat(file.questions()).extracting(question -> choice(question).correct()).containsExactly("B", "A", "C", "B", "C", "B");
        for (ParsedQuestion question : file.questions()) {
            QuestionDraft draft = question.draft();
            assertThat(question.problems()).isEmpty();
            assertThat(draft.content().problems()).as(question.label()).isEmpty();
            assertThat(draft.subjectCode()).isEqualTo("LICH_SU");
            assertThat(draft.grade()).isEqualTo(8);
            assertThat(draft.topic()).isEqualTo("Lịch sử Việt Nam");
            assertThat(draft.level()).isEqualTo(CognitiveLevel.BIET);
        }
    }

    @Test
    void stemsAndOptionsKeepTheirVietnameseDiacriticsAndLetters() throws IOException {
        QuestionContent.SingleChoice first = choice(aiken.read(sample("aiken-lich-su.txt"), DEFAULTS).questions().get(0));

        assertThat(first.stem()).isEqualTo("Chiến thắng Điện Biên Phủ diễn ra vào năm nào?");
        assertThat(first.options()).containsExactly(new Choice("A", "1945"), new Choice("B", "1954"), new Choice("C", "1968"),
            new Choice("D", "1975"));
        // Options are referred to by letter ("Cả A và B đều sai"), so their order is kept.
        assertThat(first.fixedOrder()).isTrue();
    }

    @Test
    void optionsWrittenWithAParenthesisAreReadToo() throws IOException {
        QuestionContent.SingleChoice second = choice(aiken.read(sample("aiken-lich-su.txt"), DEFAULTS).questions().get(1));

        assertThat(second.options()).extracting(Choice::content).containsExactly("Gia Long", "Minh Mạng", "Thiệu Trị", "Tự Đức");
    }

    @Test
    void aQuestionMaySpanSeveralLinesBeforeItsOptions() throws IOException {
        QuestionContent.SingleChoice third = choice(aiken.read(sample("aiken-lich-su.txt"), DEFAULTS).questions().get(2));

        assertThat(third.stem()).isEqualTo("Ai là người đọc bản Tuyên ngôn độc lập<br>khai sinh ra nước Việt Nam Dân chủ Cộng hòa ngày 2/9/1945?");
    }

    @Test
    void aQuestionMayFollowTheAnswerLineWithoutABlankLine() throws IOException {
        QuestionContent.SingleChoice fourth = choice(aiken.read(sample("aiken-lich-su.txt"), DEFAULTS).questions().get(3));

        assertThat(fourth.stem()).isEqualTo("Chiến thắng Bạch Đằng năm 938 gắn với tên tuổi của ai?");
        assertThat(fourth.options()).hasSize(4);
    }

    @Test
    void aMissingAnswerLineOrAnAnswerNotAmongTheOptionsIsReportedAndTheOthersStillRead() throws IOException {
        ParsedFile file = aiken.read(sample("aiken-with-error.txt"), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.clean()).isFalse();
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4);
        ParsedQuestion withoutAnswer = file.questions().get(1);
        ParsedQuestion unknownLetter = file.questions().get(2);
        assertThat(withoutAnswer.draft()).isNull();
        assertThat(withoutAnswer.label()).isEqualTo("Câu 2");
        assertThat(withoutAnswer.problems()).containsExactly(new ImportProblem("import.no-key"));
        assertThat(unknownLetter.draft()).isNull();
        assertThat(unknownLetter.problems()).extracting(ImportProblem::code).containsExactly("import.bad-structure");
        assertThat(unknownLetter.problems().get(0).args()).containsExactly("đáp án E không có trong các phương án");
        assertThat(choice(file.questions().get(0)).stem()).isEqualTo("Hai Bà Trưng khởi nghĩa chống quân xâm lược nào?");
        assertThat(choice(file.questions().get(3)).stem()).isEqualTo("Kinh đô của nhà Trần đặt ở đâu?");
        assertThat(file.questions().get(3).draft().content().problems()).isEmpty();
    }

    @Test
    void aQuestionStartedAfterOptionsWithoutAnAnswerLineEndsTheOneBefore() {
        ParsedFile file = aiken.read(utf8("Câu một?\nA. x\nB. y\nCâu hai?\nA. x\nB. y\nANSWER: b.\n"), DEFAULTS);

        assertThat(file.questions().get(0).problems()).containsExactly(new ImportProblem("import.no-key"));
        assertThat(choice(file.questions().get(1)).stem()).isEqualTo("Câu hai?");
        assertThat(choice(file.questions().get(1)).correct()).isEqualTo("B");
    }

    @Test
    void aListInTheQuestionIsNotTakenForOptions() {
        ParsedFile file = aiken.read(utf8("Sắp xếp các sự kiện:\nI. Cách mạng tháng Tám\nA. I trước\nB. I sau\nANSWER: A"), DEFAULTS);

        assertThat(choice(file.questions().get(0)).stem()).isEqualTo("Sắp xếp các sự kiện:<br>I. Cách mạng tháng Tám");
    }

    @Test
    void aQuestionWithoutOptionsOrAnAnswerWithSeveralLettersIsBadlyWritten() {
        ParsedFile file = aiken.read(utf8("Câu không có phương án?\n\nCâu hai đáp án?\nA. x\nB. y\nANSWER: A, B"), DEFAULTS);

        assertThat(file.questions()).allSatisfy(question -> {
            assertThat(question.draft()).isNull();
            assertThat(question.problems()).extracting(ImportProblem::code).containsExactly("import.bad-structure");
        });
    }

    @Test
    void textIsEscapedAsPlainText() {
        QuestionContent.SingleChoice question = choice(aiken.read(utf8("Nếu a < b thì?\nA. a > b\nB. b > a\nANSWER: B"), DEFAULTS)
            .questions().get(0));

        assertThat(question.stem()).isEqualTo("Nếu a &lt; b thì?");
        assertThat(question.options()).extracting(Choice::content).containsExactly("a &gt; b", "b &gt; a");
    }

    @Test
    void anEmptyFileHasNoQuestions() {
        assertThat(aiken.read(utf8("\n \n"), DEFAULTS).fileProblems()).containsExactly(new ImportProblem("import.empty-file"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreTolerated() {
        ParsedFile file = aiken.read(utf8("\uFEFFCâu hỏi?\r\nA. Có\r\nB. Không\r\nANSWER: A\r\n"), DEFAULTS);

        assertThat(choice(file.questions().get(0)).stem()).isEqualTo("Câu hỏi?");
        assertThat(file.clean()).isTrue();
    }

    @Test
    void aFileThatIsNotUtf8IsUnreadable() {
        byte[] windows1258 = {(byte) 0x43, (byte) 0xE2, (byte) 0x75, (byte) 0x0A, (byte) 0x41, (byte) 0x2E};

        assertThat(aiken.read(windows1258, DEFAULTS).fileProblems()).containsExactly(new ImportProblem("import.unreadable-file", "AIKEN"));
    }

    private static QuestionContent.SingleChoice choice(ParsedQuestion question) {
        return (QuestionContent.SingleChoice) question.draft().content();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = AikenFormatTests.class.getResourceAsStream("/questionbank/import/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
