package vn.edu.lms.api.lesson.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The share of a video watched, from the spans its player reports. */
class WatchedVideoTests {

    @Test
    void aSpanCountsTheSlicesItCoversAtLeastHalfOf() {
        assertThat(WatchedVideo.slices(0, 10, 60)).containsExactly(0, 1);
        // 2.5 s of the slice 5–10 is half of it; 2.4 s is not.
        assertThat(WatchedVideo.slices(0, 7.5, 60)).containsExactly(0, 1);
        assertThat(WatchedVideo.slices(0, 7.4, 60)).containsExactly(0);
        assertThat(WatchedVideo.slices(12, 13, 60)).isEmpty();
    }

    @Test
    void theLastShortSliceCountsByItsOwnLengthAndNothingPastTheEndCounts() {
        // A 12 s video: slices 0–5, 5–10 and 10–12; one second of the last is half of it.
        assertThat(WatchedVideo.slices(11, 30, 12)).containsExactly(2);
        assertThat(WatchedVideo.slices(-5, 3, 12)).containsExactly(0);
        assertThat(WatchedVideo.slices(20, 30, 12)).isEmpty();
        assertThat(WatchedVideo.slices(8, 8, 12)).isEmpty();
    }

    @Test
    void watchingTheSameMinuteAgainAddsNothingAndOnlyEverySliceIsAHundredPercent() {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seen.addAll(WatchedVideo.slices(0, 60, 120));
        }
        assertThat(WatchedVideo.percent(seen, 120)).isEqualTo(50);
        seen.addAll(WatchedVideo.slices(60, 117, 120));
        assertThat(WatchedVideo.percent(seen, 120)).isEqualTo(95);
        seen.addAll(WatchedVideo.slices(117, 120, 120));
        assertThat(WatchedVideo.percent(seen, 120)).isEqualTo(100);
    }

    @Test
    void slicesOutsideTheVideoAndAnUnknownLengthCountForNothing() {
        assertThat(WatchedVideo.percent(List.of(0, 1, 99, -1), 10)).isEqualTo(100);
        assertThat(WatchedVideo.percent(List.of(0), 0)).isZero();
    }
}
