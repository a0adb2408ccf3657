package vn.edu.lms.content.library.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.edu.lms.content.library.extraction.Fixtures.ADDITION;
import static vn.edu.lms.content.library.extraction.Fixtures.AUTHOR;
import static vn.edu.lms.content.library.extraction.Fixtures.SUBTRACTION;
import static vn.edu.lms.content.library.extraction.Fixtures.TITLE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Mono;

/**
 * Extraction through real child JVMs, from documents written at test time. One extractor (one
 * child) serves the class; the hostile files show that it survives each of them.
 */
class ExtractionTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path files;

    private static Extractor extractor;

    @BeforeAll
    static void start() {
        extractor = new Extractor(ExtractionProperties.defaults());
    }

    @AfterAll
    static void stop() {
        extractor.destroy();
    }

    @Test
    void aVietnamesePdfGivesItsTextTitleAuthorPagesLanguageAndFirstPage() throws IOException {
        Extraction pdf = extract(Fixtures.pdf(files.resolve("bai-giang.pdf")));

        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        assertThat(pdf.text()).contains(ADDITION).contains(SUBTRACTION);
        assertThat(pdf.textTruncated()).isFalse();
        assertThat(pdf.title()).isEqualTo(TITLE);
        assertThat(pdf.author()).isEqualTo(AUTHOR);
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.language()).isEqualTo("vi");
        assertThat(pdf.durationSeconds()).isNull();
        BufferedImage page = image(pdf.thumbnailPng());
        assertThat(page.getWidth()).isEqualTo(320);
        assertThat(page.getHeight()).isBetween(450, 454); // A4 is 1 : 1.414
    }

    @Test
    void aWordDocumentGivesItsParagraphsAndProperties() throws IOException {
        Extraction docx = extract(Fixtures.docx(files.resolve("giao-an.docx")));

        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.text()).contains(ADDITION).contains(SUBTRACTION);
        assertThat(docx.title()).isEqualTo(TITLE);
        assertThat(docx.author()).isEqualTo(AUTHOR);
        assertThat(docx.pages()).isEqualTo(1);
        assertThat(docx.language()).isEqualTo("vi");
        assertThat(docx.thumbnailPng()).isNull();
    }

    @Test
    void aSlideDeckGivesEverySlidesTextItsSlideCountAndItsFirstSlide() throws IOException {
        Extraction pptx = extract(Fixtures.pptx(files.resolve("trinh-chieu.pptx")));

        assertThat(pptx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(pptx.text()).contains(ADDITION).contains(SUBTRACTION);
        assertThat(pptx.title()).isEqualTo(TITLE);
        assertThat(pptx.author()).isEqualTo(AUTHOR);
        assertThat(pptx.pages()).isEqualTo(2);
        BufferedImage slide = image(pptx.thumbnailPng());
        assertThat(slide.getWidth()).isEqualTo(320);
        assertThat(slide.getHeight()).isEqualTo(240); // POI's default 4:3 slide
    }

    @Test
    void aSpreadsheetGivesItsSheetNamesAndCells() throws IOException {
        Extraction xlsx = extract(Fixtures.xlsx(files.resolve("diem.xlsx")));

        assertThat(xlsx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.text()).contains("Điểm lớp 2A", ADDITION, "Trần Văn Bình", "9.5");
        assertThat(xlsx.title()).isEqualTo(TITLE);
        assertThat(xlsx.pages()).isNull();
        assertThat(xlsx.thumbnailPng()).isNull();
    }

    @Test
    void anOpenDocumentTextGivesItsTextMetadataAndThePreviewItCarries() throws IOException {
        Extraction odt = extract(Fixtures.odt(files.resolve("giao-an.odt")));

        assertThat(odt.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.text()).contains(ADDITION).contains(SUBTRACTION)
            .as("a heading is not glued to the next paragraph").contains(TITLE + "\n" + ADDITION);
        assertThat(odt.title()).isEqualTo(TITLE);
        assertThat(odt.author()).isEqualTo(AUTHOR);
        assertThat(odt.language()).isEqualTo("vi-VN");
        assertThat(odt.pages()).isEqualTo(1);
        assertThat(image(odt.thumbnailPng()).getWidth()).as("a small preview is not enlarged").isEqualTo(256);
    }

    @Test
    void anEpubGivesItsChaptersAndDublinCore() throws IOException {
        Extraction epub = extract(Fixtures.epub(files.resolve("sach.epub")));

        assertThat(epub.mediaType()).isEqualTo("application/epub+zip");
        assertThat(epub.text()).contains("Chương 1", ADDITION, SUBTRACTION);
        assertThat(epub.title()).isEqualTo(TITLE);
        assertThat(epub.author()).isEqualTo(AUTHOR);
        assertThat(epub.language()).isEqualTo("vi");
    }

    @Test
    void aWebPageGivesItsTextTitleAuthorAndLanguage() throws IOException {
        Extraction html = extract(Fixtures.html(files.resolve("bai-doc.html")));

        assertThat(html.mediaType()).isEqualTo("text/html");
        assertThat(html.text()).contains(ADDITION).contains(SUBTRACTION).doesNotContain("<p>");
        assertThat(html.title()).isEqualTo(TITLE);
        assertThat(html.author()).isEqualTo(AUTHOR);
        assertThat(html.language()).isEqualTo("vi");
    }

    @Test
    void decomposedVietnameseTextComesOutComposed() throws IOException {
        String decomposed = Normalizer.normalize(ADDITION + "\n" + SUBTRACTION, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(ADDITION + "\n" + SUBTRACTION);

        Extraction txt = extract(Fixtures.txt(files.resolve("ghi-chu.txt"), decomposed));

        assertThat(txt.mediaType()).isEqualTo("text/plain");
        assertThat(txt.text()).isEqualTo(ADDITION + "\n" + SUBTRACTION);
        assertThat(txt.title()).isNull();
        assertThat(txt.thumbnailPng()).isNull();
    }

    @Test
    void aPictureGivesAThumbnailNoWiderThanTheLimitAndNeverEnlarged() throws IOException {
        Extraction large = extract(Fixtures.pngFile(files.resolve("hinh-lon.png"), 1280, 960));
        Extraction small = extract(Fixtures.pngFile(files.resolve("hinh-nho.png"), 200, 150));

        assertThat(large.mediaType()).isEqualTo("image/png");
        assertThat(large.text()).isEmpty();
        BufferedImage thumbnail = image(large.thumbnailPng());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
        assertThat(image(small.thumbnailPng()).getWidth()).isEqualTo(200);
    }

    @Test
    void textBeyondTheLimitIsCutAndMarkedNotFailed() throws IOException {
        String line = ADDITION + ". ";
        Path big = Fixtures.txt(files.resolve("dai.txt"), line.repeat(2_100_000 / line.length()));

        Extraction txt = extract(big);

        assertThat(txt.textTruncated()).isTrue();
        assertThat(txt.text()).startsWith(ADDITION).hasSizeBetween(1_999_000, 2_000_000);
    }

    @Test
    void attachmentsAreFollowedThreeLevelsDeepAndAHundredFilesFar() throws IOException {
        Extraction nested = extract(Fixtures.nestedZips(files.resolve("long-nhau.zip"), 5));
        Extraction many = extract(Fixtures.zipOfTexts(files.resolve("nhieu-tep.zip"), 150));

        assertThat(nested.text()).contains("Tầng số 1", "Tầng số 2", "Tầng số 3").doesNotContain("Tầng số 4");
        assertThat(many.text()).contains("Mục 001", "Mục 100").doesNotContain("Mục 101");
    }

    @Test
    void anEmptyFileFailsAsEmpty() throws IOException {
        assertThat(failure(extractor, Files.createFile(files.resolve("rong.pdf")))).isEqualTo(ExtractionFailure.EMPTY);
    }

    @Test
    void aZipBombFailsAsZipBombAndTheNextFileStillExtracts() throws IOException {
        Path bomb = Fixtures.zipBombDocx(files.resolve("bom.docx"), 200);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        assertThat(failure(extractor, bomb)).isEqualTo(ExtractionFailure.ZIP_BOMB);
        assertStillExtracts(extractor);
    }

    @Test
    void aPasswordProtectedWordFileFailsAsEncryptedAndTheNextFileStillExtracts() throws Exception {
        Path locked = Fixtures.encryptedDocx(files.resolve("khoa.docx"), files);

        assertThat(failure(extractor, locked)).isEqualTo(ExtractionFailure.ENCRYPTED);
        assertStillExtracts(extractor);
    }

    @Test
    void aTruncatedPdfFailsAsMalformedAndTheNextFileStillExtracts() throws IOException {
        Path cut = Fixtures.truncatedPdf(files.resolve("dut.pdf"), files, 0.5);

        assertThat(failure(extractor, cut)).isEqualTo(ExtractionFailure.MALFORMED);
        assertStillExtracts(extractor);
    }

    @Test
    void randomBytesNamedPdfFailAsMalformedAndTheNextFileStillExtracts() throws IOException {
        assertThat(failure(extractor, Fixtures.randomBytes(files.resolve("ngau-nhien.pdf"), 64 * 1024)))
            .isEqualTo(ExtractionFailure.MALFORMED);
        assertStillExtracts(extractor);
    }

    @Test
    void aFileThatExhaustsTheChildsHeapFailsAsOutOfMemoryAndTheNextFileStillExtracts() throws IOException {
        Path bomb = Fixtures.pdfWithInflatingMetadata(files.resolve("xmp.pdf"), 300);

        assertThat(failure(extractor, bomb)).isEqualTo(ExtractionFailure.OUT_OF_MEMORY);
        assertStillExtracts(extractor);
    }

    @Test
    void aChildKilledInTheMiddleOfAFileFailsAsCrashedAndANewChildTakesTheNext() throws Exception {
        // 10,000 heavy pages: ten times the 1,000 that took 3.5 s to parse here, so that on a much faster machine too the
        // child is still at it when it is killed.
        Path slow = Fixtures.heavyPdf(files.resolve("cham.pdf"), 5_000, 1, 10_000);
        assertStillExtracts(extractor); // a child is up and idle
        ProcessHandle child = extractor.children().get(0);

        CompletableFuture<Extraction> pending = extractor.extract(slow).toFuture();
        Thread.sleep(500); // the child is now parsing
        child.destroyForcibly();

        assertThat(failure(pending)).isEqualTo(ExtractionFailure.CRASHED);
        assertStillExtracts(extractor);
        assertThat(extractor.children()).singleElement().extracting(ProcessHandle::pid).isNotEqualTo(child.pid());
    }

    @Test
    void aFileThatTakesTooLongFailsAsTimeoutAndTheNextFileStillExtracts() throws Exception {
        // As above: far longer than the timeout on any machine, not merely longer on this one.
        Path slow = Fixtures.heavyPdf(files.resolve("rat-cham.pdf"), 5_000, 1, 10_000);
        var impatient = new Extractor(new ExtractionProperties(Duration.ofMillis(1500), DataSize.ofMegabytes(256),
            2_000_000, 3, 100, 1, 320));
        try {
            assertStillExtracts(impatient); // the child's start does not count against the timeout
            long started = System.nanoTime();

            assertThat(failure(impatient, slow)).isEqualTo(ExtractionFailure.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
            assertStillExtracts(impatient);
        } finally {
            impatient.destroy();
        }
        assertThat(impatient.children()).isEmpty();
    }

    private static Extraction extract(Path file) {
        Extraction extraction = extractor.extract(file).block(WAIT);
        assertThat(extraction).isNotNull();
        return extraction;
    }

    /** A good file after a bad one: the worker recovered (or never suffered). */
    private static void assertStillExtracts(Extractor extractor) throws IOException {
        Path good = files.resolve("sau-" + System.nanoTime() + ".docx");
        Extraction extraction = extractor.extract(Fixtures.docx(good)).block(WAIT);
        assertThat(extraction).isNotNull();
        assertThat(extraction.text()).contains(ADDITION);
    }

    private static String failure(Extractor extractor, Path file) {
        return failure(extractor.extract(file).toFuture());
    }

    private static String failure(CompletableFuture<Extraction> extraction) {
        Throwable error = catchThrowable(() -> Mono.fromFuture(extraction).block(WAIT));
        assertThat(error).isInstanceOf(ExtractionFailure.class);
        return ((ExtractionFailure) error).reason();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        assertThat(png).isNotNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG").isNotNull();
        return image;
    }
}
