package vn.edu.lms.api.questionbank.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.QuestionDraft;

/**
 * One question of a file: its number in the file (1, 2, …), how the file names it ("Câu 3", a
 * Moodle question name, a QTI item identifier), the draft made of it, or null with the problems
 * that prevented one. A draft may still have problems of its content; the import checks each
 * draft as the editor does.
 */
public record ParsedQuestion(int number, String label, @Nullable QuestionDraft draft, List<ImportProblem> problems) {

    public ParsedQuestion {
        problems = List.copyOf(problems);
    }

    public static ParsedQuestion of(int number, String label, QuestionDraft draft) {
        return new ParsedQuestion(number, label, draft, List.of());
    }

    public static ParsedQuestion failed(int number, String label, ImportProblem... problems) {
        return new ParsedQuestion(number, label, null, List.of(problems));
    }
}
