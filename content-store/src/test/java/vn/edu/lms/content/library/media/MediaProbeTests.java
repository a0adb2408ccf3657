package vn.edu.lms.content.library.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading ffmpeg's description of an input, as FFmpeg 4.4 (bundled) and 5.1 (Debian) print it. */
class MediaProbeTests {

    @Test
    void aPortraitPhoneVideoIsMeasuredAsDisplayedFromTheDisplayMatrix() {
        MediaProbe probe = MediaProbe.parse(List.of(
            "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'upload':",
            "  Duration: 00:01:02.50, start: 0.000000, bitrate: 210 kb/s",
            "  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 1920x1080 [SAR 1:1 DAR 16:9], 207 kb/s, 29.97 fps, 29.97 tbr, 90k tbn (default)",
            "    Metadata:",
            "      handler_name    : VideoHandle",
            "    Side data:",
            "      displaymatrix: rotation of -90.00 degrees",
            "  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 128 kb/s (default)"));

        assertThat(probe.durationSeconds()).isEqualTo(62.5);
        assertThat(probe.video()).isEqualTo(new MediaProbe.Video(0, 1080, 1920, 29.97));
        assertThat(probe.audio()).isEqualTo(new MediaProbe.Audio(1, 2));
    }

    @Test
    void theOlderRotateTagCountsToo() {
        MediaProbe probe = MediaProbe.parse(List.of(
            "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'upload':",
            "  Duration: 00:00:03.00, start: 0.000000, bitrate: 210 kb/s",
            "  Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 640x360 [SAR 1:1 DAR 16:9], 207 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)",
            "    Metadata:",
            "      rotate          : 270"));

        assertThat(probe.video()).isEqualTo(new MediaProbe.Video(0, 360, 640, 25));
        assertThat(probe.audio()).isNull();
    }

    @Test
    void nonSquarePixelsAreMeasuredAsDisplayed() {
        MediaProbe probe = MediaProbe.parse(List.of(
            "Input #0, mpeg, from 'upload':",
            "  Duration: 00:00:10.00, start: 0.500000, bitrate: 5000 kb/s",
            "  Stream #0:0[0x1e0]: Video: mpeg2video (Main), yuv420p(tv, top first), 720x576 [SAR 16:15 DAR 4:3], 25 fps, 25 tbr, 90k tbn"));

        assertThat(probe.video()).isEqualTo(new MediaProbe.Video(0, 768, 576, 25));
    }

    @Test
    void anMp3WithCoverArtIsAudio() {
        MediaProbe probe = MediaProbe.parse(List.of(
            "Input #0, mp3, from 'upload':",
            "  Duration: 00:00:03.03, start: 0.025056, bitrate: 105 kb/s",
            "  Stream #0:0: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s",
            "  Stream #0:1: Video: mjpeg (Baseline), yuvj444p(pc, bt470bg/unknown/unknown), 640x360 [SAR 1:1 DAR 16:9], 90k tbr, 90k tbn (attached pic)"));

        assertThat(probe.audioOnly()).isTrue();
        assertThat(probe.audio()).isEqualTo(new MediaProbe.Audio(0, 1));
    }

    @Test
    void aRecordingWithoutADurationIsStillMedia() {
        MediaProbe probe = MediaProbe.parse(List.of(
            "Input #0, matroska,webm, from 'upload':",
            "  Duration: N/A, start: 0.000000, bitrate: N/A",
            "  Stream #0:0(eng): Video: vp8, yuv420p(progressive), 640x480, SAR 1:1 DAR 4:3, 1k tbr, 1k tbn (default)",
            "  Stream #0:1(eng): Audio: opus, 48000 Hz, mono, fltp (default)"));

        assertThat(probe.durationSeconds()).isZero();
        assertThat(probe.video()).isEqualTo(new MediaProbe.Video(0, 640, 480, 0)); // "1k tbr" is a time base, not a rate
    }

    @Test
    void unrecognisedBytesAreNotMedia() {
        assertThatThrownBy(() -> MediaProbe.parse(List.of("upload: Invalid data found when processing input")))
            .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("not-media"));
    }

    @Test
    void bytesOnlyTheFileNameCalledAnMp4AreNotMedia() {
        assertThatThrownBy(() -> MediaProbe.parse(List.of(
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x563c4726a840] Format mov,mp4,m4a,3gp,3g2,mj2 detected only with low score of 1, misdetection possible!",
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x563c4726a840] moov atom not found",
            "upload.mp4: Invalid data found when processing input")))
            .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("not-media"));
    }

    @Test
    void anMp4CutBeforeItsIndexIsCorrupt() {
        assertThatThrownBy(() -> MediaProbe.parse(List.of("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55dd5e427880] moov atom not found",
            "upload: Invalid data found when processing input")))
            .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("corrupt"));
    }

    @Test
    void picturesAndPlaylistsAreNotMediaToTranscode() {
        for (String format : List.of("image2", "png_pipe", "hls", "concat")) {
            assertThatThrownBy(() -> MediaProbe.parse(List.of("Input #0, " + format + ", from 'upload':",
                "  Duration: 00:00:10.00, start: 0.000000, bitrate: 3175 kb/s",
                "  Stream #0:0: Video: h264, yuv420p, 640x360 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 25 tbn")))
                .as(format)
                .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("not-media"));
        }
    }
}
