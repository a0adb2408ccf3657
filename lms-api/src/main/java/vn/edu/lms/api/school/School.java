package vn.edu.lms.api.school;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school of the district. Its id is a short code chosen by the district ("th-kim-dong"), used in
 * every role grant and URL, so it never changes.
 *
 * @param level  which grades (khối) it teaches
 */
@Document("schools")
public record School(@Id String id, String name, Level level, Instant createdAt, @Version @Nullable Long version) {

    /** Cấp học: tiểu học teaches grades 1–5, THCS 6–9, a combined school both. */
    public enum Level {
        PRIMARY(1, 5), LOWER_SECONDARY(6, 9), PRIMARY_AND_LOWER_SECONDARY(1, 9);

        private final int lowestGrade;
        private final int highestGrade;

        Level(int lowestGrade, int highestGrade) {
            this.lowestGrade = lowestGrade;
            this.highestGrade = highestGrade;
        }

        public int lowestGrade() {
            return lowestGrade;
        }

        public int highestGrade() {
            return highestGrade;
        }

        public boolean teaches(int grade) {
            return grade >= lowestGrade && grade <= highestGrade;
        }
    }
}
