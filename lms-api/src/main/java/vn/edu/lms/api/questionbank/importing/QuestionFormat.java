package vn.edu.lms.api.questionbank.importing;

/**
 * One file format of questions. Reading never throws for a bad file: what cannot be read is a
 * {@link ImportProblem} of the file or of the question it concerns. Reading stores nothing.
 */
public interface QuestionFormat {

    /** The format's name in the API ({@code GIFT}, {@code AIKEN}, {@code MOODLE_XML}, {@code QTI}, {@code DOCX}). */
    String name();

    ParsedFile read(byte[] file, ImportDefaults defaults);
}
