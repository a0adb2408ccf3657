package vn.edu.lms.api.questionbank.importing.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;
import vn.edu.lms.api.questionbank.importing.QuestionFormat;

/**
 * Word tests as Vietnamese teachers write them (convention: {@code docs/docx-import.md}): part
 * headings, "Câu n." questions, keys marked in the text or given by a key table after "ĐÁP ÁN".
 * The document is read top to bottom once; questions are made into drafts after, when the key
 * tables at its end are known.
 */
public class DocxFormat implements QuestionFormat {

    private static final Pattern IMAGE_REFERENCE = Pattern.compile("src=\"import:([^\"]+)\"");

    public DocxFormat() {
    }

    @Override
    public String name() {
        return "DOCX";
    }

    @Override
    public ParsedFile read(byte[] file, ImportDefaults defaults) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file))) {
            return read(document, defaults);
        } catch (IOException | RuntimeException notWord) {
            // Not a zip, a zip without a Word document, an old .doc, or XML POI cannot take.
            return ParsedFile.unreadable(new ImportProblem("import.unreadable-file", "Word (.docx)"));
        }
    }

    private static ParsedFile read(XWPFDocument document, ImportDefaults defaults) {
        DocxImages images = new DocxImages(document);
        ParagraphReader reader = new ParagraphReader(images);
        AnswerKey key = new AnswerKey();
        List<QuestionBlock> blocks = new ArrayList<>();
        QuestionBlock current = null;
        Part part = null;
        boolean inKeySection = false;
        String keyPart = null;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFTable table) {
                if (inKeySection) {
                    key.read(table, reader, keyPart);
                } else if (current != null) {
                    current.lines().add(reader.table(table));
                }
                continue;
            }
            if (!(element instanceof XWPFParagraph paragraph)) {
                continue;
            }
            Line line = reader.read(paragraph);
            String plain = line.plain();
            if (inKeySection || Conventions.keyHeading(line)) {
                // The key section runs to the end; part headings in it say whose answers the next table holds.
                inKeySection = true;
                String numeral = Conventions.partNumeralIn(plain);
                keyPart = numeral != null ? numeral : keyPart;
                continue;
            }
            Part heading = Conventions.part(plain);
            if (heading != null) {
                part = heading;
                current = null;
                continue;
            }
            Conventions.QuestionStart start = Conventions.questionStart(plain);
            if (start != null) {
                current = started(blocks.size() + 1, start, part, line);
                blocks.add(current);
            } else if (current != null) {
                current.lines().add(line);
            }
        }
        if (blocks.isEmpty()) {
            return new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.empty-file")));
        }
        QuestionReader questions = new QuestionReader(key, defaults);
        List<ParsedQuestion> parsed = blocks.stream().map(questions::read).toList();
        return new ParsedFile(parsed, shown(parsed, images.all()), List.of());
    }

    private static QuestionBlock started(int position, Conventions.QuestionStart start, @Nullable Part part, Line line) {
        Line rest = line.sliceFrom(start.stemFrom());
        String levelLabel = start.levelLabel();
        if (levelLabel == null) {
            int levelFrom = Conventions.levelAtEnd(rest.plain());
            if (levelFrom >= 0) {
                levelLabel = Conventions.levelLabelAtEnd(rest.plain());
                rest = rest.slice(0, levelFrom);
            }
        }
        List<Line> lines = new ArrayList<>();
        lines.add(rest);
        return new QuestionBlock(position, start.number(), part, levelLabel, lines);
    }

    /** The images the questions show; a school logo in the heading of the test is no question's. */
    private static Map<String, ImportedImage> shown(List<ParsedQuestion> questions, Map<String, ImportedImage> images) {
        Set<String> names = new HashSet<>();
        for (ParsedQuestion question : questions) {
            if (question.draft() != null) {
                question.draft().content().withText(text -> {
                    Matcher matcher = IMAGE_REFERENCE.matcher(text);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                    return text;
                });
            }
        }
        Map<String, ImportedImage> shown = new LinkedHashMap<>();
        images.forEach((name, image) -> {
            if (names.contains(name)) {
                shown.put(name, image);
            }
        });
        return shown;
    }
}
