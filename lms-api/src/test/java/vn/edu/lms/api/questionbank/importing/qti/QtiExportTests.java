package vn.edu.lms.api.questionbank.importing.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.lms.api.questionbank.importing.qti.QtiSamples.DEFAULTS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionContent.Statement;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.RichText;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

class QtiExportTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    /** One question of every type, keyed as QTI files are read, with markup that needs care in XML. */
    private static final List<QtiExport.Item> EVERY_TYPE = List.of(
        item("c1", new QuestionContent.SingleChoice("<p>Cho hình vẽ <img src=\"asset:hinh1\" alt=\"Hình 1\"><br>Góc <b>x</b> bằng bao nhiêu?</p>",
            List.of(new Choice("A", "30°"), new Choice("B", "45°"), new Choice("C", "60°"), new Choice("D", "90°")), "C", true)),
        item("c2", new QuestionContent.MultipleResponse("Chọn các số <i>nguyên tố</i> &lt; 10 &amp; lẻ:",
            List.of(new Choice("A", "2"), new Choice("B", "3"), new Choice("C", "5"), new Choice("D", "9")), List.of("B", "C"), false)),
        item("c3", new QuestionContent.TrueFalseGroup("<p>Cho hàm số \\(y = 2x + 1\\).</p>", List.of(
            new Statement("a", "Đồ thị đi qua điểm \\((0; 1)\\).", true), new Statement("b", "Hàm số nghịch biến.", false),
            new Statement("c", "Hệ số góc bằng 2.", true), new Statement("d", "Đồ thị song song với \\(y = x\\).", false)))),
        item("c4", new QuestionContent.ShortNumber("Nghiệm của phương trình \\(2x + 3 = 0\\) là?", new BigDecimal("-1.5"), new BigDecimal("0.05"))),
        item("c5", new QuestionContent.ShortNumber("\\(2^{10} + 1\\) bằng?", new BigDecimal("1025"), BigDecimal.ZERO)),
        item("c6", new QuestionContent.ShortText("Thủ đô của Việt Nam là?", List.of("Hà Nội", "Ha Noi"), false, false)),
        item("c7", new QuestionContent.Matching("Nối tỉnh với miền:", List.of(new Choice("1", "Hà Nội"), new Choice("2", "Huế"), new Choice("3", "Cần Thơ")),
            List.of(new Choice("A", "Bắc"), new Choice("B", "Trung"), new Choice("C", "Nam"), new Choice("D", "Tây Nguyên")),
            Map.of("1", "A", "2", "B", "3", "C"))),
        item("c8", new QuestionContent.Ordering("Sắp xếp theo thời gian:", List.of(new Choice("A", "Nhà Lý"), new Choice("B", "Nhà Trần"),
            new Choice("C", "Nhà Lê"), new Choice("D", "Nhà Nguyễn")))),
        item("c9", new QuestionContent.Cloze("Điền vào chỗ trống:", "<p>Thủ đô là {1}, sông lớn nhất miền Bắc là {2}.</p>",
            List.of(new Gap("1", List.of("Hà Nội"), false, true), new Gap("2", List.of("sông Hồng", "Hồng"), true, false)))),
        item("c10", new QuestionContent.Essay("<p>Em hãy tả cảnh quê hương.</p><ul><li>Mở bài</li><li>Thân bài</li></ul>",
            "<p>Mở bài 1 điểm; thân bài 3 điểm.</p>")),
        item("c11", new QuestionContent.Essay("Viết đoạn văn ngắn.", null)));

    private final QtiExport export = new QtiExport();
    private final QtiFormat qti = new QtiFormat();

    @ParameterizedTest
    @EnumSource(QtiExport.Version.class)
    void everyTypeWrittenIsReadBackAsTheSameQuestion(QtiExport.Version version) {
        ParsedFile file = qti.read(export.packageOf(EVERY_TYPE, version), DEFAULTS);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.questions()).extracting(ParsedQuestion::label)
            .containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11");
        for (int i = 0; i < EVERY_TYPE.size(); i++) {
            ParsedQuestion question = file.questions().get(i);
            QuestionContent written = EVERY_TYPE.get(i).content();
            assertThat(question.problems()).as(question.label()).isEmpty();
            assertThat(comparable(question.draft().content())).as(question.label()).isEqualTo(comparable(written));
        }
        assertThat(file.questions()).extracting(question -> question.draft().content().type()).containsExactly(QuestionType.SINGLE_CHOICE,
            QuestionType.MULTIPLE_RESPONSE, QuestionType.TRUE_FALSE_GROUP, QuestionType.SHORT_NUMBER, QuestionType.SHORT_NUMBER,
            QuestionType.SHORT_TEXT, QuestionType.MATCHING, QuestionType.ORDERING, QuestionType.CLOZE, QuestionType.ESSAY, QuestionType.ESSAY);
        assertThat(file.images()).containsOnlyKeys("images/hinh1.png");
        assertThat(file.images().get("images/hinh1.png").bytes()).isEqualTo(PNG);
        assertThat(file.images().get("images/hinh1.png").mediaType()).isEqualTo("image/png");
    }

    @ParameterizedTest
    @EnumSource(QtiExport.Version.class)
    void bracesInsideLatexOfAClozeAreWrittenAsTextNotAsGaps(QtiExport.Version version) {
        QuestionContent cloze = new QuestionContent.Cloze("Điền:", "<p>\\(\\frac{1}{2} + \\frac{1}{2}\\) = {1}</p>",
            List.of(new Gap("1", List.of("1"), false, true)));
        ParsedFile file = qti.read(export.packageOf(List.of(item("latex", cloze)), version), DEFAULTS);

        assertThat(file.questions().get(0).problems()).isEmpty();
        assertThat(comparable(file.questions().get(0).draft().content())).isEqualTo(comparable(cloze));
    }

    @ParameterizedTest
    @EnumSource(QtiExport.Version.class)
    void thePackageHoldsAManifestItemsAndImagesInTheVersionsNames(QtiExport.Version version) throws IOException {
        Map<String, byte[]> files = QtiSamples.unzip(export.packageOf(EVERY_TYPE, version));

        assertThat(files.keySet()).startsWith("imsmanifest.xml").contains("items/c1.xml", "items/c11.xml", "images/hinh1.png");
        String manifest = new String(files.get("imsmanifest.xml"), StandardCharsets.UTF_8);
        String choice = new String(files.get("items/c1.xml"), StandardCharsets.UTF_8);
        assertThat(choice).contains("<br/>", "<img src=\"../images/hinh1.png\" alt=\"Hình 1\"/>");
        String multiple = new String(files.get("items/c2.xml"), StandardCharsets.UTF_8);
        assertThat(multiple).contains("&lt; 10 &amp; lẻ");
        assertThat(QtiXml.parse(files.get("items/c2.xml"))).isNotNull();
        if (version == QtiExport.Version.QTI_3_0) {
            assertThat(manifest).contains("imsqti_item_xmlv3p0");
            assertThat(choice).contains("<qti-assessment-item xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\"", "<qti-choice-interaction",
                "response-identifier=\"RESPONSE\"", "<qti-simple-choice identifier=\"C1\">30°</qti-simple-choice>");
        } else {
            assertThat(manifest).contains("imsqti_item_xmlv2p2");
            assertThat(choice).contains("<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p2\"", "<choiceInteraction",
                "responseIdentifier=\"RESPONSE\"", "<simpleChoice identifier=\"C1\">30°</simpleChoice>");
        }
    }

    @ParameterizedTest
    @EnumSource(QtiExport.Version.class)
    void identifiersAreMadeValidAndUnique(QtiExport.Version version) throws IOException {
        QuestionContent essay = new QuestionContent.Essay("Tả cây phượng.", null);
        byte[] written = export.packageOf(List.of(item("Câu 1", essay), item("Câu 1", essay), item("2", essay)), version);

        assertThat(QtiSamples.unzip(written).keySet()).contains("items/C_u_1.xml", "items/C_u_1_2.xml", "items/Q_2.xml");
        assertThat(qti.read(written, DEFAULTS).questions()).extracting(ParsedQuestion::label).containsExactly("C_u_1", "C_u_1_2", "Q_2");
    }

    private static QtiExport.Item item(String identifier, QuestionContent content) {
        return new QtiExport.Item(identifier, "Câu " + identifier, content, Map.of("hinh1", PNG));
    }

    /** Rich text as the import stores it: images of the package back to the store's ids, then sanitized. */
    private static QuestionContent comparable(QuestionContent content) {
        return content.withText(text -> RichText.sanitize(text.replaceAll("src=\"import:images/([A-Za-z0-9_-]+)\\.png\"", "src=\"asset:$1\"")));
    }
}
