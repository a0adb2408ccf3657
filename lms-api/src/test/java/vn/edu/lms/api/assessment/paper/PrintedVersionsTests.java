package vn.edu.lms.api.assessment.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.lms.api.assessment.paper.SampleQuestions.item;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;

/** Lettered versions printed as one PDF, read back with PDFBox. */
class PrintedVersionsTests {

    private static final PrintedVersions.Heading HEADING = new PrintedVersions.Heading("Trường THCS Nguyễn Du",
        "Kiểm tra giữa kỳ I – Toán 7", "Toán", 7, 45);
    private static final String ANSWER_KEY = "ĐÁP ÁN";
    /** Single choice with a figure; its options come from the sample, key B. */
    private static final QuestionContent.SingleChoice WITH_FIGURE = new QuestionContent.SingleChoice(
        "<p>Quan sát hình vẽ &amp; cho biết:</p><img src=\"asset:hinh-1.png\"><p>Số nào là số hữu tỉ âm?</p>",
        SampleQuestions.SINGLE.options(), SampleQuestions.SINGLE.correct(), false);
    private static final QuestionContent.Essay WITH_MISSING_FIGURE = new QuestionContent.Essay(
        "Cho hình <img src=\"asset:khong-co\"> Chứng minh rằng hai góc đối đỉnh thì bằng nhau.", SampleQuestions.ESSAY.guidance());

    private static final List<String> SINGLE_101 = List.of("B", "A", "C", "D");
    private static final List<String> SINGLE_102 = List.of("C", "D", "A", "B");

    @Test
    void eachVersionIsPrintedWithItsOwnLettersAndItsOwnKey() throws IOException {
        byte[] pdf = print(List.of(new PrintedVersions.Version("101", paper(SINGLE_101, List.of("C", "D", "A", "B"), List.of("B", "D", "A", "C"),
            List.of("D", "C", "B", "A"))), new PrintedVersions.Version("102", paper(SINGLE_102, List.of("A", "B", "C", "D"),
                List.of("A", "B", "C", "D"), List.of("B", "A", "D", "C")))));

        String text = text(pdf);
        int key = text.indexOf(ANSWER_KEY);
        assertThat(key).isPositive();
        assertThat(text.indexOf(ANSWER_KEY, key + 1)).isNegative();
        String questions = text.substring(0, key);
        assertThat(questions).contains("TRƯỜNG THCS NGUYỄN DU", "Kiểm tra giữa kỳ I – Toán 7", "Môn: Toán – Lớp 7", "Mã đề 101", "Mã đề 102",
            "Thời gian làm bài: 45 phút", "Họ và tên:", "Số báo danh:", "Câu 1.", "Câu 9 (3 điểm).",
            "PHẦN I. Câu trắc nghiệm nhiều phương án lựa chọn.", "Thí sinh trả lời câu 1.", "Thí sinh trả lời từ câu 5 đến câu 8.", "PHẦN II. Câu trắc nghiệm đúng sai.",
            "PHẦN III. Câu trắc nghiệm trả lời ngắn.", "PHẦN IV. Các câu hỏi khác.", "PHẦN V. Tự luận.", "Quan sát hình vẽ & cho biết:",
            "Trong mỗi ý a), b), c), d) ở mỗi câu", "a) Góc B nhọn.", "d) Tổng ba góc bằng 180°.",
            "(Chọn tất cả các phương án đúng.)", "Cột A:", "Cột B:", "[hình]", "hướng (1) ……………", "\\(\\frac{1}{2}\\) không phải");
        // Relabelled by place: the sample's option B, -2/5, is printed first in 101, last in 102.
        String version101 = questions.substring(0, questions.indexOf("Mã đề 102"));
        String version102 = questions.substring(questions.indexOf("Mã đề 102"));
        assertThat(version101).contains("A. \\(-\\frac{2}{5}\\)", "B. \\(\\frac{3}{4}\\)");
        assertThat(version102).contains("D. \\(-\\frac{2}{5}\\)", "A. 0");
        assertThat(questions).doesNotContain(SampleQuestions.KEY_MATERIAL);
        assertThat(text).doesNotContain("Hướng dẫn chấm");

        String keys = text.substring(key);
        List<String> key101 = lines(keys.substring(keys.indexOf("Mã đề 101"), keys.indexOf("Mã đề 102")));
        List<String> key102 = lines(keys.substring(keys.indexOf("Mã đề 102")));
        assertThat(key101).contains("Câu Đáp án", "1 " + printedLetter(SINGLE_101), "2 Đ S Đ Đ", "3 -3,7", "4 Thăng Long xưa / Thang Long xua",
            "5 A, C", "6 1–a; 2–c; 3–d", "7 D, C, B, A", "8 (1) phương đông; (2) phương tây", "9 tự luận");
        assertThat(key102).contains("1 " + printedLetter(SINGLE_102), "5 A, C", "6 1–b; 2–a; 3–c", "7 B, A, D, C");
        assertThat(printedLetter(SINGLE_101)).isEqualTo("A");
        assertThat(printedLetter(SINGLE_102)).isEqualTo("D");
    }

    @Test
    void anImageGivenIsDrawnAndOneNotGivenIsAPlaceholder() throws IOException {
        byte[] pdf = print(List.of(new PrintedVersions.Version("101", paper(SINGLE_101, List.of("A", "B", "C", "D"), List.of("A", "B", "C", "D"),
            List.of("B", "A", "D", "C"))), new PrintedVersions.Version("102", paper(SINGLE_102, List.of("A", "B", "C", "D"),
                List.of("A", "B", "C", "D"), List.of("B", "A", "D", "C")))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(40));
            // One object for the image, however many versions show it.
            assertThat(images.get(0).getCOSObject()).isSameAs(images.get(1).getCOSObject());
        }
        assertThat(text(pdf)).contains("[hình]");
    }

    @Test
    void aLongPaperBreaksIntoPagesAndEachVersionStartsOnItsOwn() throws IOException {
        String longStem = "Một đoạn văn dài về số hữu tỉ, số thực và các phép tính trên chúng, ".repeat(12) + "hỏi số nào nhỏ nhất?";
        List<Paper.Item> items = new ArrayList<>();
        for (int number = 1; number <= 30; number++) {
            items.add(item(number, new QuestionContent.SingleChoice(longStem, SampleQuestions.SINGLE.options(), "B", false), "0.25",
                List.of("A", "B", "C", "D")));
        }
        Paper paper = new Paper(7, items);

        byte[] pdf = print(List.of(new PrintedVersions.Version("101", paper), new PrintedVersions.Version("102", paper)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(4);
            List<Integer> headed = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                String pageText = pageText(document, page);
                if (pageText.contains("Họ và tên:")) {
                    headed.add(page);
                    assertThat(pageText.strip()).startsWith("TRƯỜNG THCS NGUYỄN DU");
                }
            }
            assertThat(headed).hasSize(2).startsWith(1);
            assertThat(pageText(document, headed.get(1) - 1)).contains("------ HẾT ------", "Mã đề 101 – Trang " + (headed.get(1) - 1) + "/"
                + (headed.get(1) - 1));
            assertThat(pageText(document, headed.get(1))).contains("Mã đề 102 – Trang 1/");
            assertThat(text(pdf)).contains("Câu 30.", "30 B");
        }
    }

    /** The letter a version prints for the sample single choice's key, from the order it shows the options in. */
    private static String printedLetter(List<String> shownOrder) {
        return String.valueOf((char) ('A' + shownOrder.indexOf(SampleQuestions.SINGLE.correct())));
    }

    private static Paper paper(List<String> singleOrder, List<String> multipleOrder, List<String> matchingOrder, List<String> orderingOrder) {
        List<Paper.Item> items = new ArrayList<>(SampleQuestions.paper(singleOrder, multipleOrder, matchingOrder, orderingOrder).items());
        items.set(0, item(1, WITH_FIGURE, "0.25", singleOrder));
        items.set(8, item(9, WITH_MISSING_FIGURE, "3", List.of()));
        return new Paper(1, items);
    }

    private static byte[] print(List<PrintedVersions.Version> versions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintedVersions.write(HEADING, versions, Map.of("hinh-1.png", png(40, 20)), out);
        return out.toByteArray();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? Color.BLACK.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
