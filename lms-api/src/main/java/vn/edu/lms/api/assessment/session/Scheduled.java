package vn.edu.lms.api.assessment.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A session as the hot paths read it (start, save): its participants by id and its networks parsed
 * once, kept in memory for a moment so that a class starting together reads the database once.
 */
public record Scheduled(TestSession session, Map<String, TestSession.Participant> participants, List<Network> networks) {

    static Scheduled of(TestSession session) {
        return new Scheduled(session,
            session.participants().stream().collect(Collectors.toUnmodifiableMap(TestSession.Participant::studentId, Function.identity())),
            session.allowedNetworks().stream().map(written -> Network.parse(written).orElseThrow()).toList());
    }

    public boolean takes(String studentId) {
        return participants.containsKey(studentId);
    }

    /** Whether a request from {@code address} may start or answer. */
    public boolean admits(@Nullable String address) {
        return networks.isEmpty() || networks.stream().anyMatch(network -> network.contains(address));
    }

    /** Whether a new attempt may begin at {@code now}: inside the window and before the late-start limit. */
    public boolean open(Instant now) {
        return !now.isBefore(session.opensAt()) && now.isBefore(lastStart());
    }

    /** The last moment a student may begin. */
    public Instant lastStart() {
        Integer late = session.lateStartMinutes();
        Instant byLateStart = late == null ? session.closesAt() : session.opensAt().plusSeconds(60L * late);
        return byLateStart.isBefore(session.closesAt()) ? byLateStart : session.closesAt();
    }

    /** The room whose code this is, or null when the code opens no room. Sessions without rooms ask no code. */
    public TestSession.@Nullable Room room(@Nullable String accessCode) {
        if (accessCode == null) {
            return null;
        }
        String given = accessCode.strip();
        return session.rooms().stream().filter(room -> room.accessCode().equalsIgnoreCase(given)).findFirst().orElse(null);
    }

    /** When a student starting at {@code startedAt} must stop: the duration (cut at the window's end if the session says so) plus their extra time. */
    public Instant endsAt(String studentId, Instant startedAt) {
        Instant full = startedAt.plus(session.duration());
        Instant end = session.endsWithWindow() && session.closesAt().isBefore(full) ? session.closesAt() : full;
        return end.plus(session.extraFor(studentId));
    }
}
