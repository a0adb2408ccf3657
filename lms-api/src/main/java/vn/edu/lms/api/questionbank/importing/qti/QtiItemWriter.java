package vn.edu.lms.api.questionbank.importing.qti;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;

/**
 * One question as a QTI item, in QTI 2.2 or 3.0 names. The stem is marked ({@code div class="lms-stem"}),
 * as are a cloze's text and gaps whose diacritics do not count, so that {@link QtiItemReader} reads the
 * same question back; other tools see plain XHTML.
 */
final class QtiItemWriter {

    private static final String RESPONSE = "RESPONSE";

    private final boolean qti3;
    private final QtiExport.Item item;
    /** The package files of the images the item shows, by package path. */
    private final Map<String, byte[]> imageFiles = new LinkedHashMap<>();
    private final StringBuilder declarations = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder processing = new StringBuilder();

    QtiItemWriter(QtiExport.Version version, QtiExport.Item item) {
        this.qti3 = version == QtiExport.Version.QTI_3_0;
        this.item = item;
    }

    Map<String, byte[]> imageFiles() {
        return imageFiles;
    }

    String write(String identifier) {
        QuestionContent content = item.content();
        body.append(open("div", "class", QtiItemReader.STEM_CLASS)).append(xhtml(content.stem())).append("</div>\n");
        if (content instanceof QuestionContent.SingleChoice single) {
            choice(single.options(), List.of(single.correct()), true, single.fixedOrder());
        } else if (content instanceof QuestionContent.MultipleResponse multiple) {
            choice(multiple.options(), multiple.correct(), false, multiple.fixedOrder());
        } else if (content instanceof QuestionContent.TrueFalseGroup group) {
            trueFalseGroup(group);
        } else if (content instanceof QuestionContent.ShortNumber number) {
            shortNumber(number);
        } else if (content instanceof QuestionContent.ShortText text) {
            shortText(text);
        } else if (content instanceof QuestionContent.Matching matching) {
            matching(matching);
        } else if (content instanceof QuestionContent.Ordering ordering) {
            ordering(ordering);
        } else if (content instanceof QuestionContent.Cloze cloze) {
            cloze(cloze);
        } else if (content instanceof QuestionContent.Essay essay) {
            essay(essay);
        }
        String namespace = qti3 ? QtiXml.QTI_3_0 : QtiXml.QTI_2_2;
        String schema = qti3 ? "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
            : "http://www.imsglobal.org/xsd/qti/qtiv2p2/imsqti_v2p2.xsd";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + open(element("assessmentItem"), "xmlns", namespace, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", namespace + " " + schema, "identifier", identifier, attribute("title"), item.title(),
                attribute("adaptive"), "false", attribute("timeDependent"), "false") + "\n"
            + declarations
            + open(element("outcomeDeclaration"), "identifier", "SCORE", attribute("cardinality"), "single", attribute("baseType"), "float")
            + open(element("defaultValue")) + open(element("value")) + "0" + close("value") + close("defaultValue")
            + close("outcomeDeclaration") + "\n"
            + open(element("itemBody")) + "\n" + body + close("itemBody") + "\n"
            + processing
            + close("assessmentItem") + "\n";
    }

    private void choice(List<Choice> options, List<String> correct, boolean single, boolean fixedOrder) {
        Map<String, String> identifiers = identifiers(options, "C");
        declare(RESPONSE, single ? "single" : "multiple", "identifier",
            correct.stream().map(key -> identifiers.getOrDefault(key, QtiExport.identifierOf(key))).toList(), List.of(), true);
        body.append(open(element("choiceInteraction"), attribute("responseIdentifier"), RESPONSE, attribute("shuffle"), String.valueOf(!fixedOrder),
            attribute("maxChoices"), single ? "1" : "0")).append('\n');
        for (Choice option : options) {
            body.append(open(element("simpleChoice"), "identifier", identifiers.get(option.key()))).append(xhtml(option.content()))
                .append(close("simpleChoice")).append('\n');
        }
        body.append(close("choiceInteraction")).append('\n');
        template("match_correct");
    }

    /** Each statement a choice of its own between true and false, the statement as its prompt. */
    private void trueFalseGroup(QuestionContent.TrueFalseGroup group) {
        List<String> responses = new ArrayList<>();
        for (QuestionContent.Statement statement : group.statements()) {
            String response = RESPONSE + "_" + (responses.size() + 1);
            responses.add(response);
            declare(response, "single", "identifier", List.of(String.valueOf(statement.correct())), List.of(), true);
            body.append(open(element("choiceInteraction"), attribute("responseIdentifier"), response, attribute("shuffle"), "false",
                attribute("maxChoices"), "1"))
                .append(open(element("prompt"))).append(xhtml(statement.content())).append(close("prompt"))
                .append(open(element("simpleChoice"), "identifier", "true")).append("Đúng").append(close("simpleChoice"))
                .append(open(element("simpleChoice"), "identifier", "false")).append("Sai").append(close("simpleChoice"))
                .append(close("choiceInteraction")).append('\n');
        }
        sumOfRight(responses, false);
    }

    private void shortNumber(QuestionContent.ShortNumber number) {
        declare(RESPONSE, "single", "float", List.of(number.value().toPlainString()), List.of(), true);
        body.append("<p>").append(empty(element("textEntryInteraction"), attribute("responseIdentifier"), RESPONSE, attribute("expectedLength"), "4"))
            .append("</p>\n");
        String tolerance = number.tolerance().toPlainString();
        processing.append(open(element("responseProcessing"))).append(open(element("responseCondition"))).append(open(element("responseIf")))
            .append(open(element("equal"), attribute("toleranceMode"), "absolute", "tolerance", tolerance + " " + tolerance))
            .append(empty(element("variable"), "identifier", RESPONSE)).append(empty(element("correct"), "identifier", RESPONSE))
            .append(close("equal"))
            .append(setScore(open(element("baseValue"), attribute("baseType"), "float") + "1" + close("baseValue")))
            .append(close("responseIf")).append(close("responseCondition")).append(close("responseProcessing")).append('\n');
    }

    private void shortText(QuestionContent.ShortText text) {
        declare(RESPONSE, "single", "string", text.accepted().isEmpty() ? List.of() : List.of(text.accepted().get(0)), text.accepted(),
            text.caseSensitive());
        body.append("<p>").append(textEntry(RESPONSE, text.diacriticsSensitive())).append("</p>\n");
        template("map_response");
    }

    private void matching(QuestionContent.Matching matching) {
        Map<String, String> premises = identifiers(matching.premises(), "P");
        Map<String, String> responses = identifiers(matching.responses(), "R");
        List<String> pairs = matching.premises().stream().filter(premise -> matching.pairs().containsKey(premise.key()))
            .map(premise -> premises.get(premise.key()) + " "
                + responses.getOrDefault(matching.pairs().get(premise.key()), QtiExport.identifierOf(matching.pairs().get(premise.key()))))
            .toList();
        declare(RESPONSE, "multiple", "directedPair", pairs, List.of(), true);
        body.append(open(element("matchInteraction"), attribute("responseIdentifier"), RESPONSE, attribute("shuffle"), "true",
            attribute("maxAssociations"), String.valueOf(matching.premises().size()))).append('\n');
        matchSet(matching.premises(), premises, "1");
        matchSet(matching.responses(), responses, "0");
        body.append(close("matchInteraction")).append('\n');
        template("match_correct");
    }

    private void matchSet(List<Choice> choices, Map<String, String> identifiers, String matchMax) {
        body.append(open(element("simpleMatchSet"))).append('\n');
        for (Choice choice : choices) {
            body.append(open(element("simpleAssociableChoice"), "identifier", identifiers.get(choice.key()), attribute("matchMax"), matchMax))
                .append(xhtml(choice.content())).append(close("simpleAssociableChoice")).append('\n');
        }
        body.append(close("simpleMatchSet")).append('\n');
    }

    /** The items in their right order, which is the key; candidates see them shuffled. */
    private void ordering(QuestionContent.Ordering ordering) {
        Map<String, String> identifiers = identifiers(ordering.items(), "O");
        declare(RESPONSE, "ordered", "identifier", ordering.items().stream().map(choice -> identifiers.get(choice.key())).toList(), List.of(), true);
        body.append(open(element("orderInteraction"), attribute("responseIdentifier"), RESPONSE, attribute("shuffle"), "true")).append('\n');
        for (Choice choice : ordering.items()) {
            body.append(open(element("simpleChoice"), "identifier", identifiers.get(choice.key()))).append(xhtml(choice.content()))
                .append(close("simpleChoice")).append('\n');
        }
        body.append(close("orderInteraction")).append('\n');
        template("match_correct");
    }

    private void cloze(QuestionContent.Cloze cloze) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> responses = new ArrayList<>();
        for (Gap gap : cloze.gaps()) {
            String response = "GAP_" + (responses.size() + 1);
            responses.add(response);
            declare(response, "single", "string", gap.accepted().isEmpty() ? List.of() : List.of(gap.accepted().get(0)), gap.accepted(),
                gap.caseSensitive());
            entries.put(gap.key(), textEntry(response, gap.diacriticsSensitive()));
        }
        body.append(open("div", "class", QtiItemReader.CLOZE_CLASS))
            .append(QtiXhtml.of(cloze.text(), this::imageSource, entries::get))
            .append("</div>\n");
        sumOfRight(responses, true);
    }

    private void essay(QuestionContent.Essay essay) {
        declare(RESPONSE, "single", "string", List.of(), List.of(), true);
        body.append(empty(element("extendedTextInteraction"), attribute("responseIdentifier"), RESPONSE, attribute("expectedLines"), "10"))
            .append('\n');
        if (essay.guidance() != null && !essay.guidance().isBlank()) {
            String guidance = xhtml(essay.guidance());
            body.append(open(element("rubricBlock"), "view", "scorer"))
                .append(qti3 ? open(element("contentBody")) + guidance + close("contentBody") : guidance)
                .append(close("rubricBlock")).append('\n');
        }
    }

    private String textEntry(String response, boolean diacriticsSensitive) {
        return diacriticsSensitive
            ? empty(element("textEntryInteraction"), attribute("responseIdentifier"), response, attribute("expectedLength"), "15")
            : empty(element("textEntryInteraction"), attribute("responseIdentifier"), response, attribute("expectedLength"), "15", "class",
                QtiItemReader.DIACRITICS_INSENSITIVE_CLASS);
    }

    /**
     * @param accepted  every answer accepted (a mapping of each to 1), or none to write no mapping
     */
    private void declare(String identifier, String cardinality, String baseType, List<String> correct, List<String> accepted,
            boolean caseSensitive) {
        declarations.append(open(element("responseDeclaration"), "identifier", identifier, attribute("cardinality"), cardinality,
            attribute("baseType"), baseType)).append('\n');
        if (!correct.isEmpty()) {
            declarations.append(open(element("correctResponse")));
            correct.forEach(value -> declarations.append(open(element("value"))).append(QtiXml.escapeText(value)).append(close("value")));
            declarations.append(close("correctResponse")).append('\n');
        }
        if (!accepted.isEmpty()) {
            declarations.append(open(element("mapping"), attribute("defaultValue"), "0", attribute("upperBound"), "1")).append('\n');
            accepted.forEach(value -> declarations.append(empty(element("mapEntry"), attribute("mapKey"), value, attribute("mappedValue"), "1",
                attribute("caseSensitive"), String.valueOf(caseSensitive))).append('\n'));
            declarations.append(close("mapping")).append('\n');
        }
        declarations.append(close("responseDeclaration")).append('\n');
    }

    private void template(String name) {
        String uri = qti3 ? "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/" + name + ".xml"
            : "http://www.imsglobal.org/question/qti_v2p2/rptemplates/" + name;
        processing.append(empty(element("responseProcessing"), "template", uri)).append('\n');
    }

    /** Each response right earns an equal share (the templates know one response only). */
    private void sumOfRight(List<String> responses, boolean mapped) {
        String share = BigDecimal.ONE.divide(BigDecimal.valueOf(Math.max(1, responses.size())), 6, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString();
        processing.append(open(element("responseProcessing"))).append('\n');
        for (String response : responses) {
            String right = mapped
                ? open(element("gt")) + empty(element("mapResponse"), "identifier", response)
                    + open(element("baseValue"), attribute("baseType"), "float") + "0" + close("baseValue") + close("gt")
                : open(element("match")) + empty(element("variable"), "identifier", response) + empty(element("correct"), "identifier", response)
                    + close("match");
            processing.append(open(element("responseCondition"))).append(open(element("responseIf"))).append(right)
                .append(setScore(open(element("sum")) + empty(element("variable"), "identifier", "SCORE")
                    + open(element("baseValue"), attribute("baseType"), "float") + share + close("baseValue") + close("sum")))
                .append(close("responseIf")).append(close("responseCondition")).append('\n');
        }
        processing.append(close("responseProcessing")).append('\n');
    }

    private String setScore(String expression) {
        return open(element("setOutcomeValue"), "identifier", "SCORE") + expression + close("setOutcomeValue");
    }

    private String xhtml(String html) {
        return QtiXhtml.of(html, this::imageSource);
    }

    /** Where an image of the content store goes in the package, relative to the item (items/…). */
    private String imageSource(String assetId) {
        byte[] bytes = item.images().get(assetId);
        String path = "images/" + assetId + (bytes == null || assetId.contains(".") ? "" : QtiExport.extensionOf(bytes));
        if (bytes != null) {
            imageFiles.put(path, bytes);
        }
        return "../" + path;
    }

    /** QTI identifiers for the keys, by key: a prefix and the position ("C1", "C2"), valid whatever the keys are. */
    private static Map<String, String> identifiers(List<Choice> choices, String prefix) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        for (Choice choice : choices) {
            identifiers.putIfAbsent(choice.key(), prefix + (identifiers.size() + 1));
        }
        return identifiers;
    }

    /** An element's name in this version: {@code choiceInteraction} or {@code qti-choice-interaction}. */
    private String element(String qti2Name) {
        return qti3 ? "qti-" + QtiXml.kebabCase(qti2Name) : qti2Name;
    }

    private String attribute(String qti2Name) {
        return qti3 ? QtiXml.kebabCase(qti2Name) : qti2Name;
    }

    private String close(String qti2Name) {
        return "</" + (qti2Name.equals("div") ? "div" : element(qti2Name)) + ">";
    }

    private static String open(String name, String... attributes) {
        return tag(name, attributes) + ">";
    }

    private static String empty(String name, String... attributes) {
        return tag(name, attributes) + "/>";
    }

    private static String tag(String name, String... attributes) {
        StringBuilder tag = new StringBuilder("<").append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            tag.append(' ').append(attributes[i]).append("=\"").append(QtiXml.escapeAttribute(attributes[i + 1])).append('"');
        }
        return tag.toString();
    }
}
