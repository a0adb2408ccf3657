package vn.edu.lms.content.library.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.lms.content.library.media.HlsResult.Rendition;

/** The ladder for a source: never above it, portrait kept, even sizes for libx264. */
class HlsPlanTests {

    private static final MediaProperties PROPERTIES = new MediaProperties(null, true, null, 2, 1, Duration.ofSeconds(6));

    @Test
    void aFullHdSourceGetsTheWholeLadder() {
        assertThat(HlsPlan.ladder(1920, 1080, true)).containsExactly(
            new Rendition("240p", 426, 240, 300, 64, "240p/index.m3u8"),
            new Rendition("360p", 640, 360, 600, 64, "360p/index.m3u8"),
            new Rendition("480p", 854, 480, 1000, 96, "480p/index.m3u8"),
            new Rendition("720p", 1280, 720, 2000, 128, "720p/index.m3u8"));
    }

    @Test
    void aPortraitSourceIsLadderedOnItsShortSide() {
        assertThat(HlsPlan.ladder(360, 640, true)).extracting(Rendition::name, Rendition::width, Rendition::height)
            .containsExactly(tuple("240p", 240, 426), tuple("360p", 360, 640));
    }

    @Test
    void aSourceBetweenRungsStopsAtTheRungBelowIt() {
        assertThat(HlsPlan.ladder(960, 540, false)).extracting(Rendition::name).containsExactly("240p", "360p", "480p");
        assertThat(HlsPlan.ladder(960, 540, false)).allMatch(rendition -> rendition.audioKbps() == 0);
    }

    @Test
    void aTinySourceKeepsItsOwnEvenSize() {
        assertThat(HlsPlan.ladder(177, 99, true)).containsExactly(new Rendition("98p", 176, 98, 300, 64, "98p/index.m3u8"));
    }

    @Test
    void sixtyFramesASecondAreHalvedAndTheLevelFollowsTheSize() {
        MediaProbe probe = new MediaProbe("mov,mp4,m4a,3gp,3g2,mj2", 60, new MediaProbe.Video(0, 1280, 720, 60),
            new MediaProbe.Audio(1, 2));

        HlsPlan plan = HlsPlan.of(probe, Path.of("/data/in.mp4"), Path.of("/data/out"), PROPERTIES);

        assertThat(plan.arguments().get(plan.arguments().indexOf("-filter_complex") + 1)).startsWith("[0:0]fps=30,split=5");
        assertThat(plan.variants()).extracting(HlsPlan.Variant::codecs)
            .containsExactly("avc1.4d401e,mp4a.40.2", "avc1.4d401e,mp4a.40.2", "avc1.4d401f,mp4a.40.2", "avc1.4d401f,mp4a.40.2");
        assertThat(plan.arguments()).containsSubsequence("-map", "[v3]", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main",
            "-level:v", "3.1", "-b:v", "2000k", "-maxrate", "2200k", "-bufsize", "4000k", "-force_key_frames", "expr:gte(t,n_forced*6)");
        assertThat(plan.arguments()).containsSubsequence("-ss", "6", "-frames:v", "1");
    }

    @Test
    void anAudioFileGetsOneAudioRendition() {
        MediaProbe probe = new MediaProbe("mp3", 3, null, new MediaProbe.Audio(0, 1));

        HlsPlan plan = HlsPlan.of(probe, Path.of("/data/in.mp3"), Path.of("/data/out"), PROPERTIES);

        assertThat(plan.variants()).extracting(HlsPlan.Variant::rendition)
            .containsExactly(new Rendition("audio", 0, 0, 0, 96, "audio/index.m3u8"));
        assertThat(plan.poster()).isNull();
        assertThat(plan.arguments()).containsSubsequence("-map", "0:0", "-c:a", "aac", "-b:a", "96k", "-ac", "1")
            .doesNotContain("-filter_complex");
    }

    @Test
    void numbersAreWrittenAsFfmpegReadsThem() {
        assertThat(List.of(HlsPlan.decimal(6), HlsPlan.decimal(0.3), HlsPlan.decimal(29.97002997), HlsPlan.decimal(1234.5)))
            .containsExactly("6", "0.3", "29.97", "1234.5");
    }
}
