package vn.edu.lms.api.assessment.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a teacher asks for when scheduling a test: already shaped by the controller, checked by
 * {@link TestSessions}. A room without a code gets one drawn.
 */
public record Schedule(String title, TestSession.Kind kind, int term, String blueprintId, TestSession.PaperMode papers, int versions,
        Instant opensAt, Instant closesAt, int durationMinutes, @Nullable Integer lateStartMinutes, boolean endsWithWindow,
        List<String> classIds, List<String> studentIds, List<RoomRequest> rooms, List<String> allowedNetworks,
        Map<String, Integer> extraMinutes) {

    public Schedule {
        classIds = List.copyOf(classIds);
        studentIds = List.copyOf(studentIds);
        rooms = List.copyOf(rooms);
        allowedNetworks = List.copyOf(allowedNetworks);
        extraMinutes = Map.copyOf(extraMinutes);
    }

    /** A room, with the code its proctor chose or null for one drawn by the server. */
    public record RoomRequest(String name, @Nullable String accessCode) {
    }
}
