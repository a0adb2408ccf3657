package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.gradebook.rules.Tt22LearningResult;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.curriculum.Subject;

/**
 * A class's learning results for a term or the year (Thông tư 22, Điều 9): per student, each subject
 * of the grade as the books have it, and the level with its one-subject adjustment. A subject with
 * no book, or a missing score, leaves the level undecided.
 */
public record ClassResults(String classId, Period period, List<String> subjects, List<StudentResult> students) {

    /** Học kỳ I, học kỳ II, cả năm. */
    public enum Period {
        HK1, HK2, CN
    }

    public record SubjectResult(@Nullable BigDecimal average, @Nullable Boolean achieved) {
    }

    /**
     * @param level    Tốt, Khá, Đạt or Chưa đạt; null while undecided
     * @param conduct  the homeroom teacher's conduct rating (rèn luyện), once given
     * @param title    for the year: Học sinh Xuất sắc or Học sinh Giỏi, when earned
     */
    public record StudentResult(int number, String studentId, String fullName, Map<String, SubjectResult> subjects,
            Tt22LearningResult.@Nullable Level level, @Nullable String levelLabel, Tt22LearningResult.@Nullable Level beforeAdjustment,
            @Nullable String adjustedFor, Tt22LearningResult.@Nullable Level conduct, @Nullable String title) {
    }

    /**
     * @param firstTerm   the class's books of term I by subject code
     * @param secondTerm  the class's books of term II by subject code
     */
    public static ClassResults of(String classId, Period period, List<Subject> subjects, List<Rosters.Entry> roster,
            Map<String, Gradebook> firstTerm, Map<String, Gradebook> secondTerm, Map<String, Tt22LearningResult.Level> conduct) {
        List<StudentResult> students = new ArrayList<>();
        for (Rosters.Entry student : roster) {
            Map<String, SubjectResult> results = new LinkedHashMap<>();
            List<Tt22LearningResult.Subject> forRules = new ArrayList<>();
            for (Subject subject : subjects) {
                SubjectResult result = resultOf(period, student.studentId(), firstTerm.get(subject.code()), secondTerm.get(subject.code()));
                results.put(subject.code(), result);
                forRules.add(subject.assessment() == Subject.Assessment.COMMENT
                    ? Tt22LearningResult.Subject.rated(subject.name(), Optional.ofNullable(result.achieved()))
                    : Tt22LearningResult.Subject.scored(subject.name(), Optional.ofNullable(result.average())));
            }
            Optional<Tt22LearningResult.Outcome> outcome = Tt22LearningResult.of(forRules);
            Tt22LearningResult.Level rated = conduct.get(student.studentId());
            String title = period != Period.CN || rated == null || outcome.isEmpty() ? null
                : vn.edu.lms.api.gradebook.rules.Tt22YearTitle.of(rated, outcome.get().level(), results.values().stream()
                    .map(SubjectResult::average).filter(java.util.Objects::nonNull).toList())
                    .map(vn.edu.lms.api.gradebook.rules.Tt22YearTitle::label).orElse(null);
            students.add(new StudentResult(student.number(), student.studentId(), student.fullName(), results,
                outcome.map(Tt22LearningResult.Outcome::level).orElse(null), outcome.map(found -> found.level().label()).orElse(null),
                outcome.map(Tt22LearningResult.Outcome::beforeAdjustment).orElse(null), outcome.map(Tt22LearningResult.Outcome::adjustedFor).orElse(null),
                rated, title));
        }
        return new ClassResults(classId, period, subjects.stream().map(Subject::code).toList(), students);
    }

    private static SubjectResult resultOf(Period period, String studentId, @Nullable Gradebook first, @Nullable Gradebook second) {
        BookView.Result one = first == null ? BookView.Result.NONE : BookView.result(first, studentId);
        BookView.Result two = second == null ? BookView.Result.NONE : BookView.result(second, studentId);
        return switch (period) {
            case HK1 -> new SubjectResult(one.average(), one.achieved());
            case HK2 -> new SubjectResult(two.average(), two.achieved());
            case CN -> new SubjectResult(vn.edu.lms.api.gradebook.rules.Tt22Averages.year(Optional.ofNullable(one.average()),
                Optional.ofNullable(two.average())).orElse(null), two.achieved());
        };
    }
}
