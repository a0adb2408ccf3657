package vn.edu.lms.api.questionbank.importing.qti;

import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.attribute;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.child;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.children;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.descendants;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.hasClass;
import static vn.edu.lms.api.questionbank.importing.qti.QtiXml.name;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.QuestionContent.Statement;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

/**
 * One QTI item (2.1, 2.2 or 3.0) made into a draft. The item body without its interactions is the
 * stem, kept as XHTML for the import to sanitize; choices are keyed A, B, … in document order (the
 * QTI identifiers are mapped to those keys), matching premises 1, 2, … and responses A, B, …,
 * true/false statements a, b, …, cloze gaps 1, 2, ….
 */
final class QtiItemReader {

    /** Marks of {@link QtiExport}'s items, so that a question written and read back is the same question. */
    static final String STEM_CLASS = "lms-stem";
    static final String CLOZE_CLASS = "lms-cloze";
    static final String DIACRITICS_INSENSITIVE_CLASS = "lms-diacritics-insensitive";

    private static final Set<String> SUPPORTED = Set.of("choiceInteraction", "textEntryInteraction", "matchInteraction", "orderInteraction",
        "extendedTextInteraction");
    /** Feedback and templates are shown after answering or vary per student: not part of the stem. */
    private static final Set<String> LEFT_OUT = Set.of("feedbackBlock", "feedbackInline", "templateBlock", "templateInline", "modalFeedback",
        "printedVariable");
    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "table", "pre", "blockquote");
    private static final Set<String> NUMERIC = Set.of("float", "integer");
    private static final List<String> ATTRIBUTE_ORDER = List.of("src", "alt", "width", "height", "colspan", "rowspan");

    private final ImportDefaults defaults;
    private final @Nullable QtiPackage files;
    private final String path;
    private final Map<String, ImportedImage> images = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    /**
     * @param files  the package, or null for a single item file (which can hold no images)
     * @param path   the item's path in the package, against which its references are resolved
     */
    QtiItemReader(ImportDefaults defaults, @Nullable QtiPackage files, String path) {
        this.defaults = defaults;
        this.files = files;
        this.path = path;
    }

    /** The images the item read refers to, by the name its rich text uses ({@code import:NAME}). */
    Map<String, ImportedImage> images() {
        return images;
    }

    static String label(Element item, int number) {
        String identifier = attribute(item, "identifier", "").strip();
        String title = attribute(item, "title", "").strip();
        return !identifier.isEmpty() ? identifier : !title.isEmpty() ? title : "#" + number;
    }

    ParsedQuestion read(Element item, int number) throws RefusedFile {
        String label = label(item, number);
        try {
            QuestionContent content = content(item);
            return new ParsedQuestion(number, label,
                new QuestionDraft(defaults.subjectCode(), defaults.grade(), defaults.topic(), defaults.level(), List.of(), content), problems);
        } catch (NotImportable failure) {
            images.clear();
            return ParsedQuestion.failed(number, label, failure.problem);
        }
    }

    private QuestionContent content(Element item) throws RefusedFile {
        Element body = child(item, "itemBody");
        if (body == null) {
            throw new NotImportable("import.bad-structure", "itemBody");
        }
        List<Element> interactions = descendants(body).stream().filter(element -> name(element).endsWith("Interaction")).toList();
        for (Element interaction : interactions) {
            if (!SUPPORTED.contains(name(interaction))) {
                throw new NotImportable("import.unsupported-type", interaction.getLocalName());
            }
        }
        if (interactions.isEmpty()) {
            throw new NotImportable("import.bad-structure", "itemBody");
        }
        Map<String, Declaration> declarations = declarations(item);
        Set<String> kinds = new LinkedHashSet<>();
        interactions.forEach(interaction -> kinds.add(name(interaction)));
        Element clozeText = children(body).stream().filter(element -> hasClass(element, CLOZE_CLASS)).findFirst().orElse(null);
        if (kinds.equals(Set.of("textEntryInteraction"))) {
            return interactions.size() == 1 && clozeText == null
                ? shortAnswer(body, interactions.get(0), declaration(declarations, interactions.get(0)))
                : cloze(body, clozeText, interactions, declarations);
        }
        if (kinds.equals(Set.of("choiceInteraction"))) {
            return interactions.size() == 1
                ? choice(body, interactions.get(0), declaration(declarations, interactions.get(0)))
                : trueFalseGroup(body, interactions, declarations);
        }
        if (interactions.size() > 1) {
            throw new NotImportable("import.unsupported-type", String.join(" + ", interactions.stream().map(Node::getLocalName).distinct().toList()));
        }
        Element interaction = interactions.get(0);
        switch (name(interaction)) {
            case "matchInteraction":
                return matching(body, interaction, declaration(declarations, interaction));
            case "orderInteraction":
                return ordering(body, interaction, declaration(declarations, interaction));
            default:
                return essay(body, interaction);
        }
    }

    private QuestionContent choice(Element body, Element interaction, Declaration declaration) throws RefusedFile {
        List<Choice> options = new ArrayList<>();
        Map<String, String> keyOfIdentifier = new HashMap<>();
        for (Element simpleChoice : descendants(interaction, "simpleChoice")) {
            String key = letter(options.size(), 'A');
            keyOfIdentifier.put(attribute(simpleChoice, "identifier", ""), key);
            options.add(new Choice(key, html(simpleChoice)));
        }
        // Without shuffle="true" QTI shows the options as written.
        boolean fixedOrder = !"true".equals(attribute(interaction, "shuffle", "false").strip());
        String stem = stem(body, Map.of(interaction, prompt(interaction)));
        List<String> correct = declaration.keyed().stream().map(identifier -> keyOfIdentifier.getOrDefault(identifier, identifier)).toList();
        if (correct.isEmpty()) {
            throw new NotImportable("import.no-key");
        }
        return "single".equals(declaration.cardinality())
            ? new QuestionContent.SingleChoice(stem, options, correct.get(0), fixedOrder)
            : new QuestionContent.MultipleResponse(stem, options, correct, fixedOrder);
    }

    /** Several choices of two options each, true and false: the statements of a đúng/sai group. */
    private QuestionContent trueFalseGroup(Element body, List<Element> interactions, Map<String, Declaration> declarations) throws RefusedFile {
        List<Statement> statements = new ArrayList<>();
        Map<Node, String> replaced = new IdentityHashMap<>();
        for (Element interaction : interactions) {
            List<String> identifiers = descendants(interaction, "simpleChoice").stream()
                .map(choice -> attribute(choice, "identifier", "").strip().toLowerCase(Locale.ROOT)).sorted().toList();
            if (!identifiers.equals(List.of("false", "true"))) {
                throw new NotImportable("import.unsupported-type", interaction.getLocalName() + " ×" + interactions.size());
            }
            List<String> correct = declaration(declarations, interaction).keyed();
            if (correct.isEmpty()) {
                throw new NotImportable("import.no-key");
            }
            Element prompt = child(interaction, "prompt");
            statements.add(new Statement(letter(statements.size(), 'a'), prompt == null ? "" : html(prompt), "true".equalsIgnoreCase(correct.get(0))));
            replaced.put(interaction, "");
        }
        return new QuestionContent.TrueFalseGroup(stem(body, replaced), statements);
    }

    private QuestionContent shortAnswer(Element body, Element interaction, Declaration declaration) throws RefusedFile {
        // A lone box in a paragraph of its own goes with the paragraph; one inside a sentence leaves "…".
        Element parent = (Element) interaction.getParentNode();
        boolean alone = parent != body && children(parent).size() == 1 && parent.getTextContent().isBlank();
        String stem = stem(body, alone ? Map.of(parent, "") : Map.of(interaction, "…"));
        List<String> accepted = declaration.accepted();
        if (accepted.isEmpty()) {
            throw new NotImportable("import.no-key");
        }
        if (NUMERIC.contains(declaration.baseType())) {
            BigDecimal value = number(accepted.get(0));
            return new QuestionContent.ShortNumber(stem, value, declaration.tolerance(value));
        }
        return new QuestionContent.ShortText(stem, accepted, declaration.caseSensitive(), diacriticsSensitive(interaction));
    }

    /**
     * Several text entries: a cloze. The text is the part of the body from the first block holding a
     * gap on (or the block {@link QtiExport} marks), the stem what comes before.
     */
    private QuestionContent cloze(Element body, @Nullable Element marked, List<Element> entries, Map<String, Declaration> declarations)
            throws RefusedFile {
        Map<Node, String> replaced = new IdentityHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (Element entry : entries) {
            String key = String.valueOf(gaps.size() + 1);
            Declaration declaration = declaration(declarations, entry);
            if (declaration.accepted().isEmpty()) {
                throw new NotImportable("import.no-key");
            }
            gaps.add(new Gap(key, declaration.accepted(), declaration.caseSensitive(), diacriticsSensitive(entry)));
            replaced.put(entry, "{" + key + "}");
        }
        List<Node> before = new ArrayList<>();
        List<Node> text = new ArrayList<>();
        if (marked != null) {
            for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node != marked) {
                    before.add(node);
                }
            }
            text.add(marked);
            replaced.put(marked, html(marked, replaced));
        } else {
            for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
                boolean holdsGap = !text.isEmpty() || node instanceof Element element && entries.stream().anyMatch(entry -> contains(element, entry));
                (holdsGap ? text : before).add(node);
            }
        }
        return new QuestionContent.Cloze(html(before, replaced).strip(), html(text, replaced).strip(), gaps);
    }

    private QuestionContent matching(Element body, Element interaction, Declaration declaration) throws RefusedFile {
        List<Element> sets = children(interaction, "simpleMatchSet");
        if (sets.size() != 2) {
            throw new NotImportable("import.bad-structure", "simpleMatchSet");
        }
        Map<String, String> premiseKeys = new HashMap<>();
        Map<String, String> responseKeys = new HashMap<>();
        List<Choice> premises = associables(sets.get(0), premiseKeys, false);
        List<Choice> responses = associables(sets.get(1), responseKeys, true);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : declaration.keyed()) {
            String[] ends = pair.strip().split("\\s+");
            if (ends.length != 2) {
                continue;
            }
            // A directed pair goes from premise to response; some tools write it the other way round.
            boolean reversed = !premiseKeys.containsKey(ends[0]) && premiseKeys.containsKey(ends[1]);
            String premise = premiseKeys.get(reversed ? ends[1] : ends[0]);
            String response = responseKeys.get(reversed ? ends[0] : ends[1]);
            if (premise != null && response != null) {
                pairs.putIfAbsent(premise, response);
            }
        }
        if (pairs.isEmpty()) {
            throw new NotImportable("import.no-key");
        }
        return new QuestionContent.Matching(stem(body, Map.of(interaction, prompt(interaction))), premises, responses, pairs);
    }

    private List<Choice> associables(Element set, Map<String, String> keyOfIdentifier, boolean lettered) throws RefusedFile {
        List<Choice> choices = new ArrayList<>();
        for (Element choice : children(set, "simpleAssociableChoice")) {
            String key = lettered ? letter(choices.size(), 'A') : String.valueOf(choices.size() + 1);
            keyOfIdentifier.put(attribute(choice, "identifier", ""), key);
            choices.add(new Choice(key, html(choice)));
        }
        return choices;
    }

    /** Items keyed A, B, … as the file lists them, then put in the order the key gives. */
    private QuestionContent ordering(Element body, Element interaction, Declaration declaration) throws RefusedFile {
        Map<String, Choice> itemOfIdentifier = new LinkedHashMap<>();
        for (Element simpleChoice : descendants(interaction, "simpleChoice")) {
            itemOfIdentifier.put(attribute(simpleChoice, "identifier", ""), new Choice(letter(itemOfIdentifier.size(), 'A'), html(simpleChoice)));
        }
        List<String> order = declaration.correct();
        if (order.isEmpty()) {
            throw new NotImportable("import.no-key");
        }
        if (!new LinkedHashSet<>(order).equals(itemOfIdentifier.keySet()) || order.size() != itemOfIdentifier.size()) {
            throw new NotImportable("import.bad-structure", "correctResponse");
        }
        return new QuestionContent.Ordering(stem(body, Map.of(interaction, prompt(interaction))),
            order.stream().map(itemOfIdentifier::get).toList());
    }

    /** An essay; a rubric block for scorers is the grading guidance. */
    private QuestionContent essay(Element body, Element interaction) throws RefusedFile {
        StringBuilder guidance = new StringBuilder();
        for (Element rubric : descendants(body, "rubricBlock")) {
            if (forScorers(rubric)) {
                guidance.append(html(rubric, Map.of()));
            }
        }
        String written = guidance.toString().strip();
        return new QuestionContent.Essay(stem(body, Map.of(interaction, prompt(interaction))), written.isEmpty() ? null : written);
    }

    private String stem(Element body, Map<? extends Node, String> replaced) throws RefusedFile {
        List<Node> nodes = new ArrayList<>();
        for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
            nodes.add(node);
        }
        return html(nodes, replaced).strip();
    }

    /** An interaction's prompt, which belongs to the stem, as a paragraph of it. */
    private String prompt(Element interaction) throws RefusedFile {
        Element prompt = child(interaction, "prompt");
        if (prompt == null) {
            return "";
        }
        String html = html(prompt);
        boolean blocks = children(prompt).stream().anyMatch(element -> BLOCKS.contains(name(element)));
        return html.isEmpty() || blocks ? html : "<p>" + html + "</p>";
    }

    private String html(Element parent) throws RefusedFile {
        return html(parent, Map.of()).strip();
    }

    private String html(Element parent, Map<? extends Node, String> replaced) throws RefusedFile {
        List<Node> nodes = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            nodes.add(node);
        }
        return html(nodes, replaced);
    }

    private String html(List<Node> nodes, Map<? extends Node, String> replaced) throws RefusedFile {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            write(node, replaced, out);
        }
        return out.toString();
    }

    /** A node as HTML: QTI's wrappers unwrapped, feedback left out, images pointed at the file's images. */
    private void write(Node node, Map<? extends Node, String> replaced, StringBuilder out) throws RefusedFile {
        if (node instanceof Text text) {
            out.append(QtiXml.escapeText(text.getData()));
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String replacement = replaced.get(element);
        if (replacement != null) {
            out.append(replacement);
            return;
        }
        String name = name(element);
        if (LEFT_OUT.contains(name) || name.equals("rubricBlock") && forScorers(element)) {
            return;
        }
        if (name.equals("contentBody") || name.equals("rubricBlock") || name.equals("div") && hasClass(element, STEM_CLASS)) {
            out.append(html(element, replaced));
            return;
        }
        out.append('<').append(name);
        for (Attr attribute : attributes(element)) {
            String value = name.equals("img") && attribute.getName().equals("src") ? image(attribute.getValue()) : attribute.getValue();
            out.append(' ').append(attribute.getName()).append("=\"").append(QtiXml.escapeAttribute(value)).append('"');
        }
        out.append('>');
        if (!QtiXml.VOID_ELEMENTS.contains(name)) {
            out.append(html(element, replaced)).append("</").append(name).append('>');
        }
    }

    /**
     * The element's own attributes (not namespace declarations, not xml:lang), those rich text keeps in
     * the order it writes them: the DOM sorts attributes, and the same text should read the same.
     */
    private static List<Attr> attributes(Element element) {
        List<Attr> attributes = new ArrayList<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            if (attribute.getNamespaceURI() == null) {
                attributes.add(attribute);
            }
        }
        attributes.sort(Comparator.comparingInt(attribute -> {
            int rank = ATTRIBUTE_ORDER.indexOf(attribute.getName());
            return rank < 0 ? ATTRIBUTE_ORDER.size() : rank;
        }));
        return attributes;
    }

    /** The image's name in the file, or its reference as written (and a problem) when the package lacks it. */
    private String image(String source) throws RefusedFile {
        if (QtiXml.isExternal(source)) {
            throw new RefusedFile(new ImportProblem("import.external-reference", source));
        }
        if (files == null) {
            problems.add(new ImportProblem("import.image-missing", source));
            return source;
        }
        String resolved = QtiPackage.resolve(path, source);
        if (resolved == null) {
            throw new RefusedFile(new ImportProblem("import.unsafe-path", source));
        }
        byte[] bytes = files.file(resolved);
        if (bytes == null) {
            problems.add(new ImportProblem("import.image-missing", source));
            return source;
        }
        images.putIfAbsent(resolved, new ImportedImage(resolved, mediaType(resolved), bytes));
        return "import:" + resolved;
    }

    static String mediaType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        switch (extension) {
            case "png":
                return "image/png";
            case "jpg":
            case "jpeg":
                return "image/jpeg";
            case "gif":
                return "image/gif";
            case "svg":
                return "image/svg+xml";
            case "webp":
                return "image/webp";
            default:
                return "application/octet-stream";
        }
    }

    private static boolean forScorers(Element rubric) {
        return List.of(attribute(rubric, "view", "").split("\\s+")).contains("scorer");
    }

    private static boolean diacriticsSensitive(Element entry) {
        return !hasClass(entry, DIACRITICS_INSENSITIVE_CLASS);
    }

    private static boolean contains(Element ancestor, Element descendant) {
        for (Node node = descendant; node != null; node = node.getParentNode()) {
            if (node == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A, B, … Z, then AA, AB (more than 26 options is beyond any check, but must not collide). */
    private static String letter(int index, char first) {
        String letter = String.valueOf((char) (first + index % 26));
        return index < 26 ? letter : letter(index / 26 - 1, first) + letter;
    }

    private static BigDecimal number(String written) {
        try {
            return new BigDecimal(written.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw new NotImportable("import.bad-structure", written);
        }
    }

    private static Declaration declaration(Map<String, Declaration> declarations, Element interaction) {
        Declaration declaration = declarations.get(attribute(interaction, "responseIdentifier", ""));
        if (declaration == null) {
            throw new NotImportable("import.bad-structure", "responseDeclaration");
        }
        return declaration;
    }

    private static Map<String, Declaration> declarations(Element item) {
        Map<String, Declaration> declarations = new HashMap<>();
        Element processing = child(item, "responseProcessing");
        for (Element declared : children(item, "responseDeclaration")) {
            String identifier = attribute(declared, "identifier", "");
            Element correctResponse = child(declared, "correctResponse");
            List<String> correct = correctResponse == null ? List.of()
                : children(correctResponse, "value").stream().map(QtiXml::text).filter(value -> !value.isEmpty()).toList();
            List<MapEntry> mapping = new ArrayList<>();
            Element mappingElement = child(declared, "mapping");
            if (mappingElement != null) {
                for (Element entry : children(mappingElement, "mapEntry")) {
                    mapping.add(new MapEntry(attribute(entry, "mapKey", "").strip(), decimal(attribute(entry, "mappedValue", "0")),
                        !"false".equals(attribute(entry, "caseSensitive", "true").strip())));
                }
            }
            declarations.put(identifier, new Declaration(attribute(declared, "cardinality", "single").strip(),
                attribute(declared, "baseType", "").strip(), correct, mapping, tolerance(processing, identifier)));
        }
        return declarations;
    }

    /** The tolerance of the {@code equal} that compares the response to its key, if response processing has one. */
    private static @Nullable Tolerance tolerance(@Nullable Element processing, String identifier) {
        if (processing == null) {
            return null;
        }
        for (Element equal : descendants(processing, "equal")) {
            boolean aboutIt = children(equal).stream().anyMatch(operand -> identifier.equals(attribute(operand, "identifier", "")));
            String mode = attribute(equal, "toleranceMode", "exact").strip();
            String tolerance = attribute(equal, "tolerance", "").strip();
            if (aboutIt && !mode.equals("exact") && !tolerance.isEmpty()) {
                return new Tolerance(mode.equals("relative"), decimal(tolerance.split("\\s+")[0]).abs());
            }
        }
        return null;
    }

    private static BigDecimal decimal(String written) {
        try {
            return new BigDecimal(written.strip());
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    /** A response declaration: its key as written ({@code correctResponse}) and its mapping. */
    private record Declaration(String cardinality, String baseType, List<String> correct, List<MapEntry> mapping, @Nullable Tolerance tolerance) {

        /** The keys: the correct response, or else the mapped values that earn points, best first. */
        List<String> keyed() {
            if (!correct.isEmpty()) {
                return correct;
            }
            return mapping.stream().filter(MapEntry::earns).sorted((a, b) -> b.value().compareTo(a.value())).map(MapEntry::key).toList();
        }

        /** Every answer that earns points: the correct response and each mapped value that earns. */
        List<String> accepted() {
            Set<String> accepted = new LinkedHashSet<>(correct);
            mapping.stream().filter(MapEntry::earns).forEach(entry -> accepted.add(entry.key()));
            return List.copyOf(accepted);
        }

        boolean caseSensitive() {
            return mapping.stream().filter(MapEntry::earns).allMatch(MapEntry::caseSensitive);
        }

        BigDecimal tolerance(BigDecimal value) {
            if (tolerance == null) {
                return BigDecimal.ZERO;
            }
            return tolerance.relative() ? value.abs().multiply(tolerance.amount()).movePointLeft(2).stripTrailingZeros() : tolerance.amount();
        }
    }

    private record MapEntry(String key, BigDecimal value, boolean caseSensitive) {

        boolean earns() {
            return value.signum() > 0 && !key.isEmpty();
        }
    }

    /** QTI's tolerance: absolute, or relative in percent of the key. */
    private record Tolerance(boolean relative, BigDecimal amount) {
    }

    /** Why this question, not the file, cannot be imported. */
    private static final class NotImportable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ImportProblem problem;

        NotImportable(String code, Object... args) {
            super(code, null, false, false);
            this.problem = new ImportProblem(code, args);
        }
    }
}
