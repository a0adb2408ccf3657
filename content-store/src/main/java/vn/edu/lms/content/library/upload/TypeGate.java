package vn.edu.lms.content.library.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the library accepts, decided from the bytes (Tika's detector, never the file name):
 * executables, scripts and macro-enabled Office files are refused, and so are HTML and SVG that
 * carry script (a script tag, an event-handler attribute or a javascript: URL), because the
 * library serves files back to other people's browsers.
 */
@Component
public class TypeGate {

    /** Bytes the detector looks at; enough for magic numbers and the first entries of an Office zip. */
    public static final int SNIFF_BYTES = 1024 * 1024;

    private static final Set<String> EXECUTABLES = Set.of("application/x-dosexec", "application/x-msdownload",
        "application/x-executable", "application/x-sharedlib", "application/x-elf", "application/x-mach-o-executable",
        "application/x-mach-o", "application/x-msdos-program", "application/vnd.microsoft.portable-executable",
        "application/java-archive", "application/x-java-archive", "application/java-vm", "application/x-ms-installer",
        "application/x-msi", "application/vnd.android.package-archive", "application/x-apple-diskimage",
        "application/x-object", "application/x-coredump", "application/x-ms-shortcut");
    private static final Set<String> SCRIPTS = Set.of("application/x-sh", "application/x-shellscript", "text/x-sh",
        "application/x-csh", "application/javascript", "text/javascript", "application/x-javascript", "application/x-bat",
        "application/bat", "text/x-python", "text/x-perl", "application/x-perl", "text/x-php", "application/x-httpd-php",
        "text/x-vbscript", "text/vbscript", "application/x-powershell", "text/x-ruby", "text/x-tcl", "application/x-tcl",
        "text/x-lua", "application/hta", "application/x-ms-wsf", "text/x-awk", "application/x-sharedlib");
    private static final Set<String> MACRO_OFFICE = Set.of("application/vnd.ms-word.document.macroenabled.12",
        "application/vnd.ms-word.template.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-excel.template.macroenabled.12", "application/vnd.ms-excel.addin.macroenabled.12",
        "application/vnd.ms-excel.sheet.binary.macroenabled.12", "application/vnd.ms-powerpoint.presentation.macroenabled.12",
        "application/vnd.ms-powerpoint.slideshow.macroenabled.12", "application/vnd.ms-powerpoint.addin.macroenabled.12",
        "application/vnd.ms-powerpoint.template.macroenabled.12");
    private static final Set<String> MARKUP = Set.of("text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
        "application/xml");
    private static final String QUICKTIME = "video/quicktime";
    private static final Pattern SCRIPT_IN_MARKUP = Pattern.compile(
        "<\\s*script\\b|\\son[a-z]+\\s*=|javascript\\s*:|vbscript\\s*:|<\\s*(iframe|object|embed|applet)\\b|data\\s*:\\s*text/html",
        Pattern.CASE_INSENSITIVE);

    private final Detector detector;

    /**
     * Detectors only: loading Tika's parsers here (TikaConfig) would run the OOXML parser's static
     * set-up, which switches POI's zip-bomb guard off for the whole JVM, and the class-list reader
     * depends on that guard. Parsing happens in the extraction child process, never here.
     */
    public TypeGate() {
        this.detector = new DefaultDetector();
    }

    /** The media type of content starting with {@code head} (at most {@link #SNIFF_BYTES}). CPU work: call off the event loop. */
    public String detect(byte[] head) {
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(head))) {
            String type = detector.detect(in, new Metadata()).getBaseType().toString();
            return type.equals(QUICKTIME) && isoMediaWithMp4Brand(head) ? "video/mp4" : type;
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /**
     * Tika's magic knows MP4 by the major brands mp41 and mp42 only, and calls every other file that
     * starts with an {@code ftyp} box QuickTime. But isom (what ffmpeg and most phones write), iso2,
     * avc1 and the like are MP4 brands; only {@code qt  } is QuickTime's.
     */
    private static boolean isoMediaWithMp4Brand(byte[] head) {
        if (head.length < 12 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return false;
        }
        String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return brand.startsWith("iso") || brand.equals("avc1") || brand.equals("dash") || brand.equals("mmp4");
    }

    /** The reason slug when a file of this type is refused outright, else null. */
    public @Nullable String refusal(String mediaType) {
        if (EXECUTABLES.contains(mediaType)) {
            return "executable";
        }
        if (SCRIPTS.contains(mediaType)) {
            return "script";
        }
        if (MACRO_OFFICE.contains(mediaType)) {
            return "macro";
        }
        return null;
    }

    /** Whether files of this type must be read through for script ({@link #scriptFound}). */
    public boolean isMarkup(String mediaType) {
        return MARKUP.contains(mediaType);
    }

    /**
     * Reads markup through, in pieces that overlap so a pattern split between two reads is still
     * found; whether it carries script.
     */
    public boolean scriptFound(InputStream markup) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        String carry = "";
        int read;
        while ((read = markup.readNBytes(buffer, 0, buffer.length)) > 0) {
            String text = carry + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            if (SCRIPT_IN_MARKUP.matcher(text).find()) {
                return true;
            }
            carry = text.substring(Math.max(0, text.length() - 64));
        }
        return false;
    }
}
