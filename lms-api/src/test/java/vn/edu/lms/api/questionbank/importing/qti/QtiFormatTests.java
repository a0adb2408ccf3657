package vn.edu.lms.api.questionbank.importing.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.lms.api.questionbank.importing.qti.QtiSamples.DEFAULTS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class QtiFormatTests {

    private static final ImportProblem UNREADABLE = new ImportProblem("import.unreadable-file", "QTI");
    private final QtiFormat qti = new QtiFormat();

    @Test
    void itIsNamedQti() {
        assertThat(qti.name()).isEqualTo("QTI");
    }

    @Test
    void everySupportedInteractionOfThePackageBecomesItsTypeInManifestOrder() throws Exception {
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.packageFiles()), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(file.questions()).extracting(ParsedQuestion::label)
            .containsExactly("cau-01", "cau-02", "cau-03", "cau-04", "cau-05", "cau-06", "cau-07", "cau-08", "cau-09");
        assertThat(file.questions().subList(0, 8)).extracting(question -> question.draft().content().type()).containsExactly(
            QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_RESPONSE, QuestionType.SHORT_NUMBER, QuestionType.SHORT_TEXT, QuestionType.CLOZE,
            QuestionType.MATCHING, QuestionType.ORDERING, QuestionType.ESSAY);
        for (ParsedQuestion question : file.questions().subList(0, 8)) {
            assertThat(question.problems()).as(question.label()).isEmpty();
            assertThat(question.draft().content().problems()).as(question.label()).isEmpty();
            assertThat(question.draft().subjectCode()).isEqualTo("TOAN");
            assertThat(question.draft().grade()).isEqualTo(7);
            assertThat(question.draft().topic()).isEqualTo("Tam giác");
            assertThat(question.draft().level()).isEqualTo(CognitiveLevel.THONG_HIEU);
        }
        ParsedQuestion hotspot = file.questions().get(8);
        assertThat(hotspot.draft()).isNull();
        assertThat(hotspot.problems()).containsExactly(new ImportProblem("import.unsupported-type", "hotspotInteraction"));
    }

    @Test
    void aChoiceIsKeyedInDocumentOrderWithItsStemPromptAndImage() throws Exception {
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.packageFiles()), DEFAULTS);
        var choice = (QuestionContent.SingleChoice) content(file, 1);

        assertThat(choice.options()).containsExactly(new Choice("A", "90°"), new Choice("B", "120°"), new Choice("C", "180°"),
            new Choice("D", "360°"));
        assertThat(choice.correct()).isEqualTo("C");
        assertThat(choice.fixedOrder()).isTrue();
        assertThat(choice.stem()).contains("<p>Cho tam giác <i>ABC</i> như hình vẽ.</p>",
            "<img src=\"import:images/tam-giac.png\" alt=\"Tam giác ABC\">",
            "<p>Tổng số đo ba góc của tam giác <i>ABC</i> bằng bao nhiêu?</p>");
        assertThat(choice.stem()).doesNotContain("Interaction", "Đúng rồi");
        ImportedImage image = file.images().get("images/tam-giac.png");
        assertThat(image.name()).isEqualTo("images/tam-giac.png");
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.bytes()).isEqualTo(QtiSamples.packageFiles().get("images/tam-giac.png"));
        assertThat(file.images()).containsOnlyKeys("images/tam-giac.png");

        var multiple = (QuestionContent.MultipleResponse) content(file, 2);
        assertThat(multiple.stem()).isEqualTo("<p>Những số nào sau đây là số hữu tỉ?</p>");
        assertThat(multiple.options()).extracting(Choice::content).containsExactly("\\(\\frac{-3}{4}\\)", "\\(\\sqrt{2}\\)", "−0,75", "π");
        assertThat(multiple.correct()).containsExactly("A", "C");
        assertThat(multiple.fixedOrder()).isFalse();
    }

    @Test
    void textEntriesBecomeNumbersWordsOrGapsWithEveryAcceptedAnswer() throws Exception {
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.packageFiles()), DEFAULTS);

        var number = (QuestionContent.ShortNumber) content(file, 3);
        assertThat(number.value()).isEqualByComparingTo("2.5");
        assertThat(number.tolerance()).isEqualByComparingTo("0.05");
        assertThat(number.stem()).isEqualTo("<p>Tính giá trị của biểu thức \\(x^2 - 1,5\\) tại \\(x = -2\\).</p>");

        var text = (QuestionContent.ShortText) content(file, 4);
        assertThat(text.accepted()).containsExactly("Pythagore", "Py-ta-go");
        assertThat(text.caseSensitive()).isFalse();
        assertThat(text.diacriticsSensitive()).isTrue();
        assertThat(text.stem()).endsWith("Đó là định lí ….</p>");

        var cloze = (QuestionContent.Cloze) content(file, 5);
        assertThat(cloze.stem()).isEqualTo("<p>Điền vào chỗ trống:</p>");
        assertThat(cloze.text()).isEqualTo("<p>Hai góc có mỗi cạnh của góc này là tia đối của một cạnh của góc kia gọi là hai góc {1}."
            + " Hai góc kề bù có tổng số đo bằng {2} độ.</p>");
        assertThat(cloze.gaps()).containsExactly(new Gap("1", List.of("đối đỉnh"), true, true), new Gap("2", List.of("180"), true, true));
    }

    @Test
    void matchingOrderingAndEssayKeepTheirKeysAndGuidance() throws Exception {
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.packageFiles()), DEFAULTS);

        var matching = (QuestionContent.Matching) content(file, 6);
        assertThat(matching.stem()).isEqualTo("<p>Nối mỗi loại tam giác với đặc điểm của nó.</p>");
        assertThat(matching.premises()).containsExactly(new Choice("1", "Tam giác đều"), new Choice("2", "Tam giác cân"),
            new Choice("3", "Tam giác vuông"));
        assertThat(matching.responses()).extracting(Choice::key).containsExactly("A", "B", "C", "D");
        assertThat(matching.pairs()).isEqualTo(Map.of("1", "B", "2", "C", "3", "A"));

        var ordering = (QuestionContent.Ordering) content(file, 7);
        assertThat(ordering.items()).containsExactly(new Choice("C", "−2"), new Choice("D", "\\(-\\frac{1}{2}\\)"), new Choice("A", "0"),
            new Choice("B", "\\(\\frac{3}{4}\\)"));

        var essay = (QuestionContent.Essay) content(file, 8);
        assertThat(essay.stem()).startsWith("<p>Bạn Lan mua 3 quyển vở").endsWith("<p>Trình bày lời giải.</p>").doesNotContain("Gọi số sách");
        assertThat(essay.guidance()).isEqualTo("<p>Gọi số sách là <i>x</i> (0,25 điểm); lập được phương trình (0,5 điểm); kết luận đúng (0,25 điểm).</p>");
    }

    @Test
    void aQti3ItemIsReadAlike() throws IOException {
        ParsedFile file = qti.read(QtiSamples.resource("qti3-item-phan-so.xml"), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).singleElement().satisfies(question -> {
            assertThat(question.label()).isEqualTo("phan-so-1");
            assertThat(question.problems()).isEmpty();
            var choice = (QuestionContent.SingleChoice) question.draft().content();
            assertThat(choice.stem()).isEqualTo("<p>Phân số nào sau đây bằng phân số \\(\\frac{3}{4}\\)?</p>");
            assertThat(choice.options()).extracting(Choice::key).containsExactly("A", "B", "C", "D");
            assertThat(choice.correct()).isEqualTo("B");
            assertThat(choice.fixedOrder()).isFalse();
        });
    }

    @Test
    void theItemsOfTheTestAreReadWhenTheManifestListsNoItem() throws Exception {
        String manifest = "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"M\"><resources>"
            + "<resource identifier=\"T\" type=\"imsqti_test_xmlv2p2\" href=\"de-kiem-tra.xml\"><file href=\"de-kiem-tra.xml\"/></resource>"
            + "</resources></manifest>";
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.with(QtiSamples.packageFiles(), "imsmanifest.xml", manifest)), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).extracting(ParsedQuestion::label)
            .containsExactly("cau-01", "cau-02", "cau-03", "cau-04", "cau-05", "cau-06", "cau-07", "cau-08", "cau-09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xml", "/etc/passwd", "items\\evil.xml", "items/../../evil.xml", "C:/Windows/evil.xml"})
    void anEntryThatCouldLandOutsideThePackageRefusesIt(String name) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(QtiSamples.packageFiles());
        files.put(name, "<x/>".getBytes(StandardCharsets.UTF_8));

        ParsedFile file = qti.read(QtiSamples.zip(files), DEFAULTS);

        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.unsafe-path", name));
        assertThat(file.questions()).isEmpty();
        assertThat(file.images()).isEmpty();
    }

    @Test
    void aReferenceThatClimbsOutOfThePackageRefusesIt() throws Exception {
        String item = item("<p><img src=\"../../secret.png\"/></p>");

        ParsedFile file = qti.read(QtiSamples.packageOf(item, List.of()), DEFAULTS);

        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.unsafe-path", "../../secret.png"));
        assertThat(file.questions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example/x.png", "https://evil.example/x.png", "//evil.example/x.png", "ftp://evil.example/x.png",
        "file:///etc/passwd"})
    void anItemReferringOutsideThePackageRefusesIt(String reference) throws Exception {
        ParsedFile file = qti.read(QtiSamples.packageOf(item("<p><img src=\"" + reference + "\"/></p>"), List.of()), DEFAULTS);

        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.external-reference", reference));
        assertThat(file.questions()).isEmpty();
    }

    @Test
    void aManifestReferringOutsideThePackageRefusesIt() throws Exception {
        String manifest = new String(QtiSamples.packageFiles().get("imsmanifest.xml"), StandardCharsets.UTF_8)
            .replace("<file href=\"items/cau-02-chon-nhieu.xml\"/>", "<file href=\"http://evil.example/cau-02.xml\"/>");

        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.with(QtiSamples.packageFiles(), "imsmanifest.xml", manifest)), DEFAULTS);

        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.external-reference", "http://evil.example/cau-02.xml"));
        assertThat(file.questions()).isEmpty();
    }

    @Test
    void aSingleItemWithExternalReferenceIsRefused() {
        ParsedFile file = qti.read(item("<p><img src=\"https://evil.example/x.png\"/></p>").getBytes(StandardCharsets.UTF_8), DEFAULTS);

        assertThat(file.fileProblems()).containsExactly(new ImportProblem("import.external-reference", "https://evil.example/x.png"));
    }

    @Test
    void aDoctypeIsRefusedSoThatNoEntityIsExpanded() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE assessmentItem [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + item("<p>&xxe;</p>").substring(item("").indexOf("<assessmentItem"));

        assertThat(qti.read(xxe.getBytes(StandardCharsets.UTF_8), DEFAULTS)).isEqualTo(ParsedFile.unreadable(UNREADABLE));
        String manifest = "<?xml version=\"1.0\"?><!DOCTYPE manifest [<!ENTITY a \"aaaaaaaaaa\">]><manifest identifier=\"M\">&a;</manifest>";
        assertThat(qti.read(QtiSamples.zip(QtiSamples.with(QtiSamples.packageFiles(), "imsmanifest.xml", manifest)), DEFAULTS).fileProblems())
            .containsExactly(UNREADABLE);
    }

    @Test
    void whatIsNotQtiIsUnreadable() throws Exception {
        assertThat(qti.read("Câu 1. 1 + 1 = ?\nA. 2\nB. 3\nANSWER: A".getBytes(StandardCharsets.UTF_8), DEFAULTS).fileProblems())
            .containsExactly(UNREADABLE);
        assertThat(qti.read("<html><body>Câu 1</body></html>".getBytes(StandardCharsets.UTF_8), DEFAULTS).fileProblems())
            .containsExactly(UNREADABLE);
        assertThat(qti.read(QtiSamples.zip(Map.of("readme.txt", new byte[] {1})), DEFAULTS).fileProblems()).containsExactly(UNREADABLE);
        assertThat(qti.read(new byte[] {'P', 'K', 3, 4, 9, 9, 9}, DEFAULTS).fileProblems()).containsExactly(UNREADABLE);
    }

    @Test
    void tooManyEntriesOrBytesAreRefusedAsAZipBomb() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>(QtiSamples.packageFiles());
        for (int i = 0; many.size() <= QtiPackage.MAX_ENTRIES; i++) {
            many.put("filler/" + i + ".txt", new byte[0]);
        }
        assertThat(qti.read(QtiSamples.zip(many), DEFAULTS).fileProblems()).containsExactly(UNREADABLE);

        Map<String, byte[]> large = new LinkedHashMap<>(QtiSamples.packageFiles());
        large.put("images/bomb.png", new byte[(int) QtiPackage.MAX_BYTES]);
        byte[] bomb = QtiSamples.zip(large);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(qti.read(bomb, DEFAULTS).fileProblems()).containsExactly(UNREADABLE);
    }

    @Test
    void aMissingImageIsAProblemOfItsQuestion() throws Exception {
        ParsedFile file = qti.read(QtiSamples.packageOf(item("<p>Hình: <img src=\"../images/khong-co.png\"/></p>"), List.of("images/khac.png")),
            DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).singleElement().satisfies(question -> {
            assertThat(question.draft()).isNotNull();
            assertThat(question.problems()).containsExactly(new ImportProblem("import.image-missing", "../images/khong-co.png"));
        });
        assertThat(file.images()).isEmpty();
    }

    @Test
    void anItemThatIsNotQtiIsAProblemOfItsQuestionOnly() throws Exception {
        ParsedFile file = qti.read(QtiSamples.zip(QtiSamples.with(QtiSamples.packageFiles(), "items/cau-02-chon-nhieu.xml", "<p>không phải QTI")),
            DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).hasSize(9);
        assertThat(file.questions().get(1).problems()).containsExactly(new ImportProblem("import.unreadable-file", "items/cau-02-chon-nhieu.xml"));
        assertThat(file.questions().get(2).draft()).isNotNull();
    }

    private static QuestionContent content(ParsedFile file, int number) {
        return file.questions().get(number - 1).draft().content();
    }

    /** A QTI 2.1 single choice item with the stem given. */
    private static String item(String stem) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"i1\" title=\"Câu\" adaptive=\"false\" timeDependent=\"false\">"
            + "<responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"identifier\">"
            + "<correctResponse><value>B</value></correctResponse></responseDeclaration>"
            + "<itemBody>" + stem + "<choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"1\">"
            + "<simpleChoice identifier=\"A\">Có</simpleChoice><simpleChoice identifier=\"B\">Không</simpleChoice></choiceInteraction>"
            + "</itemBody></assessmentItem>";
    }
}
