package vn.edu.lms.web.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Times as people in Vietnam read them: stored as instants, shown in Asia/Ho_Chi_Minh, day first.
 * Templates call it as {@code ${@times.dateTime(instant)}}.
 */
@Component("times")
public class Times {

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** For {@code <input type="datetime-local">}, which has no zone: the wall time in Vietnam. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ZONE));
    }

    public String calendarDate(@Nullable LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }

    public String input(@Nullable Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(ZONE));
    }

    /** Now plus {@code minutes}, for a form's default time. */
    public String inputFromNow(long minutes) {
        return input(clock.instant().plusSeconds(minutes * 60));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
