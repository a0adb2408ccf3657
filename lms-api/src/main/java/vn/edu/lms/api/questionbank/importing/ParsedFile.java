package vn.edu.lms.api.questionbank.importing;

import java.util.List;
import java.util.Map;

/**
 * A file read: its questions in file order, the images they refer to, and problems of the whole
 * file (unreadable, empty, unsafe). Rich text refers to an image of the file as
 * {@code <img src="import:NAME">}, NAME a key of {@code images}; the import stores the image and
 * writes its content-store id in its place.
 */
public record ParsedFile(List<ParsedQuestion> questions, Map<String, ImportedImage> images, List<ImportProblem> fileProblems) {

    public ParsedFile {
        questions = List.copyOf(questions);
        images = Map.copyOf(images);
        fileProblems = List.copyOf(fileProblems);
    }

    public static ParsedFile unreadable(ImportProblem problem) {
        return new ParsedFile(List.of(), Map.of(), List.of(problem));
    }

    /** Whether every question could be made into a draft and the file itself has no problem. */
    public boolean clean() {
        return fileProblems.isEmpty() && questions.stream().allMatch(question -> question.draft() != null && question.problems().isEmpty());
    }
}
