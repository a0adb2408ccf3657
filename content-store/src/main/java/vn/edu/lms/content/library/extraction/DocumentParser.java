package vn.edu.lms.content.library.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.jspecify.annotations.Nullable;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Text and metadata with Tika's auto-detecting parser. Runs in the child JVM only: a hostile file may
 * loop, exhaust the heap or overflow the stack here without touching the server.
 */
final class DocumentParser {

    /**
     * POI refuses a zip entry that inflates more than 500 times. Deflate tops out near 1000:1, so this
     * catches the packed bombs, while ordinary document parts (which inflate tens of times) pass.
     */
    private static final double MIN_INFLATE_RATIO = 1.0 / 500;
    /** The same limit on what a zip's directory declares, for entries past this size. */
    private static final long MAX_DECLARED_RATIO = 500;
    private static final long RATIO_GRACE_BYTES = 1 << 20;

    private final ChildSettings settings;
    private final AutoDetectParser parser;
    private final Detector detector;

    DocumentParser(ChildSettings settings) {
        this.settings = settings;
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.parser = new AutoDetectParser(config);
        this.detector = config.getDetector();
        // Loading Tika's OOXMLParser (just now) switched POI's inflate-ratio guard off for the whole JVM:
        // Tika relies on counting the text that comes out, which is too late for parts read whole into
        // memory (by POI, or by the thumbnails). Switched back on here, in the child only.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

    /**
     * Extracts everything but the thumbnail.
     *
     * @throws ExtractionFailure when the file cannot be read as what it is
     */
    Extraction parse(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new ExtractionFailure(ExtractionFailure.EMPTY);
            }
        } catch (IOException e) {
            throw new ExtractionFailure(ExtractionFailure.MALFORMED);
        }
        refuseZipBombs(file);
        Metadata metadata = new Metadata();
        // Throws once the limit is reached, so a huge document stops being read there: what came
        // before (and the metadata, which parsers read first) is kept.
        var handler = new BodyContentHandler(settings.maxTextChars());
        boolean limitReached = false;
        String mediaType;
        // Passing the metadata gives Tika the file name, which it uses only where the content's magic is inconclusive.
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            mediaType = detector.detect(in, metadata).getBaseType().toString();
            try {
                parser.parse(in, new LineBreaks(handler), metadata, context());
            } catch (Exception | StackOverflowError e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw new ExtractionFailure(reasonFor(e));
                }
                limitReached = true;
            }
        } catch (IOException e) {
            throw new ExtractionFailure(ExtractionFailure.MALFORMED);
        }
        String text = handler.toString();
        // An embedded parser may swallow the limit's exception; the handler then just stops taking text.
        boolean truncated = limitReached || text.length() >= settings.maxTextChars();
        if (truncated && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text = text.substring(0, text.length() - 1);
        }
        return new Extraction(mediaType, nfc(text).strip(), truncated,
            first(metadata, TikaCoreProperties.TITLE),
            authors(metadata),
            pages(metadata),
            language(metadata),
            seconds(metadata.get(XMPDM.DURATION)),
            null);
    }

    /**
     * Refuses a zip (DOCX, XLSX, PPTX, ODF, EPUB, ZIP) whose directory declares an entry that inflates
     * more than {@link #MAX_DECLARED_RATIO} times. Tika's own guard counts the text as it comes out,
     * but its Word handler gathers a whole text run before letting any out, so a packed run of a few
     * hundred megabytes exhausts the heap first. A zip that lies in its directory gets past this; the
     * heap limit of the child stops it then.
     */
    private static void refuseZipBombs(Path file) {
        if (!startsWithZipMagic(file)) {
            return;
        }
        boolean bomb;
        try (var zip = new ZipFile(file.toFile())) {
            bomb = zip.stream().anyMatch(entry -> entry.getSize() > RATIO_GRACE_BYTES && entry.getCompressedSize() >= 0
                && entry.getSize() > entry.getCompressedSize() * MAX_DECLARED_RATIO);
        } catch (IOException | RuntimeException unreadable) {
            return; // not a zip the JDK reads: Tika judges it
        }
        if (bomb) {
            throw new ExtractionFailure(ExtractionFailure.ZIP_BOMB);
        }
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    private ParseContext context() {
        var context = new ParseContext();
        // Embedded documents (an image in a DOCX, a file in a ZIP) are parsed by the same parser, within limits.
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class,
            new LimitedEmbeddedDocuments(context, settings.maxEmbeddedDepth(), settings.maxEmbeddedResources()));
        // OCR would start tesseract (if installed) for every image: slow, and not what we index.
        var ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        // Word and PowerPoint files streamed rather than loaded whole: memory follows the text limit, not the file.
        var office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    /**
     * The failure slug for what a parser threw. Tika's own zip-bomb guard (SecureContentHandler, on the
     * ratio of text out to bytes in and on XML nesting) and POI's (ZipSecureFile, on inflation ratio)
     * report in the message only.
     */
    static String reasonFor(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < 20; i++, t = t.getCause()) {
            if (t instanceof org.apache.tika.exception.EncryptedDocumentException
                || t instanceof org.apache.poi.EncryptedDocumentException
                || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return ExtractionFailure.ENCRYPTED;
            }
            if (t instanceof StackOverflowError) {
                return ExtractionFailure.TOO_DEEP;
            }
            if (t instanceof ZeroByteFileException) {
                return ExtractionFailure.EMPTY;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return ExtractionFailure.ZIP_BOMB;
            }
        }
        return ExtractionFailure.MALFORMED;
    }

    private static @Nullable String authors(Metadata metadata) {
        String joined = Arrays.stream(metadata.getValues(TikaCoreProperties.CREATOR))
            .map(DocumentParser::clean).filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
        return clean(joined);
    }

    /** PDF gives xmpTPg:NPages, office documents meta:page-count, presentations meta:slide-count. */
    private static @Nullable Integer pages(Metadata metadata) {
        for (Property property : new Property[] { PagedText.N_PAGES, Office.PAGE_COUNT, Office.SLIDE_COUNT }) {
            String value = metadata.get(property);
            if (value != null) {
                try {
                    int pages = Integer.parseInt(value.strip());
                    if (pages > 0) {
                        return pages;
                    }
                } catch (NumberFormatException ignored) {
                    // a hostile or odd value: try the next property
                }
            }
        }
        return null;
    }

    /** The language the document declares; Tika's guessing (tika-langdetect) is not on the classpath. */
    private static @Nullable String language(Metadata metadata) {
        String declared = first(metadata, TikaCoreProperties.LANGUAGE);
        return declared != null ? declared : clean(metadata.get("Content-Language"));
    }

    /** xmpDM:duration is seconds in Tika 2 and later; some parsers write hh:mm:ss. */
    static @Nullable Double seconds(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = 0;
            for (String part : value.strip().split(":", 3)) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            return Double.isFinite(seconds) && seconds >= 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String first(Metadata metadata, Property property) {
        return clean(metadata.get(property));
    }

    /** NFC, trimmed, null when blank, and capped: a title need not be a megabyte long. */
    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = nfc(value).strip();
        if (cleaned.length() > Wire.MAX_METADATA_CHARS) {
            cleaned = cleaned.substring(0, Wire.MAX_METADATA_CHARS);
            if (Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))) {
                cleaned = cleaned.substring(0, cleaned.length() - 1);
            }
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String nfc(String value) {
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * Puts a line break between a heading, paragraph or list item and the text after it, unless the
     * parser wrote whitespace there itself (most do). Tika's ODF parser does not after headings, which
     * glued "Bài 12" to the first word of the next paragraph.
     */
    private static final class LineBreaks extends ContentHandlerDecorator {

        private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "pre");
        private static final char[] NEWLINE = { '\n' };

        private boolean breakDue;

        LineBreaks(ContentHandler handler) {
            super(handler);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            super.endElement(uri, localName, name);
            breakDue |= BLOCKS.contains(localName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (breakDue && length > 0) {
                breakDue = false;
                if (!Character.isWhitespace(ch[start])) {
                    super.characters(NEWLINE, 0, 1);
                }
            }
            super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            breakDue &= length == 0;
            super.ignorableWhitespace(ch, start, length);
        }
    }

    /**
     * Follows attachments only so deep and so many: enough for a lesson plan with an embedded sheet,
     * not for a recursion bomb (archives in archives). Anything beyond is skipped rather than failing
     * the file: the teacher's own text still deserves to be found.
     */
    private static final class LimitedEmbeddedDocuments extends ParsingEmbeddedDocumentExtractor {

        private final int maxDepth;
        private final int maxResources;
        private int depth;
        private int parsed;

        LimitedEmbeddedDocuments(ParseContext context, int maxDepth, int maxResources) {
            super(context);
            this.maxDepth = maxDepth;
            this.maxResources = maxResources;
            // "image1.png" in the text is noise for search.
            setWriteFileNameToContent(false);
        }

        private boolean withinLimits() {
            return depth < maxDepth && parsed < maxResources;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return withinLimits() && super.shouldParseEmbedded(metadata);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (!withinLimits()) {
                return; // a parser that did not ask first
            }
            parsed++;
            depth++;
            try {
                super.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }
}
