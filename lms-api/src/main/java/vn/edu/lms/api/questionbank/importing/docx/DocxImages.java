package vn.edu.lms.api.questionbank.importing.docx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.importing.ImportedImage;

/** The images the questions show, each once, named after its part ("image3.png"). */
final class DocxImages {

    private final XWPFDocument document;
    private final Map<String, String> nameByPart = new HashMap<>();
    private final Map<String, ImportedImage> byName = new LinkedHashMap<>();

    DocxImages(XWPFDocument document) {
        this.document = document;
    }

    /** The name of the image a relationship of the document points to, or null when it points to no image. */
    @Nullable String named(String relationshipId) {
        POIXMLDocumentPart part = document.getRelationById(relationshipId);
        if (!(part instanceof XWPFPictureData picture)) {
            return null;
        }
        String partName = picture.getPackagePart().getPartName().getName();
        String known = nameByPart.get(partName);
        if (known != null) {
            return known;
        }
        String name = unique(safe(picture.getFileName()));
        nameByPart.put(partName, name);
        byName.put(name, new ImportedImage(name, picture.getPackagePart().getContentType(), picture.getData()));
        return name;
    }

    Map<String, ImportedImage> all() {
        return byName;
    }

    // Names go into an attribute of rich text: only characters that need no escaping.
    private static String safe(@Nullable String fileName) {
        String safe = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "image" + safe : safe;
    }

    private String unique(String name) {
        if (!byName.containsKey(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        int n = 2;
        while (byName.containsKey(base + "-" + n + extension)) {
            n++;
        }
        return base + "-" + n + extension;
    }
}
