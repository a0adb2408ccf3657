package vn.edu.lms.api.questionbank.importing.docx;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The paragraphs of one question, from its "Câu n." line (without the marker and the level mark)
 * to the next question or heading; {@code lines} grows while the document is read.
 *
 * @param position  its place among the questions of the file (1, 2, …)
 * @param number    the number the file gives it, which starts again in each part
 */
record QuestionBlock(int position, int number, @Nullable Part part, @Nullable String levelLabel, List<Line> lines) {

    /** How the teacher finds it in the file: "Câu 3", or "Phần II, Câu 1" where numbers start again in each part. */
    String label() {
        return part == null || part.numeral() == null ? "Câu " + number : "Phần " + part.numeral() + ", Câu " + number;
    }
}
