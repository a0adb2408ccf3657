package vn.edu.lms.api.questionbank.importing.qti;

import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.children;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.descendants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;
import vn.edu.lms.api.questionbank.importing.QuestionFormat;

/**
 * QTI 2.1, 2.2 and 3.0: one item file, or a content package (.zip) whose {@code imsmanifest.xml} lists
 * the items (or a test that refers to them), read in manifest order. A package that could write outside
 * itself, refers to anything outside itself or is too large is refused whole.
 */
public final class QtiFormat implements QuestionFormat {

    static final String NAME = "QTI";
    private static final String MANIFEST = "imsmanifest.xml";

    public QtiFormat() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParsedFile read(byte[] file, ImportDefaults defaults) {
        try {
            return QtiPackage.isZip(file) ? readPackage(file, defaults) : readItem(file, defaults);
        } catch (RefusedFile refused) {
            return ParsedFile.unreadable(refused.problem());
        }
    }

    private static ParsedFile readItem(byte[] file, ImportDefaults defaults) throws RefusedFile {
        Document item = QtiXml.parse(file);
        if (item == null || !QtiXml.isItem(item.getDocumentElement())) {
            throw RefusedFile.unreadable();
        }
        refuseExternalReferences(item);
        QtiItemReader reader = new QtiItemReader(defaults, null, "");
        ParsedQuestion question = reader.read(item.getDocumentElement(), 1);
        return new ParsedFile(List.of(question), reader.images(), List.of());
    }

    private static ParsedFile readPackage(byte[] file, ImportDefaults defaults) throws RefusedFile {
        QtiPackage files = QtiPackage.read(file);
        byte[] manifestFile = files.file(MANIFEST);
        Document manifest = manifestFile == null ? null : QtiXml.parse(manifestFile);
        if (manifest == null || !"manifest".equals(QtiXml.name(manifest.getDocumentElement()))) {
            throw RefusedFile.unreadable();
        }
        refuseExternalReferences(manifest);
        List<String> itemPaths = itemPaths(manifest, files);
        if (itemPaths.isEmpty()) {
            return new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.empty-file")));
        }
        // Every item is checked before any is read: one external reference refuses the package.
        List<@Nullable Document> items = new ArrayList<>();
        for (String path : itemPaths) {
            byte[] bytes = files.file(path);
            Document item = bytes == null ? null : QtiXml.parse(bytes);
            if (item != null) {
                refuseExternalReferences(item);
            }
            items.add(item == null || !QtiXml.isItem(item.getDocumentElement()) ? null : item);
        }
        List<ParsedQuestion> questions = new ArrayList<>();
        Map<String, ImportedImage> images = new LinkedHashMap<>();
        for (int i = 0; i < itemPaths.size(); i++) {
            int number = i + 1;
            Document item = items.get(i);
            if (item == null) {
                questions.add(ParsedQuestion.failed(number, itemPaths.get(i), new ImportProblem("import.unreadable-file", itemPaths.get(i))));
                continue;
            }
            QtiItemReader reader = new QtiItemReader(defaults, files, itemPaths.get(i));
            questions.add(reader.read(item.getDocumentElement(), number));
            images.putAll(reader.images());
        }
        return new ParsedFile(questions, images, List.of());
    }

    /** The items the manifest lists, in its order; when it lists none, those its tests refer to. */
    private static List<String> itemPaths(Document manifest, QtiPackage files) throws RefusedFile {
        Set<String> items = new LinkedHashSet<>();
        List<String> tests = new ArrayList<>();
        for (Element resources : children(manifest.getDocumentElement(), "resources")) {
            String base = xmlBase(resources);
            for (Element resource : children(resources, "resource")) {
                String type = resource.getAttribute("type").toLowerCase(Locale.ROOT);
                String href = resource.getAttribute("href").strip();
                if (href.isEmpty()) {
                    List<Element> listed = children(resource, "file");
                    href = listed.isEmpty() ? "" : listed.get(0).getAttribute("href").strip();
                }
                if (href.isEmpty()) {
                    continue;
                }
                String path = inPackage(MANIFEST, base + xmlBase(resource) + href);
                if (type.startsWith("imsqti_item")) {
                    items.add(path);
                } else if (type.startsWith("imsqti_test") || type.startsWith("imsqti_assessment")) {
                    tests.add(path);
                }
            }
        }
        if (items.isEmpty()) {
            for (String testPath : tests) {
                byte[] bytes = files.file(testPath);
                Document test = bytes == null ? null : QtiXml.parse(bytes);
                if (test == null) {
                    continue;
                }
                refuseExternalReferences(test);
                for (Element reference : descendants(test.getDocumentElement(), "assessmentItemRef")) {
                    String href = reference.getAttribute("href").strip();
                    if (!href.isEmpty()) {
                        items.add(inPackage(testPath, href));
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    private static String inPackage(String from, String reference) throws RefusedFile {
        String path = QtiPackage.resolve(from, reference);
        if (path == null) {
            throw new RefusedFile(new ImportProblem("import.unsafe-path", reference));
        }
        return path;
    }

    private static String xmlBase(Element element) {
        String base = element.getAttributeNS(XMLConstants.XML_NS_URI, "base").strip();
        return base.isEmpty() || base.endsWith("/") ? base : base + "/";
    }

    private static void refuseExternalReferences(Document document) throws RefusedFile {
        String external = QtiXml.externalReference(document);
        if (external != null) {
            throw new RefusedFile(new ImportProblem("import.external-reference", external));
        }
    }
}
