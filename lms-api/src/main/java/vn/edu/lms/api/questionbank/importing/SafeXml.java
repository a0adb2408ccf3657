package vn.edu.lms.api.questionbank.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser set up for files from strangers, for every XML format the import reads. A
 * DOCTYPE is refused outright (no question format needs one, and without it no entity, external
 * or "billion laughs", can exist); external DTDs, schemas and XInclude are off.
 */
public final class SafeXml {

    /** The parser otherwise prints "[Fatal Error]" lines on stderr for every bad upload. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /**
     * The document, or null when the bytes are no well-formed XML or hold a DOCTYPE.
     *
     * @param namespaceAware  read namespaces (QTI) or not (Moodle XML)
     * @param coalescing      join CDATA sections with the text around them (Moodle writes HTML in them)
     */
    public static @Nullable Document parse(byte[] bytes, boolean namespaceAware, boolean coalescing) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(namespaceAware);
            factory.setCoalescing(coalescing);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            // Never reached while DOCTYPEs are refused; there only so that nothing outside the file can ever be read.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | RuntimeException unreadable) {
            return null;
        } catch (ParserConfigurationException e) {
            // A parser that cannot be made safe must not be used at all.
            throw new IllegalStateException("The XML parser cannot be configured safely", e);
        }
    }
}
