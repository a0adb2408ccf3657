package vn.edu.lms.api.questionbank.importing.qti;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;

/** The sample files of the QTI tests; the sample package is kept as a directory and zipped when a test needs it. */
public final class QtiSamples {

    static final ImportDefaults DEFAULTS = new ImportDefaults("TOAN", 7, "Tam giác", CognitiveLevel.THONG_HIEU);
    static final String PACKAGE = "/questionbank/import/qti-package-toan-7";

    private QtiSamples() {
    }

    /** The files of the sample package, by their path in it, manifest first. */
    public static Map<String, byte[]> packageFiles() throws IOException, URISyntaxException {
        Path root = Path.of(QtiSamples.class.getResource(PACKAGE).toURI());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", Files.readAllBytes(root.resolve("imsmanifest.xml")));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.putIfAbsent(root.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = QtiSamples.class.getResourceAsStream("/questionbank/import/" + name)) {
            return in.readAllBytes();
        }
    }

    public static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static Map<String, byte[]> with(Map<String, byte[]> files, String path, String content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(path, content.getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** A package of one item, written as the test needs it. */
    static byte[] packageOf(String itemXml, List<String> otherFiles) throws IOException {
        String manifest = "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"M\"><resources>"
            + "<resource identifier=\"R1\" type=\"imsqti_item_xmlv2p2\" href=\"items/item.xml\"><file href=\"items/item.xml\"/></resource>"
            + "</resources></manifest>";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("items/item.xml", itemXml.getBytes(StandardCharsets.UTF_8));
        for (String other : otherFiles) {
            files.put(other, new byte[] {1, 2, 3});
        }
        return zip(files);
    }
}
