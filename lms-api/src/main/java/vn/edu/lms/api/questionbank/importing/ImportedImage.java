package vn.edu.lms.api.questionbank.importing;

/** An image a file holds (embedded in Moodle XML, inside a QTI package or a .docx), by the name rich text uses. */
public record ImportedImage(String name, String mediaType, byte[] bytes) {
}
