package vn.edu.lms.api.assessment.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.edu.lms.api.questionbank.ContentProblem;

/** The rules a schedule must keep, each broken one a worded problem ({@code session.*} messages). */
final class ScheduleChecks {

    static final int MAX_DURATION_MINUTES = 240;
    static final int MAX_VERSIONS = 24;
    static final Duration LONGEST_WINDOW = Duration.ofDays(14);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,12}");

    private ScheduleChecks() {
    }

    static List<ContentProblem> problems(Schedule schedule) {
        List<ContentProblem> problems = new ArrayList<>();
        if (schedule.term() != 1 && schedule.term() != 2) {
            problems.add(new ContentProblem("session.bad-term", schedule.term()));
        }
        if (!schedule.closesAt().isAfter(schedule.opensAt())) {
            problems.add(new ContentProblem("session.window-backwards"));
        } else if (Duration.between(schedule.opensAt(), schedule.closesAt()).compareTo(LONGEST_WINDOW) > 0) {
            problems.add(new ContentProblem("session.window-too-long", LONGEST_WINDOW.toDays()));
        }
        if (schedule.durationMinutes() < 1 || schedule.durationMinutes() > MAX_DURATION_MINUTES) {
            problems.add(new ContentProblem("session.bad-duration", MAX_DURATION_MINUTES, schedule.durationMinutes()));
        }
        Integer late = schedule.lateStartMinutes();
        if (late != null && late < 0) {
            problems.add(new ContentProblem("session.bad-late-start", late));
        }
        if (schedule.papers() == TestSession.PaperMode.LETTERED && (schedule.versions() < 2 || schedule.versions() > MAX_VERSIONS)) {
            problems.add(new ContentProblem("session.bad-versions", MAX_VERSIONS, schedule.versions()));
        }
        if (schedule.classIds().isEmpty() && schedule.studentIds().isEmpty()) {
            problems.add(new ContentProblem("session.nobody"));
        }
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Schedule.RoomRequest room : schedule.rooms()) {
            if (room.name().isBlank() || !names.add(room.name().strip())) {
                problems.add(new ContentProblem("session.bad-room-name", room.name()));
            }
            String code = room.accessCode();
            if (code != null && !code.isBlank() && (!CODE.matcher(code.strip()).matches() || !codes.add(code.strip().toUpperCase()))) {
                problems.add(new ContentProblem("session.bad-access-code", room.name()));
            }
        }
        for (String network : schedule.allowedNetworks()) {
            if (Network.parse(network).isEmpty()) {
                problems.add(new ContentProblem("session.bad-network", network));
            }
        }
        schedule.extraMinutes().forEach((student, minutes) -> {
            if (minutes == null || minutes < 1 || minutes > MAX_DURATION_MINUTES) {
                problems.add(new ContentProblem("session.bad-extra-time", MAX_DURATION_MINUTES));
            }
        });
        return problems;
    }
}
