package vn.edu.lms.api.questionbank.importing.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class MoodleXmlFormatTests {

    private static final ImportDefaults DEFAULTS = new ImportDefaults("TOAN", 7, "Chưa phân loại", CognitiveLevel.HIEU);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ParsedFile UNREADABLE = ParsedFile.unreadable(new ImportProblem("import.unreadable-file", "Moodle XML"));

    private final MoodleXmlFormat format = new MoodleXmlFormat();

    @Test
    void theFormatIsNamedAsTheApiNamesIt() {
        assertThat(format.name()).isEqualTo("MOODLE_XML");
    }

    @Test
    void everyQuestionOfTheGoodFileBecomesADraftWithoutProblems() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.clean()).isTrue();
        // The description question is no question: ten of eleven, numbered without it.
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(file.questions()).allSatisfy(question -> {
            assertThat(question.problems()).isEmpty();
            assertThat(question.draft()).isNotNull();
            assertThat(question.draft().content().problems()).as(question.label()).isEmpty();
            assertThat(question.draft().subjectCode()).isEqualTo("TOAN");
            assertThat(question.draft().grade()).isEqualTo(7);
        });
        assertThat(file.questions()).extracting(question -> question.draft().content().type().name()).containsExactly(
            "SINGLE_CHOICE", "MULTIPLE_RESPONSE", "SINGLE_CHOICE", "SHORT_TEXT", "SHORT_NUMBER", "MATCHING", "ORDERING", "CLOZE", "ESSAY",
            "SINGLE_CHOICE");
    }

    @Test
    void theQuestionNameIsTheLabelWithItsVietnameseIntact() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(file.questions().get(0).label()).isEqualTo("Điểm trên trục số");
        assertThat(file.questions().get(8).label()).isEqualTo("Chứng minh căn 2 vô tỉ");
        assertThat(draft(file, 2).content().stem()).isEqualTo("<p>Những số nào sau đây là <strong>số hữu tỉ âm</strong>?</p>");
    }

    @Test
    void theCategoryNamesTheTopicOfTheQuestionsAfterIt() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(file.questions().subList(0, 7)).allSatisfy(question -> assertThat(question.draft().topic()).isEqualTo("Số hữu tỉ"));
        assertThat(file.questions().subList(7, 10)).allSatisfy(question -> assertThat(question.draft().topic()).isEqualTo("Số thực"));
    }

    @Test
    void aLevelTagNamesTheLevelAndTheOtherTagsStayTags() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(draft(file, 1).level()).isEqualTo(CognitiveLevel.NHAN_BIET);
        assertThat(draft(file, 1).tags()).containsExactly("trục số");
        assertThat(draft(file, 2).level()).isEqualTo(CognitiveLevel.THONG_HIEU);
        assertThat(draft(file, 5).level()).isEqualTo(CognitiveLevel.VAN_DUNG);
        assertThat(draft(file, 9).level()).isEqualTo(CognitiveLevel.VAN_DUNG_CAO);
        assertThat(draft(file, 9).tags()).containsExactly("chứng minh");
        // No tag: the level chosen on the import form.
        assertThat(draft(file, 3).level()).isEqualTo(CognitiveLevel.HIEU);
        assertThat(draft(file, 3).tags()).isEmpty();
    }

    @Test
    void aSingleAnswerMultichoiceIsASingleChoiceKeyedByItsFullMarkAnswer() throws IOException {
        var content = (QuestionContent.SingleChoice) draft(read("moodle-toan-7.xml"), 1).content();

        assertThat(content.options()).extracting(Choice::key).containsExactly("A", "B", "C", "D");
        assertThat(content.options().get(1).content()).isEqualTo("<p>\\(-\\frac{3}{4}\\)</p>");
        assertThat(content.correct()).isEqualTo("B");
        assertThat(content.fixedOrder()).isFalse();
    }

    @Test
    void aSeveralAnswersMultichoiceIsAMultipleResponseOfItsPositiveAnswers() throws IOException {
        var content = (QuestionContent.MultipleResponse) draft(read("moodle-toan-7.xml"), 2).content();

        assertThat(content.options()).extracting(Choice::key).containsExactly("A", "B", "C", "D");
        assertThat(content.correct()).containsExactly("A", "C");
        // <shuffleanswers>0</shuffleanswers>
        assertThat(content.fixedOrder()).isTrue();
    }

    @Test
    void aTrueFalseQuestionIsAChoiceBetweenDungAndSai() throws IOException {
        var content = (QuestionContent.SingleChoice) draft(read("moodle-toan-7.xml"), 3).content();

        assertThat(content.stem()).isEqualTo("Số 0 là số hữu tỉ dương. Đúng hay sai?");
        assertThat(content.options()).containsExactly(new Choice("A", "Đúng"), new Choice("B", "Sai"));
        assertThat(content.correct()).isEqualTo("B");
    }

    @Test
    void aShortAnswerAcceptsItsFullMarkAnswersWithItsCase() throws IOException {
        var content = (QuestionContent.ShortText) draft(read("moodle-toan-7.xml"), 4).content();

        assertThat(content.accepted()).containsExactly("Q");
        assertThat(content.caseSensitive()).isTrue();
        assertThat(content.diacriticsSensitive()).isTrue();
    }

    @Test
    void aNumericalQuestionIsAShortNumberWithItsTolerance() throws IOException {
        var content = (QuestionContent.ShortNumber) draft(read("moodle-toan-7.xml"), 5).content();

        assertThat(content.value()).isEqualByComparingTo("0.25");
        assertThat(content.tolerance()).isEqualByComparingTo("0.01");
    }

    @Test
    void aMatchingQuestionPairsNumberedPremisesWithLetteredResponses() throws IOException {
        var content = (QuestionContent.Matching) draft(read("moodle-toan-7.xml"), 6).content();

        assertThat(content.premises()).extracting(Choice::key).containsExactly("1", "2", "3");
        assertThat(content.premises().get(0).content()).isEqualTo("<p>\\(\\frac{1}{2}\\)</p>");
        // The answer of a sub-question without text is a response no premise matches.
        assertThat(content.responses()).containsExactly(new Choice("A", "0,5"), new Choice("B", "0,75"), new Choice("C", "0,25"),
            new Choice("D", "0,2"));
        assertThat(content.pairs()).isEqualTo(Map.of("1", "A", "2", "B", "3", "C"));
    }

    @Test
    void anOrderingQuestionKeepsItsItemsInTheirRightOrder() throws IOException {
        var content = (QuestionContent.Ordering) draft(read("moodle-toan-7.xml"), 7).content();

        assertThat(content.items()).containsExactly(new Choice("A", "-1,5"), new Choice("B", "-1/2"), new Choice("C", "0"),
            new Choice("D", "2/3"));
    }

    @Test
    void aClozeQuestionHasNumberedGapsInPlaceOfItsEmbeddedAnswers() throws IOException {
        var content = (QuestionContent.Cloze) draft(read("moodle-toan-7.xml"), 8).content();

        assertThat(content.text()).isEqualTo("<p>Căn bậc hai số học của 49 là {1}. Số {2} là số vô tỉ. "
            + "Số thập phân vô hạn không tuần hoàn gọi là số {3}.</p>");
        assertThat(content.gaps()).containsExactly(new Gap("1", List.of("7"), false, true), new Gap("2", List.of("-√2"), false, true),
            new Gap("3", List.of("vô tỉ"), false, true));
    }

    @Test
    void anEssayKeepsTheGraderInformationAsGuidance() throws IOException {
        var content = (QuestionContent.Essay) draft(read("moodle-toan-7.xml"), 9).content();

        assertThat(content.stem()).isEqualTo("<p>Chứng minh rằng \\(\\sqrt{2}\\) không phải là số hữu tỉ.</p>");
        assertThat(content.guidance()).startsWith("<p>Giả sử \\(\\sqrt{2} = \\frac{a}{b}\\) tối giản (1 điểm)");
    }

    @Test
    void anEmbeddedImageIsDecodedAndTheStemRefersToItAsAnImport() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(draft(file, 1).content().stem()).contains("<img src=\"import:hinh_1.png\" alt=\"trục số\"").doesNotContain("@@PLUGINFILE@@");
        assertThat(file.images()).containsKey("hinh_1.png");
        assertThat(file.images().get("hinh_1.png").mediaType()).isEqualTo("image/png");
        assertThat(file.images().get("hinh_1.png").name()).isEqualTo("hinh_1.png");
        assertThat(Arrays.copyOf(file.images().get("hinh_1.png").bytes(), 8)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void twoQuestionsWithAnImageOfTheSameNameKeepTheirImagesApart() throws IOException {
        ParsedFile file = read("moodle-toan-7.xml");

        assertThat(draft(file, 10).content().stem()).contains("src=\"import:10-hinh_1.png\"");
        assertThat(file.images()).containsOnlyKeys("hinh_1.png", "10-hinh_1.png");
    }

    @Test
    void aBrokenOrUnsupportedQuestionIsReportedByNumberAndTheOthersAreStillRead() throws IOException {
        ParsedFile file = read("moodle-with-error.xml");

        assertThat(file.clean()).isFalse();
        assertThat(file.questions()).hasSize(4);
        ParsedQuestion calculated = file.questions().get(1);
        assertThat(calculated.number()).isEqualTo(2);
        assertThat(calculated.label()).isEqualTo("Câu 2");
        assertThat(calculated.draft()).isNull();
        assertThat(calculated.problems()).containsExactly(new ImportProblem("import.unsupported-type", "calculated"));
        ParsedQuestion broken = file.questions().get(2);
        assertThat(broken.number()).isEqualTo(3);
        assertThat(broken.draft()).isNull();
        assertThat(broken.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("import.bad-structure");
            assertThat(problem.args()).singleElement().asString().contains("hai");
        });
        assertThat(file.questions().get(0).draft().content()).isInstanceOf(QuestionContent.SingleChoice.class);
        assertThat(file.questions().get(0).draft().topic()).isEqualTo("Kiểm tra 15 phút");
        assertThat(file.questions().get(3).draft().content()).isEqualTo(
            new QuestionContent.ShortText("<p>Số nghịch đảo của 2 viết dưới dạng phân số là gì?</p>", List.of("1/2"), false, true));
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedWithoutReadingIt(@TempDir Path folder) {
        Path secret = folder.resolve("secret.txt");
        writeSecret(secret);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<quiz><question type=\"essay\"><name><text>&secret;</text></name>"
            + "<questiontext format=\"html\"><text>&secret;</text></questiontext></question></quiz>";

        ParsedFile file = read(xml);

        assertThat(file).isEqualTo(UNREADABLE);
        assertThat(file.toString()).doesNotContain("bí mật");
    }

    @Test
    void anInternalEntityExpansionIsRefusedToo() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<quiz><question type=\"essay\"><questiontext><text>&b;</text></questiontext></question></quiz>";

        assertThat(read(xml)).isEqualTo(UNREADABLE);
    }

    @Test
    void aFileThatIsNoXmlOrNoQuizIsUnreadable() {
        assertThat(read("Câu 1. 1 + 1 = ?\nA. 1\nB. 2\nANSWER: B")).isEqualTo(UNREADABLE);
        assertThat(read("<quiz><question type=\"essay\">")).isEqualTo(UNREADABLE);
        assertThat(read("<html><body>quiz</body></html>")).isEqualTo(UNREADABLE);
        assertThat(format.read(new byte[0], DEFAULTS)).isEqualTo(UNREADABLE);
    }

    @Test
    void aQuizWithoutQuestionsIsAnEmptyFile() {
        ParsedFile file = read("<quiz><question type=\"category\"><category><text>$course$/top/Trống</text></category></question>"
            + "<question type=\"description\"><questiontext format=\"html\"><text>Chỉ là lời dẫn</text></questiontext></question></quiz>");

        assertThat(file.questions()).isEmpty();
        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.empty-file"));
    }

    @Test
    void plainTextFormatsAreEscapedAndHtmlIsKept() {
        ParsedFile file = read(quiz("<question type=\"essay\"><name><text>So sánh</text></name>"
            + "<questiontext format=\"moodle_auto_format\"><text>So sánh a &lt; b và &lt;b&gt;c&lt;/b&gt;</text></questiontext>"
            + "<graderinfo format=\"markdown\"><text>**2 điểm**</text></graderinfo></question>"
            + "<question type=\"essay\"><questiontext format=\"html\"><text><![CDATA[<p>So sánh <b>c</b></p>]]></text></questiontext></question>"));

        var plain = (QuestionContent.Essay) draft(file, 1).content();
        assertThat(plain.stem()).isEqualTo("So sánh a &lt; b và &lt;b&gt;c&lt;/b&gt;");
        assertThat(plain.guidance()).isEqualTo("**2 điểm**");
        assertThat(draft(file, 2).content().stem()).isEqualTo("<p>So sánh <b>c</b></p>");
        assertThat(file.questions().get(1).label()).isEqualTo("Câu 2");
        // An essay without grader information has no guidance.
        assertThat(((QuestionContent.Essay) draft(file, 2).content()).guidance()).isNull();
    }

    @Test
    void anImageWithoutItsFileIsMissingAndAnOddImageTypeIsRefused() {
        ParsedFile file = read(quiz("<question type=\"essay\"><name><text>Hình thiếu</text></name><questiontext format=\"html\">"
            + "<text><![CDATA[<p>Xem hình <img src=\"@@PLUGINFILE@@/khong-co.png\"></p>]]></text></questiontext></question>"
            + "<question type=\"essay\"><name><text>Hình BMP</text></name><questiontext format=\"html\">"
            + "<text><![CDATA[<p>Xem hình <img src=\"@@PLUGINFILE@@/hinh.bmp\"></p>]]></text>"
            + "<file name=\"hinh.bmp\" path=\"/\" encoding=\"base64\">Qk0=</file></questiontext></question>"));

        assertThat(file.questions().get(0).problems()).containsExactly(new ImportProblem("import.image-missing", "khong-co.png"));
        assertThat(file.questions().get(1).problems()).containsExactly(new ImportProblem("import.unsupported-image", "hinh.bmp"));
        assertThat(file.questions()).allSatisfy(question -> assertThat(question.draft()).isNotNull());
        assertThat(file.images()).isEmpty();
    }

    @Test
    void aChoiceWithoutAFullMarkAnswerHasNoKey() {
        ParsedFile file = read(quiz("<question type=\"multichoice\"><name><text>Không đáp án</text></name>"
            + "<questiontext format=\"html\"><text>1 + 1 = ?</text></questiontext><single>true</single>"
            + "<answer fraction=\"0\"><text>1</text></answer><answer fraction=\"0\"><text>3</text></answer></question>"));

        assertThat(file.questions()).singleElement()
            .satisfies(question -> assertThat(question.problems()).containsExactly(new ImportProblem("import.no-key")));
    }

    private ParsedFile read(String resourceOrXml) {
        if (resourceOrXml.endsWith(".xml")) {
            try (InputStream in = getClass().getResourceAsStream("/questionbank/import/" + resourceOrXml)) {
                assertThat(in).as(resourceOrXml).isNotNull();
                return format.read(in.readAllBytes(), DEFAULTS);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return format.read(resourceOrXml.getBytes(StandardCharsets.UTF_8), DEFAULTS);
    }

    private static String quiz(String questions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><quiz>" + questions + "</quiz>";
    }

    private static QuestionDraft draft(ParsedFile file, int number) {
        ParsedQuestion question = file.questions().get(number - 1);
        assertThat(question.number()).isEqualTo(number);
        assertThat(question.draft()).as(question.label() + " " + question.problems()).isNotNull();
        return question.draft();
    }

    private static void writeSecret(Path secret) {
        try {
            Files.writeString(secret, "bí mật của trường");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
