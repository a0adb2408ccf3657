package vn.edu.lms.api.questionbank.importing.moodle;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;

/**
 * The images of one question: Moodle writes each as a base64 {@code <file>} beside the text that
 * shows it, and refers to it as {@code @@PLUGINFILE@@/NAME}. Each reference becomes
 * {@code import:NAME}, NAME unique in the whole file.
 */
final class QuestionImages {

    /**
     * An image source up to the end of the attribute, quoted either way or not at all (the import
     * looks for {@code src="import:NAME"}); a query ("?time=…") is Moodle's and goes with it.
     */
    private static final Pattern REFERENCE = Pattern.compile(
        "src\\s*=\\s*([\"']?)@@PLUGINFILE@@/([^\"'?#<>\\s]+)(?:\\?[^\"'#<>\\s]*)?\\1", Pattern.CASE_INSENSITIVE);
    /** Names are written in an HTML attribute and in the import's references: nothing that needs escaping. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^\\p{L}\\p{N}._-]");
    private static final Map<String, String> MEDIA_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
        "gif", "image/gif", "svg", "image/svg+xml", "webp", "image/webp");

    private final Element question;
    private final int number;
    private final Set<String> namesOfEarlierQuestions;
    private final Map<String, ImportedImage> found = new LinkedHashMap<>();
    private final Map<Element, String> nameOfFile = new IdentityHashMap<>();
    private final Set<ImportProblem> problems = new LinkedHashSet<>();

    QuestionImages(Element question, int number, Set<String> namesOfEarlierQuestions) {
        this.question = question;
        this.number = number;
        this.namesOfEarlierQuestions = namesOfEarlierQuestions;
    }

    /**
     * {@code html} of {@code field} with its image sources made {@code import:NAME}; a source that
     * cannot be is left for the sanitizer to drop.
     */
    String rewrite(String html, Element field) {
        Matcher matcher = REFERENCE.matcher(html);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            String name = imageName(percentDecoded(matcher.group(2)), field);
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(name == null ? matcher.group() : "src=\"import:" + name + "\""));
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }

    /** The images the question's text refers to, by the names its text now uses. */
    Map<String, ImportedImage> images() {
        return found;
    }

    List<ImportProblem> problems() {
        return new ArrayList<>(problems);
    }

    private @Nullable String imageName(String reference, Element field) {
        Element file = fileOf(reference, field);
        if (file == null) {
            problems.add(new ImportProblem("import.image-missing", reference));
            return null;
        }
        String known = nameOfFile.get(file);
        if (known != null) {
            return known;
        }
        String fileName = file.getAttribute("name");
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String mediaType = MEDIA_TYPES.get(extension);
        if (mediaType == null) {
            problems.add(new ImportProblem("import.unsupported-image", fileName));
            return null;
        }
        byte[] bytes;
        try {
            // The MIME decoder, as Moodle breaks long base64 into lines.
            bytes = Base64.getMimeDecoder().decode(file.getTextContent().strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem("import.bad-structure", "hình " + fileName + " không giải mã được (base64 hỏng)"));
            return null;
        }
        String name = uniqueName(UNSAFE_IN_NAME.matcher(fileName).replaceAll("_"));
        nameOfFile.put(file, name);
        found.put(name, new ImportedImage(name, mediaType, bytes));
        return name;
    }

    /** The {@code <file>} beside the text first (two fields may each hold a "hinh1.png"), then any of the question. */
    private @Nullable Element fileOf(String reference, Element field) {
        for (Element file : SafeXml.children(field, "file")) {
            if (reference.equals(pathOf(file))) {
                return file;
            }
        }
        NodeList all = question.getElementsByTagName("file");
        for (int i = 0; i < all.getLength(); i++) {
            Element file = (Element) all.item(i);
            if (reference.equals(pathOf(file))) {
                return file;
            }
        }
        return null;
    }

    /** "hinh1.png", or "sub/hinh1.png" for {@code path="/sub/"}, as the reference writes it. */
    private static String pathOf(Element file) {
        String path = file.getAttribute("path");
        String folder = path.isEmpty() || path.equals("/") ? "" : path.replaceAll("^/+", "").replaceAll("/*$", "/");
        return folder + file.getAttribute("name");
    }

    private String uniqueName(String name) {
        if (isFree(name)) {
            return name;
        }
        String candidate = number + "-" + name;
        for (int again = 2; !isFree(candidate); again++) {
            candidate = number + "-" + again + "-" + name;
        }
        return candidate;
    }

    private boolean isFree(String name) {
        return !namesOfEarlierQuestions.contains(name) && !found.containsKey(name);
    }

    /** Moodle encodes names as URLs do; a "+" is a plus there, not a space. */
    private static String percentDecoded(String encoded) {
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
