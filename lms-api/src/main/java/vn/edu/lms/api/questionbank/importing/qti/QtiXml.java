package vn.edu.lms.api.questionbank.importing.qti;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;

import vn.edu.lms.api.questionbank.importing.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML as QTI files need it: parsed without DTDs or external entities (a package is untrusted input),
 * and element and attribute names read alike in QTI 2 ({@code choiceInteraction}, {@code responseIdentifier})
 * and QTI 3 ({@code qti-choice-interaction}, {@code response-identifier}).
 */
final class QtiXml {

    static final String QTI_2_1 = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    static final String QTI_2_2 = "http://www.imsglobal.org/xsd/imsqti_v2p2";
    static final String QTI_3_0 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    static final Set<String> QTI_NAMESPACES = Set.of(QTI_2_1, QTI_2_2, QTI_3_0);

    /** HTML elements without content, written {@code <br>} in rich text and {@code <br/>} in XHTML. */
    static final Set<String> VOID_ELEMENTS = Set.of("br", "img", "hr", "col", "area", "input", "wbr");

    /** An absolute URL or a network path: packages must hold everything they show. {@code data:} is inside the file. */
    private static final Pattern EXTERNAL = Pattern.compile("^(//|\\\\\\\\|(?!data:)[a-z][a-z0-9+.-]*:).*", Pattern.DOTALL);
    private static final Set<String> REFERENCE_ATTRIBUTES = Set.of("href", "src", "data", "base");

    private QtiXml() {
    }

    /** The document, or null when it is no well-formed XML or declares a DOCTYPE (entities could reach files or explode). */
    static @Nullable Document parse(byte[] xml) {
        return SafeXml.parse(xml, true, false);
    }

    /** Whether it is a QTI 2.1, 2.2 or 3.0 item. */
    static boolean isItem(Element element) {
        return "assessmentItem".equals(name(element)) && QTI_NAMESPACES.contains(element.getNamespaceURI());
    }

    /** The QTI 2 name of an element: {@code qti-simple-choice} is read as {@code simpleChoice}; HTML names stay. */
    static String name(Element element) {
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        return local.startsWith("qti-") ? camelCase(local.substring(4)) : local;
    }

    /** An attribute by its QTI 2 name, or by its QTI 3 (kebab-case) name; null when absent. */
    static @Nullable String attribute(Element element, String qti2Name) {
        if (element.hasAttribute(qti2Name)) {
            return element.getAttribute(qti2Name);
        }
        String qti3Name = kebabCase(qti2Name);
        return element.hasAttribute(qti3Name) ? element.getAttribute(qti3Name) : null;
    }

    static String attribute(Element element, String qti2Name, String absent) {
        String value = attribute(element, qti2Name);
        return value == null ? absent : value;
    }

    static boolean hasClass(Element element, String className) {
        return List.of(element.getAttribute("class").strip().split("\\s+")).contains(className);
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(child -> name.equals(name(child))).toList();
    }

    static @Nullable Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    /** Descendants named so, in document order. */
    static List<Element> descendants(Element root, String name) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (name.equals(name(element))) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> descendants(Element root) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }

    /** The first reference of the document to something outside the file (href, src, object data, xml:base), or null. */
    static @Nullable String externalReference(Document document) {
        List<Element> elements = descendants(document.getDocumentElement());
        elements.add(0, document.getDocumentElement());
        for (Element element : elements) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (REFERENCE_ATTRIBUTES.contains(local) && isExternal(attribute.getValue())) {
                    return attribute.getValue();
                }
            }
        }
        return null;
    }

    static boolean isExternal(String reference) {
        return EXTERNAL.matcher(reference.strip().toLowerCase(Locale.ROOT)).matches();
    }

    static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    static String kebabCase(String camel) {
        StringBuilder kebab = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    static String escapeText(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> {
                    if (allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    static String escapeAttribute(String value) {
        return escapeText(value).replace("\"", "&quot;");
    }

    /** XML 1.0 has no way to write most control characters; they carry nothing in a question anyway. */
    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
