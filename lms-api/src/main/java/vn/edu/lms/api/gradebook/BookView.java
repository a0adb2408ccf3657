package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.gradebook.rules.Tt22Averages;
import vn.edu.lms.api.gradebook.rules.Tt22CommentSubject;
import vn.edu.lms.api.student.Rosters;

/**
 * A book as its teachers read it and export it: a row per student of the class in class-list
 * order, the cells of each column, and what the rules make of them. For the second term, the year
 * too (from the first term's book, when there is one).
 */
public record BookView(String id, String classId, String className, String subjectCode, String subjectName, int term, boolean commentOnly,
        int regularNeeded, List<String> columns, boolean locked, List<Gradebook.Source> sources, List<Row> rows) {

    /**
     * @param tags         each column's cell tag ({@link Gradebook#tagOf}), for If-Match when the cell is changed
     * @param average      ĐTBmhk of a scored subject (null while a score is missing)
     * @param achieved     the term's Đạt / Chưa đạt of a comment subject (null while undecided)
     * @param yearAverage  ĐTBmcn (second term only)
     * @param yearAchieved the year's result of a comment subject (second term only)
     */
    public record Row(int number, String studentId, String fullName, Map<String, Gradebook.Cell> cells, Map<String, String> tags,
            @Nullable BigDecimal average, @Nullable Boolean achieved, @Nullable BigDecimal yearAverage, @Nullable Boolean yearAchieved) {
    }

    public static BookView of(Gradebook book, String className, String subjectName, List<Rosters.Entry> roster, @Nullable Gradebook firstTerm) {
        List<Row> rows = new ArrayList<>();
        for (Rosters.Entry student : roster) {
            Map<String, Gradebook.Cell> cells = new LinkedHashMap<>();
            Map<String, String> tags = new LinkedHashMap<>();
            for (String column : book.columns()) {
                Gradebook.Cell cell = book.cell(student.studentId(), column);
                if (cell != null) {
                    cells.put(column, cell);
                }
                tags.put(column, Gradebook.tagOf(cell));
            }
            Result term = result(book, student.studentId());
            Result year = Result.NONE;
            if (book.term() == 2) {
                Result first = firstTerm == null ? Result.NONE : result(firstTerm, student.studentId());
                year = new Result(Tt22Averages.year(Optional.ofNullable(first.average()), Optional.ofNullable(term.average())).orElse(null),
                    Tt22CommentSubject.year(Optional.ofNullable(term.achieved())).orElse(null));
            }
            rows.add(new Row(student.number(), student.studentId(), student.fullName(), cells, tags, term.average(), term.achieved(), year.average(),
                year.achieved()));
        }
        return new BookView(book.id(), book.classId(), className, book.subjectCode(), subjectName, book.term(), book.commentOnly(),
            book.regularNeeded(), book.columns(), book.locked(), book.sources(), rows);
    }

    /** A student's term average (scored subject) or term result (comment subject) in one book. */
    record Result(@Nullable BigDecimal average, @Nullable Boolean achieved) {
        static final Result NONE = new Result(null, null);
    }

    static Result result(Gradebook book, String studentId) {
        List<BigDecimal> regularScores = new ArrayList<>();
        List<Boolean> regularRatings = new ArrayList<>();
        for (int i = 1; i <= book.regularColumns(); i++) {
            Gradebook.Cell cell = book.cell(studentId, "TX" + i);
            if (cell != null && cell.score() != null) {
                regularScores.add(cell.score());
            }
            if (cell != null && cell.achieved() != null) {
                regularRatings.add(cell.achieved());
            }
        }
        Gradebook.Cell mid = book.cell(studentId, Gradebook.MID_TERM);
        Gradebook.Cell end = book.cell(studentId, Gradebook.END_OF_TERM);
        if (book.commentOnly()) {
            return new Result(null, Tt22CommentSubject.term(regularRatings, book.regularNeeded(),
                Optional.ofNullable(mid == null ? null : mid.achieved()), Optional.ofNullable(end == null ? null : end.achieved())).orElse(null));
        }
        return new Result(Tt22Averages.term(regularScores, book.regularNeeded(), Optional.ofNullable(mid == null ? null : mid.score()),
            Optional.ofNullable(end == null ? null : end.score())).orElse(null), null);
    }
}
