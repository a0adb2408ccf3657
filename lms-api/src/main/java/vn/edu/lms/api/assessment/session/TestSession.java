package vn.edu.lms.api.assessment.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.assessment.blueprint.Blueprint;

/**
 * A scheduled test: who takes it, when, for how long and from where.
 *
 * @param kind              giữa kỳ or cuối kỳ (recorded as ĐĐGgk / ĐĐGck), or practice (recorded nowhere)
 * @param papers            how papers are drawn: one per student, one fixed paper, or lettered versions
 * @param versions          the number of lettered versions (mã đề 101, 102, …); 1 otherwise
 * @param seed              the seed every paper of the session is drawn from
 * @param lateStartMinutes  how long after {@code opensAt} a student may still start; null: until the window closes
 * @param endsWithWindow    whether a late starter's time is cut at {@code closesAt} (extra time still added)
 * @param rooms             rooms with their access codes; empty when no code is asked
 * @param allowedNetworks   CIDR ranges a student must start and answer from; empty: anywhere
 * @param extraMinutes      extra time per student (student id → minutes), added to their attempt
 * @param yearId            the school year of the classes taking it
 * @param releasedAt        when the teacher released the results to students
 */
@Document("test_sessions")
public record TestSession(@Id String id, @Version @Nullable Long revision, String schoolId, String authorId, String title, Kind kind,
        int term, String yearId, String blueprintId, Blueprint blueprint, PaperMode papers, int versions, long seed, Instant opensAt,
        Instant closesAt, int durationMinutes, @Nullable Integer lateStartMinutes, boolean endsWithWindow, List<Room> rooms,
        List<String> allowedNetworks, List<Participant> participants, Map<String, Integer> extraMinutes, @Nullable Instant releasedAt,
        boolean cancelled, Instant createdAt, Instant updatedAt) {

    public TestSession {
        rooms = List.copyOf(rooms);
        allowedNetworks = List.copyOf(allowedNetworks);
        participants = List.copyOf(participants);
        extraMinutes = Map.copyOf(extraMinutes);
    }

    /** Kiểm tra giữa kỳ, cuối kỳ, or a practice test that no gradebook records. */
    public enum Kind {
        MID_TERM, END_OF_TERM, PRACTICE
    }

    /** One paper per student (drawn and shuffled for them), one fixed paper for all, or lettered versions handed out in turn. */
    public enum PaperMode {
        PER_STUDENT, FIXED, LETTERED
    }

    /** A room (phòng thi) and the code its proctor reads out to start. */
    public record Room(String name, String accessCode) {
    }

    /** A student taking the test, and the class they take it with. */
    public record Participant(String studentId, String classId) {
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Optional<Participant> participant(String studentId) {
        return participants.stream().filter(participant -> participant.studentId().equals(studentId)).findFirst();
    }

    public Duration extraFor(String studentId) {
        return Duration.ofMinutes(extraMinutes.getOrDefault(studentId, 0));
    }

    /** The printed code of lettered version {@code index} (0-based): 101, 102, … */
    public static String versionCode(int index) {
        return String.valueOf(101 + index);
    }

    public boolean released() {
        return releasedAt != null;
    }
}
