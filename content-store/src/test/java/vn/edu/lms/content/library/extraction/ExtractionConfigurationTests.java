package vn.edu.lms.content.library.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.xml.sax.SAXException;

/** Settings, the child's command line and the failure slugs, without starting a child. */
class ExtractionConfigurationTests {

    @TempDir
    Path files;

    @Test
    void unsetPropertiesTakeTheDocumentedDefaults() {
        ExtractionProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("lms.extraction", ExtractionProperties.class);

        assertThat(bound).isEqualTo(ExtractionProperties.defaults());
    }

    @Test
    void propertiesBindFromConfiguration() {
        ExtractionProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
            "lms.extraction.timeout", "2m", "lms.extraction.max-heap", "512MB", "lms.extraction.workers", "2")))
            .bindOrCreate("lms.extraction", ExtractionProperties.class);

        assertThat(bound.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(bound.maxHeap().toMegabytes()).isEqualTo(512);
        assertThat(bound.workers()).isEqualTo(2);
        assertThat(bound.maxTextChars()).isEqualTo(2_000_000);
    }

    @Test
    void anOrdinaryClassPathRunsTheChildDirectlyWithASmallHeapThatExitsOnOutOfMemory() {
        String classPath = String.join(File.pathSeparator, "target/classes", "lib/tika-core.jar");

        List<String> command = ChildCommand.of(ExtractionProperties.defaults(), classPath, ExtractionChild.class.getName())
            .forTemporaryDirectory(files);

        assertThat(command.get(0)).endsWith(File.separator + "java");
        assertThat(command).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
            "-Djava.io.tmpdir=" + files, ExtractionChild.class.getName(), "maxTextChars=2000000", "thumbnailWidth=320");
        assertThat(command.get(command.indexOf("-cp") + 1)).as("made absolute: the child starts in its own directory")
            .isEqualTo(Path.of("target/classes").toAbsolutePath() + File.pathSeparator + Path.of("lib/tika-core.jar").toAbsolutePath());
        assertThat(command).doesNotContain(ChildCommand.BOOT_LAUNCHER);
    }

    @Test
    void aSpringBootJarRunsTheChildThroughThePropertiesLauncher() throws IOException {
        Path jar = files.resolve("lms.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String directory : new String[] { "BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/lib/" }) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
        }
        Path plainJar = files.resolve("plain.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(plainJar))) {
            out.flush();
        }

        List<String> command = ChildCommand.of(ExtractionProperties.defaults(), jar.toString(), ExtractionChild.class.getName())
            .forTemporaryDirectory(files);

        assertThat(ChildCommand.isBootJar(jar.toString())).isTrue();
        assertThat(ChildCommand.isBootJar(plainJar.toString())).isFalse();
        assertThat(command).containsSubsequence("-Dloader.main=" + ExtractionChild.class.getName(), "-cp", jar.toString(),
            ChildCommand.BOOT_LAUNCHER);
    }

    @Test
    void parserErrorsMapToStableSlugs() {
        assertThat(DocumentParser.reasonFor(new TikaException("bad", new EncryptedDocumentException())))
            .isEqualTo(ExtractionFailure.ENCRYPTED);
        assertThat(DocumentParser.reasonFor(new org.apache.poi.EncryptedDocumentException("password")))
            .isEqualTo(ExtractionFailure.ENCRYPTED);
        assertThat(DocumentParser.reasonFor(new TikaException("Zip bomb detected!", new SAXException("Suspected zip bomb"))))
            .isEqualTo(ExtractionFailure.ZIP_BOMB);
        assertThat(DocumentParser.reasonFor(new StackOverflowError())).isEqualTo(ExtractionFailure.TOO_DEEP);
        assertThat(DocumentParser.reasonFor(new IOException("Missing root object specification in trailer")))
            .isEqualTo(ExtractionFailure.MALFORMED);
    }

    @Test
    void durationsAreReadAsSecondsOrClockTime() {
        assertThat(DocumentParser.seconds("12.5")).isEqualTo(12.5);
        assertThat(DocumentParser.seconds("01:02:03.5")).isEqualTo(3723.5);
        assertThat(DocumentParser.seconds("NaN")).isNull();
        assertThat(DocumentParser.seconds("dài")).isNull();
    }

    @Test
    void anExtractionPrintsNoTextTitleOrAuthor() {
        var extraction = new Extraction("application/pdf", "Nguyễn Văn An, lớp 5A", false, "Hồ sơ", "Trần Thị Bình", 1,
            "vi", null, null);

        assertThat(extraction.toString()).doesNotContain("Nguyễn", "Hồ sơ", "Bình").contains("textChars=21");
    }
}
