package vn.edu.lms.api.lesson.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How much of a video a student watched, kept as the set of its 5-second slices they played. The
 * player reports the spans it played; a span adds the slices it covers at least half of. Reporting
 * the same span twice, or overlapping spans, counts each slice once: posting is idempotent, and
 * watching the first minute ten times is still one minute.
 */
public final class WatchedVideo {

    public static final int SLICE_SECONDS = 5;
    /** Longest span one report may claim: a player reports every few seconds, so a longer one is not a real report. */
    public static final double MAX_SPAN_SECONDS = 120;

    private WatchedVideo() {
    }

    /** The slices of a video of {@code duration} seconds that the span from {@code from} to {@code to} covers at least half of. */
    public static List<Integer> slices(double from, double to, double duration) {
        List<Integer> covered = new ArrayList<>();
        double start = Math.max(0, from);
        double end = Math.min(to, duration);
        if (!(end > start)) {
            return covered;
        }
        for (int slice = (int) Math.floor(start / SLICE_SECONDS); slice * SLICE_SECONDS < end; slice++) {
            double sliceStart = slice * (double) SLICE_SECONDS;
            double sliceEnd = Math.min(sliceStart + SLICE_SECONDS, duration);
            double overlap = Math.min(end, sliceEnd) - Math.max(start, sliceStart);
            if (overlap > 0 && overlap * 2 >= sliceEnd - sliceStart) {
                covered.add(slice);
            }
        }
        return covered;
    }

    /** The share of the video watched, in whole per cent (0–100), rounded down: 100 only when every slice was played. */
    public static int percent(Collection<Integer> slices, double duration) {
        int total = slices(duration);
        if (total == 0) {
            return 0;
        }
        long watched = slices.stream().filter(slice -> slice >= 0 && slice < total).distinct().count();
        return (int) (watched * 100 / total);
    }

    /** How many slices a video of {@code duration} seconds has. */
    static int slices(double duration) {
        return duration <= 0 ? 0 : (int) Math.ceil(duration / SLICE_SECONDS);
    }
}
