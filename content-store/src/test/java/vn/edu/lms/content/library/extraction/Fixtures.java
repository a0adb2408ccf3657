package vn.edu.lms.content.library.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Realistic documents written at test time: the real libraries (PDFBox, POI) for the formats they
 * write, and by hand for ODF and EPUB, which are zip files of XML. Vietnamese throughout. Public for
 * the tests of the features that upload and process documents.
 */
public final class Fixtures {

    public static final String TITLE = "Toán lớp 2 – Bài 12";
    public static final String AUTHOR = "Nguyễn Thị Thu Hà";
    public static final String ADDITION = "Phép cộng các số trong phạm vi 100";
    public static final String SUBTRACTION = "Phép trừ có nhớ: 52 − 17 = 35";

    /** A Vietnamese-capable TrueType font from the PDFBox jar itself: no dependency on the machine's fonts. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private Fixtures() {
    }

    /** A two-page PDF with an embedded font subset, a title, an author and a declared language. */
    public static Path pdf(Path file) throws IOException {
        return pdf(file, ADDITION, SUBTRACTION);
    }

    /** A PDF with one page per line given (Vietnamese text welcome), a title, an author and a declared language. */
    public static Path pdf(Path file, String... lines) throws IOException {
        try (var document = new PDDocument(); InputStream font = Fixtures.class.getResourceAsStream(FONT)) {
            PDType0Font liberation = PDType0Font.load(document, font);
            for (String line : lines) {
                var page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(liberation, 16);
                    content.newLineAtOffset(72, 760);
                    content.showText(line);
                    content.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor(AUTHOR);
            document.getDocumentCatalog().setLanguage("vi");
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A PDF that is small on disk but costly to extract: one form of {@code glyphs} letters, each placed
     * on its own, drawn {@code timesPerPage} times on each of {@code pages} pages that share one content
     * stream. The extractor keeps every letter drawn on a page (to sort them into lines) until the page
     * is done: many letters per page exhaust the heap, many pages take long.
     */
    public static Path heavyPdf(Path file, int glyphs, int timesPerPage, int pages) throws IOException {
        try (var document = new PDDocument()) {
            var form = new PDFormXObject(document);
            form.setBBox(PDRectangle.A4);
            form.setResources(new PDResources());
            try (var content = new PDFormContentStream(form)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 2);
                for (int i = 0; i < glyphs; i++) {
                    content.setTextMatrix(Matrix.getTranslateInstance((i * 7) % 560 + 20, 800 - (i / 80) % 780));
                    content.showText(String.valueOf((char) ('a' + i % 26)));
                }
                content.endText();
            }
            var first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            try (var content = new PDPageContentStream(document, first)) {
                for (int i = 0; i < timesPerPage; i++) {
                    content.drawForm(form);
                }
            }
            for (int i = 1; i < pages; i++) {
                var page = new PDPage(PDRectangle.A4);
                page.setResources(first.getResources());
                page.getCOSObject().setItem(COSName.CONTENTS, first.getCOSObject().getItem(COSName.CONTENTS));
                document.addPage(page);
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A PDF whose XMP metadata stream inflates to {@code megabytes} MB of one letter. Tika reads the
     * metadata whole, so this is the PDF form of a decompression bomb: it exhausts any small heap fast.
     */
    public static Path pdfWithInflatingMetadata(Path file, int megabytes) throws IOException {
        var packed = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(packed, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title><rdf:Alt>"
                + "<rdf:li xml:lang='x-default'>").getBytes(UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
            }
            out.write("</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>".getBytes(UTF_8));
        }
        try (var document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write(packed.toByteArray()); // already deflated: PDFBox would otherwise hold the inflated bytes
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            stream.setItem(COSName.TYPE, COSName.METADATA);
            stream.setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
            document.getDocumentCatalog().setMetadata(new PDMetadata(stream));
            document.save(file.toFile());
        }
        return file;
    }

    /** A zip holding a text and a zip, which holds a text and a zip, and so on: {@code levels} texts deep. */
    public static Path nestedZips(Path file, int levels) throws IOException {
        byte[] inner = null;
        for (int level = levels; level >= 1; level--) {
            var bytes = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(bytes)) {
                deflated(zip, "tang-" + level + ".txt", ("Tầng số " + level + " của tệp nén.").getBytes(UTF_8));
                if (inner != null) {
                    deflated(zip, "ben-trong.zip", inner);
                }
            }
            inner = bytes.toByteArray();
        }
        return Files.write(file, inner);
    }

    /** A zip of {@code count} small texts, "Mục 001" to "Mục nnn". */
    public static Path zipOfTexts(Path file, int count) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 1; i <= count; i++) {
                deflated(zip, "muc-%03d.txt".formatted(i), "Mục %03d: bài tập về nhà.".formatted(i).getBytes(UTF_8));
            }
        }
        return file;
    }

    public static Path docx(Path file) throws IOException {
        try (var document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText(ADDITION);
            document.createParagraph().createRun().setText(SUBTRACTION);
            properties(document.getProperties());
            document.getProperties().getExtendedProperties().getUnderlyingProperties().setPages(1);
            document.write(out);
        }
        return file;
    }

    public static Path pptx(Path file) throws IOException {
        try (var show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            for (String line : new String[] { ADDITION, SUBTRACTION }) {
                XSLFSlide slide = show.createSlide();
                XSLFTextBox box = slide.createTextBox();
                box.setAnchor(new Rectangle(50, 50, 600, 120));
                box.setText(line);
                box.setFillColor(new Color(0xFF, 0xE0, 0x80));
            }
            properties(show.getProperties());
            show.getProperties().getExtendedProperties().getUnderlyingProperties().setSlides(2);
            show.write(out);
        }
        return file;
    }

    public static Path xlsx(Path file) throws IOException {
        try (var workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Điểm lớp 2A");
            sheet.createRow(0).createCell(0).setCellValue(ADDITION);
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Trần Văn Bình");
            row.createCell(1).setCellValue(9.5);
            properties(workbook.getProperties());
            workbook.write(out);
        }
        return file;
    }

    private static void properties(POIXMLProperties properties) {
        properties.getCoreProperties().setTitle(TITLE);
        properties.getCoreProperties().setCreator(AUTHOR);
        PackageProperties core = properties.getCoreProperties().getUnderlyingProperties();
        core.setLanguageProperty("vi");
    }

    /** An ODF text document as LibreOffice lays it out, with its preview picture. */
    public static Path odt(Path file) throws IOException {
        String content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
              <office:body><office:text>
                <text:h text:outline-level="1">%s</text:h>
                <text:p>%s</text:p>
                <text:p>%s</text:p>
              </office:text></office:body>
            </office:document-content>
            """.formatted(TITLE, ADDITION, SUBTRACTION);
        String meta = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
                office:version="1.3">
              <office:meta>
                <dc:title>%s</dc:title>
                <meta:initial-creator>%s</meta:initial-creator>
                <dc:creator>%s</dc:creator>
                <dc:language>vi-VN</dc:language>
                <meta:document-statistic meta:page-count="1" meta:paragraph-count="3"/>
              </office:meta>
            </office:document-meta>
            """.formatted(TITLE, AUTHOR, AUTHOR);
        String manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
              <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
              <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
              <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
              <manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>
            </manifest:manifest>
            """;
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "mimetype", "application/vnd.oasis.opendocument.text".getBytes(UTF_8));
            deflated(zip, "META-INF/manifest.xml", manifest.getBytes(UTF_8));
            deflated(zip, "content.xml", content.getBytes(UTF_8));
            deflated(zip, "meta.xml", meta.getBytes(UTF_8));
            deflated(zip, "Thumbnails/thumbnail.png", png(256, 362));
        }
        return file;
    }

    /** An EPUB 3 book: container, package document with Dublin Core metadata, a navigation page and a chapter. */
    public static Path epub(Path file) throws IOException {
        String container = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """;
        String opf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="vi">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="book-id">urn:uuid:6f1c8d2e-2b7a-4c1e-9f3a-1d2e3f4a5b6c</dc:identifier>
                <dc:title>%s</dc:title>
                <dc:creator>%s</dc:creator>
                <dc:language>vi</dc:language>
                <meta property="dcterms:modified">2025-09-05T00:00:00Z</meta>
              </metadata>
              <manifest>
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                <item id="chuong1" href="chuong1.xhtml" media-type="application/xhtml+xml"/>
              </manifest>
              <spine><itemref idref="chuong1"/></spine>
            </package>
            """.formatted(TITLE, AUTHOR);
        String nav = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="vi">
              <head><title>Mục lục</title></head>
              <body><nav epub:type="toc"><ol><li><a href="chuong1.xhtml">Chương 1</a></li></ol></nav></body>
            </html>
            """;
        String chapter = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
              <head><title>Chương 1</title></head>
              <body><h1>Chương 1</h1><p>%s</p><p>%s</p></body>
            </html>
            """.formatted(ADDITION, SUBTRACTION);
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "mimetype", "application/epub+zip".getBytes(UTF_8));
            deflated(zip, "META-INF/container.xml", container.getBytes(UTF_8));
            deflated(zip, "OEBPS/content.opf", opf.getBytes(UTF_8));
            deflated(zip, "OEBPS/nav.xhtml", nav.getBytes(UTF_8));
            deflated(zip, "OEBPS/chuong1.xhtml", chapter.getBytes(UTF_8));
        }
        return file;
    }

    public static Path html(Path file) throws IOException {
        String html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta http-equiv="content-language" content="vi">
              <title>%s</title>
              <meta name="author" content="%s">
            </head>
            <body><h1>%s</h1><p>%s</p><p>%s</p></body>
            </html>
            """.formatted(TITLE, AUTHOR, TITLE, ADDITION, SUBTRACTION);
        return Files.writeString(file, html, UTF_8);
    }

    /** Plain UTF-8 without a byte-order mark, as Notepad and most editors save it now. */
    public static Path txt(Path file, String text) throws IOException {
        return Files.writeString(file, text, UTF_8);
    }

    public static Path pngFile(Path file, int width, int height) throws IOException {
        return Files.write(file, png(width, height));
    }

    public static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x20, 0x60, 0xA0));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 10)));
        g.drawString("1 + 1 = 2", width / 8, height - height / 8);
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A DOCX whose document part inflates from a few hundred kilobytes to {@code megabytes} MB of one
     * repeated letter. Written through the deflater in chunks: nothing that size is ever on disk or in memory.
     */
    public static Path zipBombDocx(Path file, int megabytes) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            deflated(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml"
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """.getBytes(UTF_8));
            deflated(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Target="word/document.xml"
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                </Relationships>
                """.getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""
                .getBytes(UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                zip.write(chunk);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** The DOCX above, encrypted with a password as Word does it (agile encryption in an OLE2 container). */
    public static Path encryptedDocx(Path file, Path scratchDirectory) throws Exception {
        byte[] docx = Files.readAllBytes(docx(Files.createTempFile(scratchDirectory, "plain", ".docx")));
        try (var fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mật khẩu bí mật");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(docx);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** The first {@code fraction} of a good PDF, as a broken upload leaves it. */
    public static Path truncatedPdf(Path file, Path scratchDirectory, double fraction) throws IOException {
        byte[] whole = Files.readAllBytes(pdf(Files.createTempFile(scratchDirectory, "whole", ".pdf")));
        return Files.write(file, Arrays.copyOf(whole, (int) (whole.length * fraction)));
    }

    public static Path randomBytes(Path file, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(20250905L).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    /** The ODF and EPUB rules: "mimetype" first and stored, so that it can be read at a fixed offset. */
    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        var entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        var crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
