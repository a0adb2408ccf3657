package vn.edu.lms.api.questionbank.importing.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Word equations (OMML) as LaTeX for the browser's renderer: fractions, powers and indices, roots,
 * brackets, sums and integrals, functions, accents, matrices and systems. A structure not known
 * here gives the LaTeX of what it contains, so its text is never lost.
 */
final class OmmlLatex {

    private static final String M = ParagraphReader.M;
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
        Map.entry("×", "\\times "), Map.entry("÷", "\\div "), Map.entry("±", "\\pm "), Map.entry("∓", "\\mp "),
        Map.entry("≤", "\\le "), Map.entry("≥", "\\ge "), Map.entry("≠", "\\ne "), Map.entry("≈", "\\approx "),
        Map.entry("∞", "\\infty "), Map.entry("π", "\\pi "), Map.entry("α", "\\alpha "), Map.entry("β", "\\beta "),
        Map.entry("γ", "\\gamma "), Map.entry("δ", "\\delta "), Map.entry("Δ", "\\Delta "), Map.entry("θ", "\\theta "),
        Map.entry("λ", "\\lambda "), Map.entry("μ", "\\mu "), Map.entry("σ", "\\sigma "), Map.entry("φ", "\\varphi "),
        Map.entry("ω", "\\omega "), Map.entry("Ω", "\\Omega "), Map.entry("→", "\\to "), Map.entry("⇒", "\\Rightarrow "),
        Map.entry("⇔", "\\Leftrightarrow "), Map.entry("∈", "\\in "), Map.entry("∉", "\\notin "), Map.entry("⊂", "\\subset "),
        Map.entry("∪", "\\cup "), Map.entry("∩", "\\cap "), Map.entry("∅", "\\varnothing "), Map.entry("°", "^{\\circ}"),
        Map.entry("⋅", "\\cdot "), Map.entry("·", "\\cdot "), Map.entry("−", "-"), Map.entry("…", "\\ldots "),
        Map.entry("∀", "\\forall "), Map.entry("∃", "\\exists "), Map.entry("∠", "\\angle "), Map.entry("⊥", "\\perp "),
        Map.entry("∥", "\\parallel "), Map.entry("△", "\\triangle "), Map.entry("ℝ", "\\mathbb{R}"), Map.entry("ℕ", "\\mathbb{N}"),
        Map.entry("ℤ", "\\mathbb{Z}"), Map.entry("ℚ", "\\mathbb{Q}"), Map.entry("√", "\\surd "),
        Map.entry("{", "\\{"), Map.entry("}", "\\}"), Map.entry("%", "\\%"), Map.entry("#", "\\#"), Map.entry("&", "\\&"),
        Map.entry("$", "\\$"), Map.entry("_", "\\_"), Map.entry("\\", "\\backslash "));
    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "log", "ln", "lim", "exp", "max", "min", "lg");
    private static final Map<String, String> BIG_OPERATORS = Map.of("∑", "\\sum", "∏", "\\prod", "∫", "\\int", "∬", "\\iint",
        "∭", "\\iiint", "∮", "\\oint", "⋃", "\\bigcup", "⋂", "\\bigcap");

    private OmmlLatex() {
    }

    static String of(Element oMath) {
        return children(oMath).strip();
    }

    private static String children(Element parent) {
        StringBuilder latex = new StringBuilder();
        for (Element child : elements(parent)) {
            latex.append(element(child));
        }
        return latex.toString();
    }

    private static String element(Element element) {
        if (!M.equals(element.getNamespaceURI())) {
            // Word's own run properties and the like inside an equation.
            return "";
        }
        String name = element.getLocalName();
        if (name.endsWith("Pr")) {
            return "";
        }
        return switch (name) {
            case "r" -> run(element);
            case "f" -> "\\frac{" + part(element, "num") + "}{" + part(element, "den") + "}";
            case "sSup" -> base(element) + "^{" + part(element, "sup") + "}";
            case "sSub" -> base(element) + "_{" + part(element, "sub") + "}";
            case "sSubSup" -> base(element) + "_{" + part(element, "sub") + "}^{" + part(element, "sup") + "}";
            case "sPre" -> "{}_{" + part(element, "sub") + "}^{" + part(element, "sup") + "}" + part(element, "e");
            case "rad" -> root(element);
            case "d" -> delimited(element);
            case "nary" -> bigOperator(element);
            case "func" -> function(element);
            case "limLow" -> "{" + part(element, "e") + "}_{" + part(element, "lim") + "}";
            case "limUpp" -> "{" + part(element, "e") + "}^{" + part(element, "lim") + "}";
            case "acc" -> accent(element);
            case "bar" -> ("top".equals(property(element, "barPr", "pos")) ? "\\overline{" : "\\underline{") + part(element, "e") + "}";
            case "m" -> "\\begin{matrix}" + rows(element, "mr") + "\\end{matrix}";
            case "eqArr" -> "\\begin{array}{l}" + rows(element, "e") + "\\end{array}";
            default -> children(element);
        };
    }

    private static String run(Element run) {
        StringBuilder text = new StringBuilder();
        for (Element child : elements(run)) {
            if ("t".equals(child.getLocalName())) {
                text.append(ParagraphReader.text(child));
            }
        }
        String plain = java.text.Normalizer.normalize(text.toString(), java.text.Normalizer.Form.NFC);
        // Words typed as text in an equation ("cm", "với"): upright, and letters LaTeX would not take.
        Element properties = ParagraphReader.child(run, M, "rPr");
        boolean normalText = properties != null && ParagraphReader.child(properties, M, "nor") != null;
        if (normalText || plain.codePoints().anyMatch(c -> c > 0x7F && Character.isLetter(c) && !SYMBOLS.containsKey(new String(Character.toChars(c))))) {
            return "\\text{" + plain.replace("\\", "").replace("{", "").replace("}", "") + "}";
        }
        StringBuilder latex = new StringBuilder();
        plain.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            latex.append(SYMBOLS.getOrDefault(character, character));
        });
        return latex.toString();
    }

    /** The base of a power or index, braced when it is more than one character ({x+1}^{2}). */
    private static String base(Element element) {
        String base = part(element, "e");
        return base.length() == 1 ? base : "{" + base + "}";
    }

    private static String root(Element element) {
        String degree = part(element, "deg");
        return degree.isBlank() ? "\\sqrt{" + part(element, "e") + "}" : "\\sqrt[" + degree + "]{" + part(element, "e") + "}";
    }

    private static String delimited(Element element) {
        String begin = property(element, "dPr", "begChr");
        String end = property(element, "dPr", "endChr");
        String separator = property(element, "dPr", "sepChr");
        List<String> items = new ArrayList<>();
        for (Element child : elements(element)) {
            if ("e".equals(child.getLocalName())) {
                items.add(children(child));
            }
        }
        return "\\left" + delimiter(begin == null ? "(" : begin) + String.join(separator == null ? "|" : separator, items)
            + "\\right" + delimiter(end == null ? ")" : end);
    }

    private static String delimiter(String character) {
        return switch (character) {
            case "" -> ".";
            case "{" -> "\\{";
            case "}" -> "\\}";
            case "⟨", "〈" -> "\\langle ";
            case "⟩", "〉" -> "\\rangle ";
            case "‖" -> "\\|";
            case "⌊" -> "\\lfloor ";
            case "⌋" -> "\\rfloor ";
            default -> character;
        };
    }

    private static String bigOperator(Element element) {
        String character = property(element, "naryPr", "chr");
        String operator = BIG_OPERATORS.getOrDefault(character == null ? "∫" : character, character == null ? "\\int" : character);
        String lower = part(element, "sub");
        String upper = part(element, "sup");
        return operator + (lower.isBlank() ? "" : "_{" + lower + "}") + (upper.isBlank() ? "" : "^{" + upper + "}") + " " + part(element, "e");
    }

    private static String function(Element element) {
        String name = part(element, "fName").strip();
        String argument = part(element, "e");
        return (FUNCTIONS.contains(name) ? "\\" + name : name) + " " + argument;
    }

    private static String accent(Element element) {
        String character = property(element, "accPr", "chr");
        String command = switch (character == null ? "\u0302" : character) {
            case "\u20D7", "→", "\u20D1" -> "\\vec";
            case "\u0305", "¯", "\u203E" -> "\\overline";
            case "\u0307" -> "\\dot";
            case "\u0303", "~" -> "\\tilde";
            default -> "\\hat";
        };
        return command + "{" + part(element, "e") + "}";
    }

    private static String rows(Element element, String rowName) {
        List<String> rows = new ArrayList<>();
        for (Element row : elements(element)) {
            if (!rowName.equals(row.getLocalName())) {
                continue;
            }
            if ("mr".equals(rowName)) {
                List<String> cells = new ArrayList<>();
                for (Element cell : elements(row)) {
                    if ("e".equals(cell.getLocalName())) {
                        cells.add(children(cell));
                    }
                }
                rows.add(String.join(" & ", cells));
            } else {
                rows.add(children(row));
            }
        }
        return String.join(" \\\\ ", rows);
    }

    /** The LaTeX of a named argument ({@code m:num}, {@code m:e}), empty when it is absent. */
    private static String part(Element element, String name) {
        Element argument = ParagraphReader.child(element, M, name);
        return argument == null ? "" : children(argument);
    }

    /** A property's m:val ({@code <m:dPr><m:begChr m:val="["/>}), null when it is not set. */
    private static @Nullable String property(Element element, String properties, String name) {
        Element holder = ParagraphReader.child(element, M, properties);
        Element property = holder == null ? null : ParagraphReader.child(holder, M, name);
        if (property == null) {
            return null;
        }
        String value = property.getAttributeNS(M, "val");
        return value == null ? "" : value;
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
