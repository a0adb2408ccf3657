package vn.edu.lms.api.questionbank.importing.moodle;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Moodle XML parsed safely ({@link vn.edu.lms.api.questionbank.importing.SafeXml}), and the few ways it is walked. */
final class SafeXml {

    private SafeXml() {
    }

    /** The document, or null when the bytes are no well-formed XML or hold a DOCTYPE. */
    static @Nullable Document parse(byte[] bytes) {
        // CDATA sections (Moodle writes HTML in them) come as one text with the text around them.
        return vn.edu.lms.api.questionbank.importing.SafeXml.parse(bytes, false, true);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    static @Nullable Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    /**
     * The text of a Moodle text field: its {@code <text>} child ({@code <name><text>…</text></name>}),
     * or its own text where Moodle writes it bare ({@code <single>true</single>}).
     */
    static String text(@Nullable Element field) {
        if (field == null) {
            return "";
        }
        Element text = child(field, "text");
        return text != null ? text.getTextContent() : ownText(field);
    }

    /** The text of a child field of {@code parent}, or "" when there is none. */
    static String childText(Element parent, String name) {
        return text(child(parent, name)).strip();
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }
}
