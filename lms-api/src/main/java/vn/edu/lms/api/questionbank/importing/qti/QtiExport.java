package vn.edu.lms.api.questionbank.importing.qti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.edu.lms.api.questionbank.QuestionContent;

/**
 * The bank's questions as a QTI content package (.zip): {@code imsmanifest.xml}, one item per question
 * under {@code items/}, and the images they show under {@code images/}. Each type is written as its
 * interaction; an essay as an extended text, a cloze as text entries in its text, a true/false group
 * as one true-or-false choice per statement. {@link QtiFormat} reads such a package back to the same
 * questions.
 */
public final class QtiExport {

    public enum Version {
        QTI_2_2, QTI_3_0
    }

    /**
     * A question to write.
     *
     * @param identifier  the item's identifier (made a valid, unique QTI identifier)
     * @param images      the bytes of the images its rich text shows ({@code <img src="asset:ID">}), by ID
     */
    public record Item(String identifier, String title, QuestionContent content, Map<String, byte[]> images) {

        public Item {
            images = Map.copyOf(images);
        }
    }

    public QtiExport() {
    }

    public byte[] packageOf(List<Item> items, Version version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder resources = new StringBuilder();
        Set<String> identifiers = new HashSet<>();
        for (Item item : items) {
            String identifier = identifierOf(item.identifier());
            for (int suffix = 2; !identifiers.add(identifier); suffix++) {
                identifier = identifierOf(item.identifier()) + "_" + suffix;
            }
            String path = "items/" + identifier + ".xml";
            QtiItemWriter writer = new QtiItemWriter(version, item);
            files.put(path, writer.write(identifier).getBytes(StandardCharsets.UTF_8));
            resources.append("    <resource identifier=\"RES_").append(identifier).append("\" type=\"")
                .append(version == Version.QTI_3_0 ? "imsqti_item_xmlv3p0" : "imsqti_item_xmlv2p2").append("\" href=\"").append(path).append("\">\n")
                .append("      <file href=\"").append(path).append("\"/>\n");
            for (Map.Entry<String, byte[]> image : writer.imageFiles().entrySet()) {
                files.putIfAbsent(image.getKey(), image.getValue());
                resources.append("      <file href=\"").append(QtiXml.escapeAttribute(image.getKey())).append("\"/>\n");
            }
            resources.append("    </resource>\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(manifest(resources, version).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    private static String manifest(CharSequence resources, Version version) {
        boolean qti3 = version == Version.QTI_3_0;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<manifest xmlns=\"" + (qti3 ? "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" : "http://www.imsglobal.org/xsd/imscp_v1p1")
            + "\" identifier=\"MANIFEST\">\n"
            + "  <metadata>\n"
            + "    <schema>" + (qti3 ? "QTI Package" : "QTIv2.2 Package") + "</schema>\n"
            + "    <schemaversion>" + (qti3 ? "3.0.0" : "1.0.0") + "</schemaversion>\n"
            + "  </metadata>\n"
            + "  <organizations/>\n"
            + "  <resources>\n" + resources + "  </resources>\n"
            + "</manifest>\n";
    }

    /** A valid QTI identifier (and file name) made of any text: letters, digits, "_", "-", "." only, not starting with a digit. */
    static String identifierOf(String text) {
        String identifier = text.strip().replaceAll("[^A-Za-z0-9_.-]", "_");
        if (identifier.length() > 64) {
            identifier = identifier.substring(0, 64);
        }
        return identifier.isEmpty() || !Character.isLetter(identifier.charAt(0)) && identifier.charAt(0) != '_' ? "Q_" + identifier : identifier;
    }

    /** The extension an image's bytes call for, so that other tools recognize the file. */
    static String extensionOf(byte[] image) {
        if (startsWith(image, 0x89, 'P', 'N', 'G')) {
            return ".png";
        }
        if (startsWith(image, 0xFF, 0xD8, 0xFF)) {
            return ".jpg";
        }
        if (startsWith(image, 'G', 'I', 'F', '8')) {
            return ".gif";
        }
        if (image.length >= 12 && startsWith(image, 'R', 'I', 'F', 'F') && image[8] == 'W' && image[9] == 'E' && image[10] == 'B' && image[11] == 'P') {
            return ".webp";
        }
        String start = new String(image, 0, Math.min(image.length, 512), StandardCharsets.UTF_8);
        return start.contains("<svg") ? ".svg" : "";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
